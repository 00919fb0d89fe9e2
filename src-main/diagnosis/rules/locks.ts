/**
 * Lock rules: a channel/PCI lock or a manual carrier selection left in place, a common
 * forgotten cause of a dead or slow link after an earlier visit. How a lock is known is set
 * out in snapshot.ts: `Wan.locked`, a message naming a locked channel, or a lock Uplink
 * applied during this visit; the carrier selection is read back from `cmd.carrier.scan`.
 */
import type { Finding, Rule } from '../types'
import { act, bandsOf, cellularWans, finding, orNull, simName, wanLabel } from './helpers'

/**
 * A channel/PCI lock the router reports on a SIM (`sim.N.channelPciLock`): one finding per
 * locked SIM, the SIM in use or not (an idle SIM's lock bites at the next failover).
 */
function reportedLocks(s: Parameters<Rule>[0], w: ReturnType<typeof cellularWans>[number]): Finding[] {
  return w.cellular.sims.flatMap((sim): Finding[] => {
    const lock = sim.channelPciLock
    if (!lock) return []
    const inUse = sim.active
    const serving = bandsOf(s, w.id)[0]
    const what = `channel ${lock.channel}${lock.pci !== undefined ? ` / PCI ${lock.pci}` : ''}`
    return [finding({
      rule: 'pci-lock', severity: inUse ? (w.connected ? 'warning' : 'problem') : 'warning', wanId: w.id, simId: sim.id,
      title: `${simName(sim.id)} on ${wanLabel(w)} is locked to ${what}`,
      evidence: {
        lockedChannel: lock.channel, lockedPci: orNull(lock.pci), sim: simName(sim.id), simInUse: inUse,
        servingChannel: orNull(inUse ? serving?.channel : undefined), message: w.message, connected: w.connected,
      },
      explanation: inUse
        ? `The router reports a channel/PCI lock on ${simName(sim.id)}, the SIM in use: the modem stays on ${what} even when a better cell is there, and has no service if that cell goes away. Remove the lock before leaving unless it was set on purpose.`
        : `The router reports a channel/PCI lock on ${simName(sim.id)}, which is not in use now: the day the router fails over to it, the modem can only use ${what}, which may not be in range. Remove the lock unless it was set on purpose.`,
      actions: [act.pciClear(w.id, sim.id), act.pciScan(w.id)],
    })]
  })
}

/** A channel/PCI lock in place on a cellular WAN. */
export const pciLock: Rule = (s) =>
  cellularWans(s).flatMap((w): Finding[] => {
    const reported = reportedLocks(s, w)
    if (reported.length) return reported
    // Firmware that does not report the lock per SIM: what else gives one away.
    const applied = s.pciLocksApplied.find((l) => l.wanId === w.id)
    const lockedMessage = /locked channel/i.test(w.message)
    if (!w.locked && !applied && !lockedMessage) return []
    const simId = applied?.simId ?? w.cellular.activeSimId ?? 1
    const serving = bandsOf(s, w.id)[0]
    const source = applied ? 'Uplink applied it during this visit' : w.locked ? 'the router reports this WAN as locked' : 'the router says it cannot reach the locked channel'
    return [finding({
      rule: 'pci-lock', severity: w.connected ? 'warning' : 'problem', wanId: w.id, simId,
      title: `Channel / PCI lock in place on ${wanLabel(w)} ${simName(simId)}`,
      evidence: {
        statusLocked: orNull(w.locked), lockedChannel: orNull(applied?.channel), lockedPci: orNull(applied?.pci),
        servingBand: orNull(serving?.name), servingChannel: orNull(serving?.channel), message: w.message, connected: w.connected,
      },
      explanation: `The modem is held to one channel or cell (${source}). That helps only while that cell is the best one; if the cell is down, busy or far away the link stays ${w.connected ? 'slow' : 'down'} instead of moving to a better one. Remove the lock before leaving unless it was set on purpose.`,
      actions: [act.pciClear(w.id, simId), act.pciScan(w.id)],
    })]
  })

/** A manual carrier selection (not automatic) on a cellular WAN. */
export const carrierLock: Rule = (s) =>
  s.carrierSelections.flatMap(({ wanId, simId, selected }): Finding[] => {
    if (!selected) return []
    const w = s.wans.find((x) => x.id === wanId)
    if (w && !w.enable) return []
    const connected = w?.connected ?? false
    const name = selected.name || `${selected.mcc}-${selected.mnc}`
    return [finding({
      rule: 'carrier-lock', severity: connected ? 'warning' : 'problem', wanId, simId: simId ?? undefined,
      title: `Carrier manually set to ${name}${w ? ` on ${wanLabel(w)}` : ''}`,
      evidence: { carrier: orNull(selected.name), mcc: selected.mcc, mnc: selected.mnc, sim: simId === null ? null : simName(simId), connected, message: w?.message ?? null },
      explanation: connected
        ? `The modem only uses ${name}, chosen by hand. If that network weakens or leaves, the router will not move to another one. Return to automatic selection unless the SIM needs this network.`
        : `The modem only uses ${name}, chosen by hand, and the link is down: that network may not be in range here. Return to automatic selection, or scan and pick a carrier that is.`,
      actions: [act.carrierAuto(wanId, simId ?? undefined), act.carrierScan(wanId)],
    })]
  })
