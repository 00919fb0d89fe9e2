/**
 * The five guided flows as data. Each step names the rules that decide it, so a step's check
 * is the same logic as the diagnosis; a few steps add a final "is it up now?" check.
 * The logic that walks a guide (start, evaluate, advance, resume) is in guides.ts.
 */
import type { Wan, WanType } from '../peplink/model'
import { anyUnread, locksUnseen, simsUnseen, unread } from './coverage'
import { runRules, sortFindings } from './rules'
import { wanLabel } from './rules/helpers'
import { count } from '../workflows/types'
import type { Finding, Snapshot } from './types'

export type GuideId = 'cellular-down' | 'cellular-slow' | 'wifi-wan' | 'new-install' | 'before-leave'
/** ok: looked at everything, nothing found; unchecked: found nothing, but could not look at everything. */
export type StepStatus = 'ok' | 'fix' | 'info' | 'unchecked'

/** Which WANs a guide is about: a type, and optionally the one WAN the technician picked. */
export interface GuideFocus {
  wanType?: WanType
  wanId?: number
}

export interface StepCheck {
  status: StepStatus
  findings: Finding[]
  /** One or two sentences saying what the check found. */
  summary: string
}

export interface GuideStep {
  id: string
  title: string
  /** What the step looks at and why, shown before the result. */
  intro: string
  check: (s: Snapshot, focus?: GuideFocus) => StepCheck
}

export interface Guide {
  id: GuideId
  title: string
  description: string
  /** The WAN type the guide is about, if any. */
  wanType?: WanType
  steps: GuideStep[]
}

/** The WANs in focus: of the guide's type, and only the chosen one when there is one. */
export function focusedWans(s: Snapshot, focus: GuideFocus = {}): Wan[] {
  return s.wans.filter((w) => (focus.wanType === undefined || w.type === focus.wanType) && (focus.wanId === undefined || w.id === focus.wanId))
}

/** Keeps findings about WANs in focus, and findings about no WAN in particular. */
function inFocus(s: Snapshot, findings: Finding[], focus: GuideFocus = {}): Finding[] {
  if (focus.wanType === undefined && focus.wanId === undefined) return findings
  const ids = new Set(focusedWans(s, focus).map((w) => w.id))
  return findings.filter((f) => f.wanId === undefined || ids.has(f.wanId))
}

/** Status from findings: anything a technician should act on is "fix"; only notes is "info". */
export function statusOf(findings: Finding[]): StepStatus {
  if (findings.some((f) => f.severity !== 'info')) return 'fix'
  return findings.length ? 'info' : 'ok'
}

function summarise(findings: Finding[], ok: string): string {
  if (!findings.length) return ok
  const shown = findings.slice(0, 3).map((f) => f.title)
  return `${shown.join('; ')}${findings.length > 3 ? `; and ${findings.length - 3} more` : ''}.`
}

/** The check's answer when the router has no WAN the guide is about. */
function nothingInFocus(s: Snapshot, focus?: GuideFocus): StepCheck | undefined {
  if (!focus?.wanType || focusedWans(s, focus).length) return undefined
  return { status: 'info', findings: [], summary: `This router reports no ${focus.wanType} WAN${focus.wanId !== undefined ? ` with id ${focus.wanId}` : ''}.` }
}

/** What a step could not look at, for the WANs in focus (see coverage.ts). */
type Coverage = (s: Snapshot, only: (w: Wan) => boolean) => string[]

/**
 * A step's answer with what it could not see: findings still lead, but "OK" is only said when
 * nothing was missed; otherwise the step is "not checked" and names what it could not read.
 */
export function withCoverage(check: StepCheck, unseen: string[]): StepCheck {
  if (!unseen.length) return check
  const missed = `Not checked: ${unseen.join('; ')}.`
  if (check.status === 'fix') return { ...check, summary: `${check.summary} ${missed}` }
  return { status: 'unchecked', findings: check.findings, summary: `${missed}${check.findings.length ? ` ${check.summary}` : ' Nothing was found in what could be read.'}` }
}

function ruleStep(id: string, title: string, intro: string, rules: string[], ok: string, coverage?: Coverage): GuideStep {
  return {
    id, title, intro,
    check(s, focus) {
      const none = nothingInFocus(s, focus)
      if (none) return none
      const findings = sortFindings(inFocus(s, runRules(s, rules), focus))
      const inView = new Set(focusedWans(s, focus))
      return withCoverage({ status: statusOf(findings), findings, summary: summarise(findings, ok) }, coverage?.(s, (w) => inView.has(w)) ?? [])
    },
  }
}

