/**
 * Data allowance rules: used up (and what the router then does: cut the link, restrict it to
 * management traffic, or only send an email) and nearly used up.
 */
import type { AllowanceEntry, Wan } from '../../peplink/model'
import type { Finding, FixAction, Rule, Snapshot } from '../types'
import { act, finding, simName, wanLabel } from './helpers'

const NEAR_PERCENT = 90

function percentOf(e: AllowanceEntry): number | undefined {
  if (e.percent !== undefined) return e.percent
  return e.usage !== undefined && e.limit ? (e.usage / e.limit) * 100 : undefined
}

/** What the router does at the limit, from the WAN's allowance monitor. */
function consequence(w: Wan | undefined): { action: string; cut: boolean; restrict: boolean } {
  const actions = w?.allowanceMonitor?.action ?? []
  return { action: actions.length ? actions.join('+') : 'not reported', cut: actions.includes('disconnect'), restrict: actions.includes('restrict') }
}

function what(c: { cut: boolean; restrict: boolean }): string {
  if (c.cut) return 'The router is set to disconnect this link when the allowance is reached, so it stays down until a new billing cycle starts.'
  if (c.restrict) return 'The router is set to restrict this link at the limit: only management traffic (peplink.com and InControl) gets through.'
  return 'The router is set only to notify at the limit, so data keeps flowing and may be charged as overage.'
}

function entriesOf(s: Snapshot): { wanId: number; wan?: Wan; entry: AllowanceEntry; percent: number }[] {
  return s.allowance.flatMap((a) => {
    const wanId = a.wanId
    if (wanId === undefined) return []
    const wan = s.wans.find((w) => w.id === wanId)
    return a.entries.flatMap((entry) => {
      const percent = percentOf(entry)
      return entry.enable && percent !== undefined ? [{ wanId, wan, entry, percent }] : []
    })
  })
}

function label(wanId: number, wan: Wan | undefined, simId: number | undefined): string {
  return `${wan ? wanLabel(wan) : `WAN ${wanId}`}${simId ? ` ${simName(simId)}` : ''}`
}

function fixes(wanId: number, wan: Wan | undefined, simId: number | undefined): FixAction[] {
  const other = wan?.cellular?.sims.find((x) => x.detected && x.id !== simId)
  return [
    { label: 'Start a new billing cycle (only if the plan has renewed)', workflow: 'billing.newCycle', params: { connId: wanId, ...(simId ? { simId } : {}) }, disruptive: false },
    ...(other ? [act.useSim(wanId, other.id)] : []),
    act.manual('Top up or change the data plan with the carrier'),
  ]
}

/** Allowance at or over 100 %. */
export const allowanceExceeded: Rule = (s) =>
  entriesOf(s).flatMap(({ wanId, wan, entry, percent }): Finding[] => {
    if (percent < 100) return []
    const c = consequence(wan)
    return [finding({
      rule: 'allowance-exceeded', severity: c.cut || c.restrict || (wan !== undefined && !wan.connected) ? 'problem' : 'warning', wanId, simId: entry.simId,
      title: `Data allowance used up on ${label(wanId, wan, entry.simId)} (${Math.round(percent)} %)`,
      evidence: { usage: entry.usage ?? null, limit: entry.limit ?? null, unit: entry.unit ?? 'MB', percent: Math.round(percent), routerAction: c.action, connected: wan?.connected ?? null },
      explanation: `${entry.usage ?? '?'} of ${entry.limit ?? '?'} ${entry.unit ?? 'MB'} used this cycle. ${what(c)} Start a new billing cycle only if the plan has really renewed; otherwise top up the plan or use the other SIM.`,
      actions: fixes(wanId, wan, entry.simId),
    })]
  })

/** Allowance at 90 % or more, not yet used up. */
export const allowanceNear: Rule = (s) =>
  entriesOf(s).flatMap(({ wanId, wan, entry, percent }): Finding[] => {
    if (percent < NEAR_PERCENT || percent >= 100) return []
    const c = consequence(wan)
    return [finding({
      rule: 'allowance-near', severity: c.cut || c.restrict ? 'warning' : 'info', wanId, simId: entry.simId,
      title: `Data allowance nearly used on ${label(wanId, wan, entry.simId)} (${Math.round(percent)} %)`,
      evidence: { usage: entry.usage ?? null, limit: entry.limit ?? null, unit: entry.unit ?? 'MB', percent: Math.round(percent), routerAction: c.action },
      explanation: `${entry.usage ?? '?'} of ${entry.limit ?? '?'} ${entry.unit ?? 'MB'} used this cycle. ${what(c)}`,
      actions: [act.manual('Top up or change the data plan with the carrier')],
    })]
  })
