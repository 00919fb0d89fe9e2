/**
 * status.wan.connection, status.wan.connection.signal and status.wan.connection.allowance.
 */
import { cellularLink } from '../cellular-link'
import { cannotDo, invalid, listParam, truthy, type Ctx } from '../context'
import { atLeast, before } from '../firmware'
import type { Json, JsonObject } from '../json'
import { levelOf, renderBands } from '../render/cellular-detail'
import { renderWanStatus, wanType, wifiLevel } from '../render/wan-status'
import type { Allowance, Wan } from '../state-types'

function selectWans(ctx: Ctx, name: string): Wan[] {
  const ids = listParam(ctx.query, name)
  if (ids === null) return ctx.state.wans
  const wanted = ids.map(Number)
  return ctx.state.wans.filter((w) => wanted.includes(w.id))
}

/** GET status.wan.connection (`id` multi-value, `lite=yes`). */
export function handleWanStatus(ctx: Ctx): Json {
  const fw = ctx.state.firmware
  const lite = truthy(ctx.query.get('lite') ?? undefined)
  const wans = selectWans(ctx, 'id')
  const out: JsonObject = {}
  const connection: JsonObject[] = []
  for (const wan of wans) {
    const obj = renderWanStatus(wan, fw, ctx.now, lite, ctx.state.wans, ctx.state.virtual === true)
    out[String(wan.id)] = obj
    connection.push({ id: wan.id, ...obj })
  }
  out.order = wans.map((w) => w.id)
  // 8.3+ answers say when they were made and when the data was last refreshed (Unix seconds).
  if (atLeast(fw, '8.3.0')) {
    const t = Math.floor(ctx.now / 1000)
    out.timestamp = t
    out.reportTimestamp = t - 1 - (ctx.state.readingLagSec ?? 0)
    out.supportGatewayProxy = false
  }
  // 8.5.x repeats every WAN in a connection[] array.
  if (atLeast(fw, '8.5.0')) out.connection = connection
  return out
}

function signalEntry(ctx: Ctx, wan: Wan): JsonObject | null {
  const fw = ctx.state.firmware
  if (wan.kind === 'ethernet' || wan.kind === 'modem') return null
  if (wan.kind === 'wifi') {
    const entry: JsonObject = { virtualType: wanType(wan, fw) }
    const c = wan.wifi.connected
    if (c) {
      const strength = wan.wifi.aps.find((a) => a.bssid === c.bssid)?.signal ?? -70
      entry.wifi = { ssid: c.ssid, securityPolicy: c.securityPolicy }
      entry.signal = { strength, level: wifiLevel(strength) }
    }
    return entry
  }
  const link = cellularLink(wan, ctx.now)
  const entry: JsonObject = { virtualType: wanType(wan, fw) }
  if (link.attached && link.network) entry.activeSim = { carrierName: link.network.name, network: link.network.mobileType }
  entry.band = renderBands(wan, link, fw, ctx.now)
  entry.signalLevel = levelOf(wan, link, ctx.now)
  return entry
}

/** GET status.wan.connection.signal (8.0.1 – 8.4.x). */
export function handleWanSignal(ctx: Ctx): Json {
  const types = listParam(ctx.query, 'virtualType')
  const info = listParam(ctx.query, 'infoType')
  const out: JsonObject = {}
  const order: number[] = []
  for (const wan of selectWans(ctx, 'connId')) {
    const entry = signalEntry(ctx, wan)
    if (types && (!entry || !types.includes(String(entry.virtualType)))) continue
    if (entry && info) {
      for (const key of Object.keys(entry)) if (!info.includes(key)) delete entry[key]
    }
    out[String(wan.id)] = entry
    order.push(wan.id)
  }
  out.order = order
  return out
}

function allowanceObj(a: Allowance): JsonObject {
  const percent = a.limitMb > 0 ? Math.min(100, Math.floor((a.usageMb / a.limitMb) * 100)) : 0
  return { enable: a.enable, usage: Math.round(a.usageMb), limit: a.limitMb, percent, start: a.start, unit: 'MB' }
}

/** GET status.wan.connection.allowance: per SIM for cellular WANs, per WAN otherwise. */
export function handleAllowance(ctx: Ctx): Json {
  const fw = ctx.state.firmware
  const ids = listParam(ctx.query, 'connId')
  // 8.0.0: connId is mandatory and only cellular WANs are allowed.
  if (before(fw, '8.0.1') && ids === null) throw invalid('connId is required')
  const out: JsonObject = {}
  const order: number[] = []
  for (const wan of selectWans(ctx, 'connId')) {
    if (wan.kind === 'cellular') {
      const sims = wan.cellular.sims
      out[String(wan.id)] = { '1': allowanceObj(sims[1].allowance), '2': allowanceObj(sims[2].allowance), order: [1, 2] }
    } else if (before(fw, '8.0.1')) {
      throw cannotDo()
    } else {
      out[String(wan.id)] = allowanceObj(wan.allowance)
    }
    order.push(wan.id)
  }
  out.order = order
  return out
}
