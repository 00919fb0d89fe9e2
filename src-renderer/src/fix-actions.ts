/**
 * How findings and their fix actions read on screen: severity words, evidence labels, and the
 * one sentence a disruptive action's confirmation says about what will happen. Pure, no Vue.
 */
import type { Finding } from '../../src-preload/contract'

export type FixAction = Finding['actions'][number]
export type Severity = Finding['severity']
export type FixWorkflow = FixAction['workflow']

/** Severity as a word and a naive-ui tag type (the word is always shown: never colour alone). */
export function severityLabel(s: Severity): { label: string; tone: 'error' | 'warning' | 'info' } {
  if (s === 'problem') return { label: 'Problem', tone: 'error' }
  if (s === 'warning') return { label: 'Warning', tone: 'warning' }
  return { label: 'Note', tone: 'info' }
}

const ACRONYMS = new Set(['ssid', 'bssid', 'apn', 'iccid', 'imsi', 'imei', 'rsrp', 'rsrq', 'sinr', 'rssi', 'pci', 'sim', 'wan', 'ip', 'mtu', 'gps', 'vpn', 'led', 'mcc', 'mnc'])

/** "signalStrength" -> "Signal strength", "routerMessage" -> "Router message", "ssid" -> "SSID". */
export function evidenceLabel(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase().split(' ')
  const text = words.map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w)).join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Evidence as label/value rows, leaving out empty values. */
export function evidenceRows(f: Finding): { label: string; value: string }[] {
  return Object.entries(f.evidence)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => ({ label: evidenceLabel(k), value: typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v) }))
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
const wan = (a: FixAction) => (num(a.params?.connId) !== undefined ? `WAN ${num(a.params?.connId)}` : 'the WAN')

/** The one sentence a confirmation says about what the action does to the link. */
export function whatHappens(a: FixAction): string {
  switch (a.workflow) {
    case 'carrier.scan': return `The modem scans for carriers for up to a few minutes; ${wan(a)} drops while it scans.`
    case 'carrier.select': return `The modem re-registers with automatic carrier selection; ${wan(a)} drops for up to a minute.`
    case 'pci.scan': return `The modem scans nearby cells; ${wan(a)} may drop while it scans.`
    case 'pci.clear': return `The channel / PCI lock is removed and the modem re-attaches; ${wan(a)} drops for up to a minute.`
    case 'sim.switch': return `${wan(a)} switches SIM and reconnects; traffic on it stops for up to a minute.`
    case 'module.reset': return `The cellular module restarts; ${wan(a)} is down for about a minute.`
    case 'module.rescan': return `The modem searches for networks again; ${wan(a)} drops for up to a minute.`
    case 'wifi.connect': return `${wan(a)} leaves its current network and connects again; it drops for a few seconds.`
    case 'wan.priority': return 'The router applies the new WAN priorities at once; traffic may move to another link.'
    case 'wan.enable': return `${wan(a)} is enabled at once and the router starts using it.`
    case 'billing.newCycle': return 'The allowance counter starts a new month from zero.'
    default: return 'The router changes this setting at once.'
  }
}

/** Where the full tool for a workflow lives, for actions that need a choice (a scan's results). */
export function toolFor(w: FixWorkflow): { screen: 'cellular' | 'wifi'; label: string } | undefined {
  if (w === 'carrier.scan' || w === 'pci.scan') return { screen: 'cellular', label: 'Open Cellular to choose from the scan' }
  if (w === 'wifi.scan') return { screen: 'wifi', label: 'Open Wi-Fi WAN to connect to one' }
  return undefined
}

/** Findings sorted problem, warning, note; stable within a severity. */
export function bySeverity(list: readonly Finding[]): Finding[] {
  const rank: Record<Severity, number> = { problem: 0, warning: 1, info: 2 }
  return [...list].sort((a, b) => rank[a.severity] - rank[b.severity])
}

/** "2 problems, 1 warning, no notes" style counts. */
export function severityCounts(list: readonly Finding[]): { problem: number; warning: number; info: number } {
  return {
    problem: list.filter((f) => f.severity === 'problem').length,
    warning: list.filter((f) => f.severity === 'warning').length,
    info: list.filter((f) => f.severity === 'info').length,
  }
}

/** The sentence a workflow's answer carries (summary, or the Wi-Fi result's explanation). */
export function resultSentence(res: unknown): string {
  const r = res as { summary?: unknown; explanation?: unknown } | null
  if (r && typeof r.summary === 'string') return r.summary
  if (r && typeof r.explanation === 'string') return r.explanation
  return 'Done.'
}
