/**
 * The report's "What was done" in words a customer reads ("Locked SIM A on WAN 2 to channel
 * 1300 / PCI 101"), and the technical appendix that keeps each endpoint name and its
 * parameters for whoever services the router next.
 */
import { simName } from './rules/helpers'
import type { SnapshotGap } from './types'
import type { VisitAction } from './visit'

type Params = Record<string, unknown>

/** Older logs used workflow names; they mean the same endpoints. */
const ALIASES: Record<string, string> = {
  'cellular.selectCarrier': 'cmd.carrier.select',
  'cellular.scanCarriers': 'cmd.carrier.scan',
  'cellular.lockPci': 'cmd.channelPci.lock',
  'cellular.scanPci': 'cmd.channelPci.scan',
  'wifi.connect': 'cmd.wifi.connect',
  'wifi.disconnect': 'cmd.wifi.disconnect',
  'wifi.forget': 'cmd.wifi.forget',
  'sim.set': 'cmd.wan.cellular',
  'ussd.send': 'cmd.sendUssd',
  'sms.send': 'cmd.sms.sendMessage',
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
const onWan = (p: Params): string => (num(p.connId) !== undefined ? ` on WAN ${num(p.connId)}` : '')
const sim = (p: Params): string => (num(p.simId) !== undefined ? `${simName(num(p.simId)!)} ` : '')
const quoted = (v: unknown): string => (typeof v === 'string' && v ? ` "${v}"` : '')

function carrierTitle(p: Params): string {
  const c = p.carrier as { name?: unknown; mcc?: unknown; mnc?: unknown } | string | null | undefined
  if (!c || c === 'automatic') return `Returned ${sim(p)}to automatic carrier selection${onWan(p)}`
  const name = typeof c === 'object' ? (typeof c.name === 'string' && c.name ? c.name : `${String(c.mcc ?? '')}-${String(c.mnc ?? '')}`) : String(c)
  return `Chose carrier ${name}${p.simId !== undefined ? ` for ${simName(Number(p.simId))}` : ''}${onWan(p)}`
}

function lockTitle(p: Params): string {
  const lock = p.lock as { channel?: unknown; pci?: unknown } | string | null | undefined
  const who = sim(p).trim() || 'the SIM'
  if (!lock || lock === 'cleared' || typeof lock !== 'object') return `Cleared the channel/PCI lock of ${who}${onWan(p)}`
  const pci = num(lock.pci) !== undefined ? ` / PCI ${num(lock.pci)}` : ''
  return `Locked ${who}${onWan(p)} to channel ${String(lock.channel)}${pci}`
}

function simTitle(p: Params): string {
  const enabled = Array.isArray(p.enabledSim) ? (p.enabledSim as unknown[]).map((x) => simName(Number(x))) : []
  const preferred = num(p.preferredSim) !== undefined ? `, ${simName(num(p.preferredSim)!)} preferred` : ''
  return `Set the SIM cards used${onWan(p)}${enabled.length ? `: ${enabled.join(' and ')}${preferred}` : ''}`
}

const TITLES: Record<string, (p: Params) => string> = {
  'cmd.carrier.scan': (p) => `Scanned for mobile carriers${onWan(p)}`,
  'cmd.carrier.select': carrierTitle,
  'cmd.channelPci.scan': (p) => `Scanned for nearby cells (channel/PCI)${onWan(p)}`,
  'cmd.channelPci.lock': lockTitle,
  'cmd.wan.cellular': simTitle,
  'cmd.cellularModule.reset': (p) => `Restarted the cellular module${onWan(p)}`,
  'cmd.cellularModule.rescanNetwork': (p) => `Made the cellular module search for networks again${onWan(p)}`,
  'cmd.billing.newCycle': (p) => `Started a new data billing cycle${sim(p) ? ` for ${sim(p).trim()}` : ''}${onWan(p)}`,
  'cmd.sendUssd': (p) => `Sent USSD code${quoted(p.ussd)}${onWan(p)}`,
  'cmd.sim.ussd.send': (p) => `Sent USSD code${quoted(p.ussd)}${onWan(p)}`,
  'cmd.sms.sendMessage': (p) => `Sent a text message${typeof p.address === 'string' ? ` to ${p.address}` : ''}${onWan(p)}`,
  'cmd.wifi.connect': (p) => `Connected the Wi-Fi WAN${onWan(p)} to${quoted(p.ssid) || ' a network'}`,
  'cmd.wifi.disconnect': (p) => `Disconnected the Wi-Fi WAN${onWan(p)}${typeof p.ssid === 'string' && p.ssid ? ` from "${p.ssid}"` : ''}`,
  'cmd.wifi.forget': (p) => `Removed the saved Wi-Fi network${quoted(p.ssid)}${onWan(p)}`,
  'cmd.config.apply': () => 'Applied the pending settings',
  'cmd.config.discard': () => 'Discarded the pending settings',
  'config.wan.connection.priority': () => 'Changed the order in which WAN links are used',
  'config.wan.connection': (p) => `Changed the settings of WAN ${String(p.id ?? '')}`.trim(),
  'cmd.port.poe.enable': () => 'Turned on power over Ethernet',
  'cmd.port.poe.disable': () => 'Turned off power over Ethernet',
  'config.gpio': () => 'Changed the GPIO settings',
  'cmd.ap': (p) => `Turned the Wi-Fi access point ${p.enable === false ? 'off' : 'on'}`,
  'auth.client': (p) => (p.action === 'remove' ? 'Removed an API client' : `Created the API client${quoted(p.name)}`),
  'auth.token.revoke': () => 'Revoked an API access token',
  'config.ssid.profile': (p) => `Changed the Wi-Fi network (SSID) profile${quoted(p.name)}`,
}

/** What an action did, in plain words; the endpoint name when the app has no words for it. */
export function actionTitle(a: Pick<VisitAction, 'action' | 'params'>): string {
  const fn = TITLES[ALIASES[a.action] ?? a.action]
  return fn ? fn(a.params ?? {}) : a.action
}

const OUTCOME_WORDS: Record<VisitAction['outcome'], string> = { ok: 'done', failed: 'failed', 'not-verified': 'not confirmed' }

/** The outcome as the customer's table says it. */
export function outcomeText(outcome: VisitAction['outcome']): string {
  return OUTCOME_WORDS[outcome] ?? outcome
}

/** A parameter list for the appendix ("connId=2, lock={"channel":1300}"). */
export function paramsText(p: Params): string {
  return Object.entries(p).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ')
}

/** Rows of "What was done": time, the change in words, outcome, the app's result sentence. */
export function doneRows(actions: readonly VisitAction[], time: (iso: string) => string): unknown[][] {
  return actions.map((a) => [time(a.at), actionTitle(a), outcomeText(a.outcome), a.summary])
}

/** Rows of the appendix: time, endpoint as the router spells it, raw outcome, parameters. */
export function technicalRows(actions: readonly VisitAction[], time: (iso: string) => string): unknown[][] {
  return actions.map((a) => [time(a.at), a.action, a.outcome, paramsText(a.params ?? {}) || '(none)'])
}

/** Calls the last check could not make, for the appendix. */
export function gapRows(gaps: readonly SnapshotGap[]): unknown[][] {
  return gaps.map((g) => [g.call, g.wanId !== undefined ? `WAN ${g.wanId}` : '', g.status === 'unavailable' ? 'not on this router' : 'failed', g.message])
}
