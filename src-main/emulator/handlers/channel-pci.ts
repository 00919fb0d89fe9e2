/**
 * cmd.channelPci.scan and cmd.channelPci.lock (LTE cells only).
 */
import { signalNow, startTransition } from '../cellular-link'
import { invalid, toInt, type Ctx } from '../context'
import { logEvent } from '../event-log'
import { atLeast } from '../firmware'
import { isObject, type Json, type JsonObject } from '../json'
import type { ChannelPciLock, SimId } from '../state-types'
import { scanProgress } from './carrier'
import { requireCellular } from './wan-param'

/** POST cmd.channelPci.scan; `action: "start"` begins a scan that runs scanDurationMs. */
export function handleChannelPciScan(ctx: Ctx): Json {
  const wan = requireCellular(ctx)
  const cs = wan.cellular
  const action = ctx.body.action
  if (action !== undefined && action !== 'start') throw invalid('action must be start')
  if (action === 'start' && !(cs.pciScan && ctx.now < cs.pciScan.endsAt)) {
    const lte = cs.cells.filter((c) => c.rat === 'LTE').map((c) => ({ ...c }))
    cs.pciScan = { startedAt: ctx.now, endsAt: ctx.now + ctx.opts.scanDurationMs, list: lte }
  }
  const p = scanProgress(cs.pciScan, ctx.now)
  const out: JsonObject = { scanStatus: p.status }
  if (p.timestamp !== undefined) out.timestamp = p.timestamp
  // From 8.5.0 each cell carries its band and RSRP/RSRQ. No public capture confirms this; the
  // emulator sends them so the app's display of them can be tested (see REAL-ROUTERS.md).
  const radio = atLeast(ctx.state.firmware, '8.5.0')
  out.list = p.list.map((c) => {
    const cell: JsonObject = { pci: c.pci, earfcn: c.earfcn, cellUtranId: c.cellUtranId, plmn: [{ mcc: c.mcc, mnc: c.mnc }] }
    if (radio) {
      const sig = signalNow(c, null, ctx.now)
      Object.assign(cell, { band: c.bandName, rsrp: sig.rsrp, rsrq: sig.rsrq })
    }
    return cell
  })
  return out
}

function range(value: Json | undefined, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${name} must be an integer between ${min} and ${max}`)
  }
  return value
}

/** Parse one `value`: null clears the lock; pci is [0,65535] optional before 8.5.0, [0,503] required from 8.5.0. */
function parseLock(value: Json | undefined, path: string, fw: string): ChannelPciLock | null {
  if (value === undefined) throw invalid(`${path} is required`)
  if (value === null) return null
  if (!isObject(value)) throw invalid(`${path} must be an object or null`)
  const lock: ChannelPciLock = { channel: range(value.channel, `${path}.channel`, 0, 65535) }
  const strict = atLeast(fw, '8.5.0')
  if (value.pci === undefined || value.pci === null) {
    if (strict) throw invalid(`${path}.pci is required`)
  } else {
    lock.pci = range(value.pci, `${path}.pci`, 0, strict ? 503 : 65535)
  }
  return lock
}

/** POST cmd.channelPci.lock {connId, sim:[{id, value:{channel,pci?}|null}]}. */
export function handleChannelPciLock(ctx: Ctx): undefined {
  const wan = requireCellular(ctx)
  const cs = wan.cellular
  const list = ctx.body.sim
  if (!Array.isArray(list) || list.length === 0) throw invalid('sim must be a non-empty list')
  const changes: { id: SimId; lock: ChannelPciLock | null }[] = list.map((entry, i) => {
    if (!isObject(entry)) throw invalid(`sim[${i}] must be an object`)
    const id = toInt(entry.id)
    if (id !== 1 && id !== 2) throw invalid(`sim[${i}].id must be 1 or 2`)
    return { id, lock: parseLock(entry.value, `sim[${i}].value`, ctx.state.firmware) }
  })
  for (const { id, lock } of changes) {
    cs.sims[id].lock = lock
    const text = lock ? `channel ${lock.channel}${lock.pci !== undefined ? ` PCI ${lock.pci}` : ''}` : 'cleared'
    logEvent(ctx.state, ctx.now, 'Cellular', `${wan.config.name}: SIM ${id === 1 ? 'A' : 'B'} channel/PCI lock ${text}`)
  }
  if (changes.some((c) => c.id === cs.activeSim)) startTransition(wan, ctx.now, [[ctx.opts.reconnectMs, 'Connecting...']])
  return undefined
}
