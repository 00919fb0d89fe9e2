/**
 * WAN priority rules: every WAN at the same priority (traffic spread over metered links too),
 * and a metered cellular WAN placed before a working wired one.
 * Priority 1 is used first; a WAN without a priority is disabled.
 */
import type { Wan } from '../../peplink/model'
import type { Finding, FixAction, Rule } from '../types'
import { finding, wanLabel } from './helpers'

// Wired first, then Wi-Fi as WAN, then cellular: the order that costs least per gigabyte.
const PREFERENCE: Record<string, number> = { ethernet: 0, vlan: 0, adsl: 0, pppoe: 0, modem: 2, wifi: 1, cellular: 2 }
const rank = (w: Wan) => PREFERENCE[w.type] ?? 1

/** A suggested priority list: wired, then Wi-Fi, then cellular, keeping the current order within a kind. */
function suggested(wans: Wan[]): FixAction {
  const order = [...wans].sort((a, b) => rank(a) - rank(b) || (a.priority ?? 99) - (b.priority ?? 99) || a.id - b.id)
  return {
    label: `Set priorities: ${order.map((w, i) => `${i + 1}. ${wanLabel(w)}`).join(', ')}`,
    workflow: 'wan.priority',
    params: { list: order.map((w, i) => ({ connId: w.id, priority: i + 1 })) },
    disruptive: true,
  }
}

function prioritised(wans: Wan[]): (Wan & { priority: number })[] {
  return wans.filter((w): w is Wan & { priority: number } => w.enable && w.priority !== undefined)
}

/**
 * Two or more enabled WANs, all at one priority, with a metered (cellular or USB modem) WAN
 * among them. Wired WANs sharing a priority is how a Balance load-balances on purpose, so that
 * alone is not worth a word.
 */
export const samePriority: Rule = (s) => {
  const wans = prioritised(s.wans)
  if (wans.length < 2 || new Set(wans.map((w) => w.priority)).size !== 1) return []
  const metered = wans.some((w) => w.type === 'cellular' || w.type === 'modem')
  if (!metered) return []
  return [finding({
    rule: 'wan-priority-same', severity: 'warning',
    title: `Every WAN is at priority ${wans[0]!.priority}`,
    evidence: { wans: wans.map((w) => w.id).join(','), priority: wans[0]!.priority, includesCellular: metered },
    explanation: 'All WANs share one priority, so the router uses them all at once, including cellular data that may be metered. If cellular is meant as a backup, give the wired (or Wi-Fi) WAN priority 1 and cellular a lower priority.',
    actions: [suggested(wans)],
  })]
}

/** A cellular WAN has a better priority than a connected wired WAN. */
export const wrongWanFirst: Rule = (s) => {
  const wans = prioritised(s.wans)
  const wired = wans.filter((w) => rank(w) === 0 && w.connected)
  const cellular = wans.filter((w) => rank(w) === 2)
  if (!wired.length || !cellular.length) return []
  const bestWired = Math.min(...wired.map((w) => w.priority))
  const ahead = cellular.filter((w) => w.priority < bestWired)
  if (!ahead.length) return []
  const first = ahead.sort((a, b) => a.priority - b.priority)[0]!
  const wiredWan = wired.find((w) => w.priority === bestWired)!
  return [finding({
    rule: 'wan-priority-order', severity: 'warning', wanId: first.id,
    title: `${wanLabel(first)} is used before the wired ${wanLabel(wiredWan)}`,
    evidence: { cellularWan: first.id, cellularPriority: first.priority, wiredWan: wiredWan.id, wiredPriority: wiredWan.priority },
    explanation: `Cellular ${wanLabel(first)} has priority ${first.priority} and the working wired ${wanLabel(wiredWan)} has priority ${wiredWan.priority}, so traffic goes over cellular first. Unless the wired link is meant as the backup, swap them so cellular data is only used when the wired link fails.`,
    actions: [suggested(wans)],
  })]
}