/** The WAN status and these device-wide reads. */
const reads = (...calls: string[]): Coverage => (s) => unread(s, ['status.wan.connection', ...calls])

/** The final "is it up now?" step: every WAN in focus connected. */
function linkUpStep(what: string, rules: string[]): GuideStep {
  return {
    id: 'link-up', title: `${what} is up`, intro: 'A last check that the link is connected and carrying traffic.',
    check(s, focus) {
      const none = nothingInFocus(s, focus)
      if (none) return none
      const failed = unread(s, ['status.wan.connection'])
      if (failed.length) return withCoverage({ status: 'info', findings: [], summary: '' }, failed)
      const wans = focusedWans(s, focus).filter((w) => w.enable)
      const findings = sortFindings(inFocus(s, runRules(s, rules), focus))
      // A backup in standby is ready, not down: it takes over when the link ahead of it fails.
      const down = wans.filter((w) => !w.connected && w.state !== 'standby')
      if (!wans.length) return { status: 'info', findings, summary: `No enabled ${what.toLowerCase()} to check.` }
      if (!down.length) {
        const detail = wans.map((w) =>
          w.state === 'standby'
            ? `${wanLabel(w)} is in standby as a backup`
            : `${wanLabel(w)} is connected${w.cellular?.carrier?.name ? ` on ${w.cellular.carrier.name}${w.cellular.mobileType ? ` (${w.cellular.mobileType})` : ''}` : w.wifi?.ssid ? ` to ${w.wifi.ssid}` : ''}`,
        )
        return { status: 'ok', findings: [], summary: `${detail.join('; ')}.` }
      }
      return { status: 'fix', findings, summary: `${down.map((w) => `${wanLabel(w)} is still down${w.message ? ` ("${w.message}")` : ''}`).join('; ')}.` }
    },
  }
}

const LINK_RULES = ['cellular-down', 'no-cable', 'wan-no-device', 'wan-disabled', 'wan-scheduled-off', 'wan-no-ip', 'wifi-result', 'sim-not-detected', 'sim-not-active']
const SIGNAL_RULES = ['signal']
const LOCK_RULES = ['pci-lock', 'carrier-lock']
const PRIORITY_RULES = ['wan-priority-same', 'wan-priority-order']

const simStep = ruleStep('sim', 'SIM card', 'Is a SIM detected, enabled and in use?', ['sim-not-detected', 'sim-not-active'], 'A SIM is detected and in use.', simsUnseen)
const locksStep = ruleStep('locks', 'Forgotten locks', 'A channel/PCI lock or a manual carrier choice left from an earlier visit is a common cause. Every SIM is looked at, in use or not.', LOCK_RULES, 'No channel/PCI lock or manual carrier selection on any SIM.', locksUnseen)
const signalStep = ruleStep('signal', 'Signal quality', 'RSRP, RSRQ and SINR against the usual thresholds.', SIGNAL_RULES, 'Signal is good or better.', reads('status.wan.connection.signal'))
const priorityStep = ruleStep('priority', 'WAN priorities', 'Is the right link used first, and the others kept as backup?', PRIORITY_RULES, 'WAN priorities look right.', reads())
const vpnStep = ruleStep('vpn', 'PepVPN', 'Are the PepVPN / SpeedFusion profiles and peers connected?', ['pepvpn-down'], 'Every PepVPN profile and peer is connected (or none is configured).', reads('status.pepvpn'))
const allowanceReads = reads('status.wan.connection.allowance')

