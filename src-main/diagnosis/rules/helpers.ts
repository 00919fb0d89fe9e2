/**
 * Small pure helpers the rules share: building findings with stable ids, naming WANs and SIMs
 * the way the web admin does, and the fix actions several rules offer.
 */
import type { CellularBand, Wan } from '../../peplink/model'
import type { Evidence, Finding, FixAction, Severity, Snapshot } from '../types'
import { simInUseName, simName } from '../../workflows/types'

export { bandText } from '../../peplink/describe'
export { simInUseName, simName }

/** "rule:wan:sim" with absent parts left out, so a finding keeps its id across snapshots. */
export function findingId(rule: string, ...parts: (string | number | undefined)[]): string {
  return [rule, ...parts.filter((p) => p !== undefined && p !== '')].join(':')
}

/** Builds a finding; the id comes from the rule, WAN and SIM (plus an optional extra key). */
export function finding(f: {
  rule: string
  severity: Severity
  title: string
  wanId?: number
  simId?: number
  key?: string | number
  evidence: Evidence
  explanation: string
  actions?: FixAction[]
}): Finding {
  return {
    id: findingId(f.rule, f.wanId, f.simId, f.key),
    rule: f.rule,
    severity: f.severity,
    title: f.title,
    ...(f.wanId === undefined ? {} : { wanId: f.wanId }),
    ...(f.simId === undefined ? {} : { simId: f.simId }),
    evidence: f.evidence,
    explanation: f.explanation,
    actions: f.actions ?? [],
  }
}


/** "WAN 2 (Cellular)": the id and the name the technician sees in the web admin. */
export function wanLabel(w: Pick<Wan, 'id' | 'name'>): string {
  return w.name && w.name !== `WAN ${w.id}` ? `WAN ${w.id} (${w.name})` : `WAN ${w.id}`
}

/** Cellular and USB-modem WANs that carry a cellular detail object. */
export function cellularWans(s: Snapshot): (Wan & { cellular: NonNullable<Wan['cellular']> })[] {
  return s.wans.filter((w): w is Wan & { cellular: NonNullable<Wan['cellular']> } => w.type === 'cellular' && !!w.cellular)
}

/** The bands for a WAN: the signal report's when there is one, else the WAN status's. */
export function bandsOf(s: Snapshot, wanId: number): CellularBand[] {
  const report = s.signal.find((r) => r.id === wanId)
  if (report && report.bands.length) return report.bands
  return s.wans.find((w) => w.id === wanId)?.cellular?.bands ?? []
}

/** null instead of undefined, because evidence is JSON and keeps its keys. */
export function orNull<T extends string | number | boolean>(v: T | undefined): T | null {
  return v === undefined ? null : v
}

/** True when the router's message means the WAN is still trying, not failed. */
export function isConnecting(w: Wan): boolean {
  return /^\s*(connecting|obtaining|initiali[sz]ing|starting)/i.test(w.message) || w.statusLed === 'flash' || w.statusLed === 'yellow'
}

// ---------------------------------------------------------------- actions shared by rules
/** Fix actions several rules offer, with the parameters their workflow takes. */
export const act = {
  rescan: (connId: number): FixAction => ({ label: 'Rescan the cellular network', workflow: 'module.rescan', params: { connId, action: 'rescan' }, disruptive: true }),
  reset: (connId: number): FixAction => ({ label: 'Reset the cellular module', workflow: 'module.reset', params: { connId, action: 'reset' }, disruptive: true }),
  carrierScan: (connId: number): FixAction => ({ label: 'Scan for carriers', workflow: 'carrier.scan', params: { connId }, disruptive: true }),
  carrierAuto: (connId: number, simId?: number): FixAction => ({
    label: 'Return to automatic carrier selection', workflow: 'carrier.select', params: { connId, ...(simId ? { simId } : {}), carrier: null }, disruptive: true,
  }),
  pciScan: (connId: number): FixAction => ({ label: 'Scan nearby cells (channel / PCI)', workflow: 'pci.scan', params: { connId }, disruptive: true }),
  pciClear: (connId: number, simId: number): FixAction => ({ label: 'Remove the channel / PCI lock', workflow: 'pci.clear', params: { connId, simId, lock: null }, disruptive: true }),
  useSim: (connId: number, simId: number): FixAction => ({
    label: `Use ${simName(simId)}`, workflow: 'sim.switch', params: { connId, enabledSim: [simId], preferredSim: simId }, disruptive: true,
  }),
  enableWan: (connId: number): FixAction => ({ label: 'Enable this WAN', workflow: 'wan.enable', params: { connId }, disruptive: false }),
  manual: (label: string): FixAction => ({ label, workflow: 'manual', disruptive: false }),
  openSignal: (connId: number): FixAction => ({ label: 'Watch the live signal while moving the antenna', workflow: 'open.signal', params: { connId }, disruptive: false }),
}
