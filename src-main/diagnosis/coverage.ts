/**
 * What a check could NOT look at. A guide step that found nothing is only "OK" when it saw
 * everything it is about; otherwise it says "not checked" and why (a read that failed, a value
 * this firmware does not report, a SIM whose settings cannot be read while it is idle). Each
 * function returns plain sentences, one per thing not seen; an empty list means full coverage.
 */
import type { Wan } from '../peplink/model'
import { simName, wanLabel } from './rules/helpers'
import type { Snapshot } from './types'

/** The WANs a step is about (the guide's focus); undefined focus means every WAN. */
export type WanFilter = (w: Wan) => boolean

/** Reads that failed (or that this router does not offer) among `calls`, in words. */
export function unread(s: Snapshot, calls: readonly string[], wanIds?: ReadonlySet<number>): string[] {
  return s.gaps
    .filter((g) => calls.includes(g.call) && (g.wanId === undefined || !wanIds || wanIds.has(g.wanId)))
    .map((g) => (g.status === 'failed' ? `${g.call}${g.wanId !== undefined ? ` for WAN ${g.wanId}` : ''} could not be read (${g.message.replace(/\.$/, '')})` : `${g.call} is not available on this router`))
}

function cellular(s: Snapshot, only: WanFilter): (Wan & { cellular: NonNullable<Wan['cellular']> })[] {
  return s.wans.filter((w): w is Wan & { cellular: NonNullable<Wan['cellular']> } => w.type === 'cellular' && !!w.cellular && w.enable && only(w))
}

/**
 * Locks on every SIM the router has: a channel/PCI lock is known per SIM only where the
 * firmware reports `channelPciLock`; a manual carrier selection is readable only for the SIM
 * in use (`cmd.carrier.scan` reports that one), so an idle SIM's choice is "not checked".
 */
export function locksUnseen(s: Snapshot, only: WanFilter = () => true): string[] {
  const out: string[] = []
  const wans = cellular(s, only)
  out.push(...unread(s, ['status.wan.connection', 'cmd.carrier.scan'], new Set(wans.map((w) => w.id))))
  for (const w of wans) {
    const sims = w.cellular.sims.filter((x) => x.detected || x.channelPciLock)
    const noLockReport = sims.filter((x) => x.channelPciLock === undefined)
    if (noLockReport.length) {
      out.push(`${wanLabel(w)}: this firmware does not report a channel/PCI lock for ${noLockReport.map((x) => simName(x.id)).join(' or ')}`)
    }
    const read = s.carrierSelections.filter((c) => c.wanId === w.id)
    const readSims = new Set(read.map((c) => c.simId))
    const failed = s.gaps.some((g) => g.call === 'cmd.carrier.scan' && g.wanId === w.id)
    if (!read.length && !failed) out.push(`${wanLabel(w)}: this firmware does not report the manual carrier selection`)
    else if (read.length) {
      const idle = sims.filter((x) => !readSims.has(x.id))
      if (idle.length) out.push(`${wanLabel(w)}: the carrier selection of ${idle.map((x) => simName(x.id)).join(' and ')} cannot be read while ${idle.length > 1 ? 'they are' : 'it is'} not in use`)
    }
    if (w.cellular.remoteSim) out.push(`${wanLabel(w)}: the remote SIM's lock and carrier settings are not reported`)
  }
  return out
}

/** SIM facts: the WAN status and the SIM selection for each cellular WAN in view. */
export function simsUnseen(s: Snapshot, only: WanFilter = () => true): string[] {
  return unread(s, ['status.wan.connection', 'cmd.wan.cellular'], new Set(cellular(s, only).map((w) => w.id)))
}

/** Every call a whole-router check rests on that failed; "unavailable" hardware is not a gap. */
export function anyUnread(s: Snapshot): string[] {
  return s.gaps.filter((g) => g.status === 'failed').map((g) => `${g.call}${g.wanId !== undefined ? ` for WAN ${g.wanId}` : ''} could not be read (${g.message.replace(/\.$/, '')})`)
}
