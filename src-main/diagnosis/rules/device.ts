/**
 * Device-wide rules: GPS without a fix, firmware too old for the workflows a technician may
 * need, and calls that failed so the picture is incomplete.
 */
import { atLeast } from '../../peplink/version'
import type { Finding, Rule } from '../types'
import { act, finding, orNull } from './helpers'

/** Workflows Uplink offers and the firmware each needs (endpoints.ts `since`). */
export const WORKFLOW_FIRMWARE: { feature: string; since: string }[] = [
  { feature: 'WAN status and SIM controls', since: '8.0.0' },
  { feature: 'carrier selection', since: '8.0.1' },
  { feature: 'GPS location', since: '8.0.1' },
  { feature: 'LAN client list', since: '8.0.1' },
  { feature: 'carrier scan', since: '8.1.0' },
  { feature: 'new billing cycle', since: '8.1.0' },
  { feature: 'SMS inbox and USSD', since: '8.1.0' },
  { feature: 'channel/PCI scan and lock', since: '8.1.1' },
]

/** The router has GPS but no fix. */
export const gpsNoFix: Rule = (s) => {
  const l = s.location
  if (!l || l.gps) return []
  return [finding({
    rule: 'gps-no-fix', severity: 'warning',
    title: 'GPS has no fix',
    evidence: { gps: false, latitude: orNull(l.latitude), longitude: orNull(l.longitude) },
    explanation: 'The router has GPS but no position fix. Check the GPS antenna is connected to the GPS port (not a cellular one) and can see the sky; a fix can take a few minutes after power-up.',
    actions: [act.manual('Check the GPS antenna and its view of the sky')],
  })]
}

/** Firmware older than some workflow needs. */
export const firmwareTooOld: Rule = (s) => {
  const fw = s.firmware
  if (!fw) return []
  const missing = WORKFLOW_FIRMWARE.filter((x) => !atLeast(fw, x.since))
  if (!missing.length) return []
  const blind = !atLeast(fw, '8.0.0')
  return [finding({
    rule: 'firmware-old', severity: blind ? 'problem' : 'warning',
    title: `Firmware ${fw} lacks ${missing.length === 1 ? missing[0]!.feature : `${missing.length} workflows`}`,
    evidence: { firmware: fw, missing: missing.map((x) => `${x.feature} (${x.since})`).join(', '), needed: missing.at(-1)!.since },
    explanation: `This router runs ${fw}. ${missing.map((x) => `${x.feature[0]!.toUpperCase()}${x.feature.slice(1)} needs ${x.since}`).join('; ')}.${blind ? ' Uplink cannot read the WAN status on this firmware, so most checks are blind.' : ''} Upgrade the firmware (after checking the release notes for this model) to use them.`,
    actions: [act.manual(`Upgrade the firmware to ${missing.at(-1)!.since} or later`)],
  })]
}

/** A call that failed (not merely unsupported), so the diagnosis may miss something. */
export const snapshotGaps: Rule = (s) =>
  s.gaps.flatMap((g): Finding[] =>
    g.status !== 'failed' ? [] : [finding({
      rule: 'snapshot-gap', severity: 'info', wanId: g.wanId, key: g.call,
      title: `Could not read ${g.call}${g.wanId !== undefined ? ` for WAN ${g.wanId}` : ''}`,
      evidence: { call: g.call, message: g.message },
      explanation: `The router did not answer ${g.call}, so the checks that need it were skipped: ${g.message} Re-check in a moment.`,
    })],
  )
