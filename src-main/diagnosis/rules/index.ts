/**
 * Every rule, by name, and `diagnose`: run them all over one snapshot, problems first.
 */
import type { Finding, Rule, Severity, Snapshot } from '../types'
import { allowanceExceeded, allowanceNear } from './allowance'
import { cellularDown, roaming } from './cellular'
import { firmwareTooOld, gpsNoFix, snapshotGaps } from './device'
import { carrierLock, pciLock } from './locks'
import { pepvpnDown } from './pepvpn'
import { samePriority, wrongWanFirst } from './priority'
import { legacyTechnology, signalQuality } from './signal'
import { simNotActive, simNotDetected } from './sim'
import { noCable, noDevice, wanDisabled, wanNoIp, wanScheduledOff } from './wan'
import { wifiResult, wifiWeakSignal } from './wifi'

/** Every rule, keyed by the `rule` name its findings carry (pepvpn-down yields profile and peer findings). */
export const RULES: Readonly<Record<string, Rule>> = {
  'sim-not-detected': simNotDetected,
  'sim-not-active': simNotActive,
  'cellular-down': cellularDown,
  roaming,
  'allowance-exceeded': allowanceExceeded,
  'allowance-near': allowanceNear,
  signal: signalQuality,
  'legacy-technology': legacyTechnology,
  'wan-no-ip': wanNoIp,
  'wan-disabled': wanDisabled,
  'wan-scheduled-off': wanScheduledOff,
  'no-cable': noCable,
  'wan-no-device': noDevice,
  'wan-priority-same': samePriority,
  'wan-priority-order': wrongWanFirst,
  'wifi-result': wifiResult,
  'wifi-weak-signal': wifiWeakSignal,
  'pci-lock': pciLock,
  'carrier-lock': carrierLock,
  'pepvpn-down': pepvpnDown,
  'gps-no-fix': gpsNoFix,
  'firmware-old': firmwareTooOld,
  'snapshot-gap': snapshotGaps,
}

const ORDER: Record<Severity, number> = { problem: 0, warning: 1, info: 2 }

/** Orders findings problems first, then by WAN, keeping rule order within a tie. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || (a.f.wanId ?? 0) - (b.f.wanId ?? 0) || a.i - b.i)
    .map((x) => x.f)
}

/** Runs the given rules (default: all) over a snapshot; a rule that throws is reported, not fatal. */
export function runRules(s: Snapshot, names: readonly string[] = Object.keys(RULES)): Finding[] {
  const out: Finding[] = []
  const seen = new Set<string>()
  for (const name of names) {
    const rule = RULES[name]
    if (!rule) throw new RangeError(`unknown diagnosis rule: ${name}`)
    let found: Finding[]
    try {
      found = rule(s)
    } catch (err) {
      // A snapshot shape a rule did not expect must not hide every other finding.
      found = [{ id: `rule-error:${name}`, rule: 'rule-error', severity: 'info', title: `Check "${name}" could not run`, evidence: { rule: name, error: err instanceof Error ? err.message : String(err) }, explanation: 'This check failed on the data the router returned; the other checks are unaffected.', actions: [] }]
    }
    for (const f of found) {
      if (seen.has(f.id)) continue
      seen.add(f.id)
      out.push(f)
    }
  }
  return out
}

/** Every finding for a snapshot, problems first. */
export function diagnose(s: Snapshot): Finding[] {
  return sortFindings(runRules(s))
}

/** Only the findings about one WAN, plus those about the router as a whole. */
export function findingsForWan(findings: readonly Finding[], wanId: number): Finding[] {
  return findings.filter((f) => f.wanId === undefined || f.wanId === wanId)
}