/** The guides, in the order the UI lists them. */
export const GUIDES: readonly Guide[] = [
  {
    id: 'cellular-down', title: 'Cellular link is down', wanType: 'cellular',
    description: 'From the SIM to registration to signal: find why the cellular WAN does not connect.',
    steps: [
      simStep,
      ruleStep('enabled', 'WAN enabled', 'Is the cellular WAN enabled and not turned off by a schedule?', ['wan-disabled', 'wan-scheduled-off'], 'The cellular WAN is enabled.'),
      ruleStep('allowance', 'Data allowance', 'A used-up allowance can make the router cut the link.', ['allowance-exceeded'], 'No allowance is used up.', allowanceReads),
      locksStep,
      ruleStep('registration', 'Network registration', "What the router says about the link, and whether it is roaming.", ['cellular-down', 'roaming', 'wan-no-ip'], 'The modem is registered and has an address.'),
      signalStep,
      linkUpStep('Cellular WAN', ['cellular-down', 'wan-no-ip']),
    ],
  },
  {
    id: 'cellular-slow', title: 'Cellular is slow', wanType: 'cellular',
    description: 'Allowance throttling, signal, technology, roaming and locks: what limits the speed.',
    steps: [
      ruleStep('allowance', 'Data allowance', 'A restricted or nearly used allowance limits traffic.', ['allowance-exceeded', 'allowance-near'], 'The allowance is not near its limit.', allowanceReads),
      signalStep,
      ruleStep('technology', 'Network technology', 'On 3G or roaming the speed is limited whatever the signal.', ['legacy-technology', 'roaming'], 'On LTE/5G, not roaming.'),
      locksStep,
      priorityStep,
      linkUpStep('Cellular WAN', ['cellular-down', 'wan-no-ip']),
    ],
  },
  {
    id: 'wifi-wan', title: 'Wi-Fi WAN will not connect', wanType: 'wifi',
    description: "Read the router's last Wi-Fi result, explain it and fix it.",
    steps: [
      ruleStep('enabled', 'WAN enabled', 'Is the Wi-Fi WAN enabled and not turned off by a schedule?', ['wan-disabled', 'wan-scheduled-off'], 'The Wi-Fi WAN is enabled.'),
      ruleStep('result', 'Last connection result', "The router's own result of the last attempt.", ['wifi-result'], 'The last attempt connected.'),
      ruleStep('signal', 'Wi-Fi signal', 'How well the router hears the access point.', ['wifi-weak-signal'], 'The Wi-Fi signal is good.'),
      ruleStep('address', 'IP address', 'Did the network give the router an address?', ['wan-no-ip'], 'The Wi-Fi WAN has an address.'),
      linkUpStep('Wi-Fi WAN', ['wifi-result', 'wan-no-ip']),
    ],
  },
  {
    id: 'new-install', title: 'New installation check',
    description: 'Firmware, SIMs, every link, priorities, signal, allowance, GPS and VPN on a new install.',
    steps: [
      ruleStep('firmware', 'Firmware', 'Is the firmware new enough for the tools you may need?', ['firmware-old'], 'The firmware supports every workflow.'),
      { ...simStep, check: (s) => simStep.check(s, { wanType: 'cellular' }) },
      ruleStep('links', 'Every WAN up', 'Each enabled WAN should be connected.', LINK_RULES, 'Every enabled WAN is connected.', reads()),
      priorityStep,
      ruleStep('signal', 'Signal', 'Cellular and Wi-Fi signal at the installed position.', [...SIGNAL_RULES, 'wifi-weak-signal', 'legacy-technology'], 'Signal is good on every wireless link.'),
      ruleStep('allowance', 'Data allowance', 'Allowance usage on metered links.', ['allowance-exceeded', 'allowance-near'], 'No allowance near its limit.', allowanceReads),
      ruleStep('gps', 'GPS', 'Does the router have a position fix?', ['gps-no-fix'], 'GPS has a fix (or the router has no GPS).'),
      vpnStep,
    ],
  },
  {
    id: 'before-leave', title: 'Before I leave the site',
    description: 'Links up, no locks left behind, priorities right, nothing still open.',
    steps: [
      ruleStep('links', 'Every WAN up', 'Each enabled WAN should be connected.', LINK_RULES, 'Every enabled WAN is connected.', reads()),
      locksStep,
      priorityStep,
      ruleStep('allowance', 'Data allowance', 'No link about to be cut for data.', ['allowance-exceeded', 'allowance-near'], 'No allowance near its limit.', allowanceReads),
      vpnStep,
      {
        id: 'all-clear', title: 'Nothing left open', intro: 'Every check at once: what is still open goes in the report.',
        check(s) {
          const findings = sortFindings(runRules(s))
          const problems = findings.filter((f) => f.severity === 'problem').length
          const warnings = findings.filter((f) => f.severity === 'warning').length
          // "In good order" only when every read worked and every SIM's locks could be seen.
          return withCoverage({
            status: statusOf(findings), findings,
            summary: findings.length ? `${count(problems, 'problem')} and ${count(warnings, 'warning')} still open; they will be listed in the site report.` : 'Nothing open. The router is in good order.',
          }, [...anyUnread(s), ...locksUnseen(s).filter((x) => !/could not be read/.test(x))])
        },
      },
    ],
  },
]
