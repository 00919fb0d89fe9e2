/**
 * config.wan.connection (action update) and config.wan.connection.priority.
 * Writes are staged (see config/pending.ts) except priority with instantActive.
 */
import { applyWanPatch, mergeWanConfig, stageWanPatch, viewWanConfig } from '../config/pending'
import { validateWanEntry } from '../config/wan-validate'
import { invalid, toInt, truthy, type Ctx } from '../context'
import { isObject, type Json, type JsonObject } from '../json'
import type { Wan, WanConfig } from '../state-types'
import { findWan, wanLink } from '../wan-link'

function obj(v: Json | undefined): JsonObject {
  return isObject(v) ? v : {}
}

function bandwidthOut(v: Json | undefined): JsonObject {
  const b = obj(v)
  return { bandwidth: typeof b.value === 'number' ? b.value : 0, unit: typeof b.unit === 'string' ? b.unit : 'kbps' }
}

/** A WAN's config in the shape of the reference's config.wan.connection answer. */
function renderWanConfig(wan: Wan, cfg: WanConfig, now: number): JsonObject {
  const s = cfg.settings
  const conn = obj(s.connection)
  const method = obj(conn.method)
  const ddns = { ...obj(s.ddns) }
  if (typeof ddns.password === 'string' && ddns.password !== '') ddns.password = '@~HiDdEn~@'
  const connection: JsonObject = {}
  if (wan.kind !== 'cellular') connection.method = typeof method.type === 'string' ? method.type : 'dhcp'
  connection.mode = typeof conn.routingMode === 'string' ? conn.routingMode : 'NAT'
  connection.icmpPing = conn.icmpPing !== false
  if (cfg.enable) connection.priority = cfg.priority
  connection.dns = obj(conn.dns)
  connection.ddns = ddns
  const bw = obj(conn.bandwidth)
  connection.bandwidth = { upload: bandwidthOut(bw.upload), download: bandwidthOut(bw.download) }
  if (typeof connection.method === 'string') connection[connection.method] = obj(method.detail)
  const hc = obj(s.healthcheck)
  const hcMethod = obj(hc.method)
  const hcType = typeof hcMethod.type === 'string' ? hcMethod.type : 'ping'
  const healthcheck: JsonObject = {
    method: hcType,
    timeout: hc.timeout ?? 5000,
    interval: hc.interval ?? 5,
    retry: hc.retry ?? 3,
    recovery: hc.recovery ?? 3,
    enable: hc.enable !== false,
    [hcType]: obj(hcMethod.detail),
  }
  const out: JsonObject = {
    name: cfg.name,
    asLan: false,
    enable: cfg.enable,
    active: cfg.enable && wanLink(wan, now).up,
    multipleIp: Array.isArray(s.multipleIp) ? s.multipleIp : [],
    connection,
    physical: obj(s.physical),
    healthcheck,
  }
  for (const key of ['cellular', 'wifi', 'bandwidthAllowanceMonitor']) if (isObject(s[key])) out[key] = s[key]
  return out
}

function wanOf(ctx: Ctx, raw: Json | undefined, path: string): Wan {
  const id = toInt(raw)
  if (id === null) throw invalid(`Invalid parameter: ${path} is required`)
  const wan = findWan(ctx.state, id)
  if (!wan) throw invalid(`Invalid parameter: ${path} ${id} does not exist`)
  return wan
}

/** POST config.wan.connection {action:"update", list:[...]}: answers the updated (pending) config. */
export function handleWanConfig(ctx: Ctx): Json {
  if (ctx.body.action !== 'update') throw invalid('Invalid parameter: action must be update')
  const list = ctx.body.list
  if (!Array.isArray(list) || list.length === 0) throw invalid('Invalid parameter: list must be a non-empty list')
  const entries = list.map((e, i) => {
    if (!isObject(e)) throw invalid(`Invalid parameter: list[${i}] must be an object`)
    const wan = wanOf(ctx, e.id, `list[${i}].id`)
    validateWanEntry(wan, e, `list[${i}]`)
    return { wan, e }
  })
  const out: JsonObject = {}
  for (const { wan, e } of entries) out[String(wan.id)] = renderWanConfig(wan, stageWanPatch(ctx.state, wan.id, e, 'WAN'), ctx.now)
  out.order = [...new Set(entries.map((x) => x.wan.id))]
  return out
}

/** POST config.wan.connection.priority {instantActive?, list:[{connId, priority?, enable?}]}. */
export function handleWanPriority(ctx: Ctx): Json {
  const instant = truthy(ctx.body.instantActive)
  const list = ctx.body.list ?? []
  if (!Array.isArray(list)) throw invalid('Invalid parameter: list must be a list')
  const changes = list.map((e, i) => {
    if (!isObject(e)) throw invalid(`Invalid parameter: list[${i}] must be an object`)
    const wan = wanOf(ctx, e.connId, `list[${i}].connId`)
    const patch: JsonObject = {}
    if (e.priority !== undefined) {
      if (typeof e.priority !== 'number' || !Number.isInteger(e.priority) || e.priority < 1 || e.priority > 4) {
        throw invalid(`Invalid parameter: list[${i}].priority must be an integer between 1 and 4`)
      }
      patch.connection = { priority: e.priority }
    }
    if (e.enable !== undefined) {
      if (typeof e.enable !== 'boolean') throw invalid(`Invalid parameter: list[${i}].enable must be a boolean`)
      patch.enable = e.enable
    }
    return { wan, patch }
  })
  for (const { wan, patch } of changes) {
    if (instant) {
      applyWanPatch(wan, patch, ctx.now, ctx.opts.reconnectMs)
      // Keep a staged copy in step so a later apply does not undo this.
      const staged = ctx.state.pending?.wan[wan.id]
      if (staged) mergeWanConfig(staged, patch)
    } else {
      stageWanPatch(ctx.state, wan.id, patch, 'WAN priority')
    }
  }
  const shown = changes.length > 0 ? [...new Set(changes.map((c) => c.wan))] : ctx.state.wans
  const out: JsonObject = {}
  for (const wan of shown) {
    const cfg = instant ? wan.config : viewWanConfig(ctx.state, wan)
    out[String(wan.id)] = { name: cfg.name, priority: cfg.priority, enable: cfg.enable }
  }
  out.order = shown.map((w) => w.id)
  return out
}
