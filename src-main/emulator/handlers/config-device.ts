/**
 * Device configuration: config.ssid.profile, config.gpio, cmd.config.apply/discard,
 * cmd.ap and cmd.port.poe.enable/disable.
 */
import { applyPending, discardPending, ensurePending } from '../config/pending'
import { ApiFail, invalid, listParam, toInt, truthy, unsupported, type Ctx } from '../context'
import { logEvent } from '../event-log'
import { isObject, type Json, type JsonObject } from '../json'
import type { GpioPin, GpioType, SsidProfile } from '../state-types'

const WPA_KEY = /^([\x20-\x7e]{8,63}|[0-9a-fA-F]{64})$/

function renderSsid(p: SsidProfile): JsonObject {
  const o: JsonObject = { name: p.name, enable: p.enable, captivePortal: p.captivePortal, incontrolManaged: p.incontrolManaged, broadcast: p.broadcast }
  if (p.vlanId !== undefined) o.vlanId = p.vlanId
  o.security =
    p.security.policy === 'WPA2 Personal'
      ? { policy: p.security.policy, wpa2Personal: { fastTransition: p.security.fastTransition, key: p.security.key } }
      : { policy: p.security.policy, wpaWpa2Personal: { key: p.security.key } }
  return o
}

function ssidMap(list: SsidProfile[]): JsonObject {
  const out: JsonObject = {}
  for (const p of list) out[String(p.id)] = renderSsid(p)
  out.order = list.map((p) => p.id)
  return out
}

/** GET config.ssid.profile (`id` multi-value). */
export function handleSsidGet(ctx: Ctx): Json {
  const all = ctx.state.pending?.ssidProfiles ?? ctx.state.ssidProfiles
  const ids = listParam(ctx.query, 'id')
  return ssidMap(ids === null ? all : all.filter((p) => ids.includes(String(p.id))))
}

function applySecurity(p: SsidProfile, sec: JsonObject): void {
  if (sec.policy !== undefined) {
    if (sec.policy !== 'WPA2 Personal' && sec.policy !== 'WPA/WPA2 Personal') throw invalid('security.policy must be "WPA2 Personal" or "WPA/WPA2 Personal"')
    p.security.policy = sec.policy
  }
  for (const key of ['wpa2Personal', 'wpaWpa2Personal'] as const) {
    const part = sec[key]
    if (part === undefined) continue
    if (!isObject(part)) throw invalid(`security.${key} must be an object`)
    if (part.fastTransition !== undefined) {
      if (key === 'wpaWpa2Personal') throw invalid('security.wpaWpa2Personal.fastTransition cannot be set')
      if (typeof part.fastTransition !== 'boolean') throw invalid('security.wpa2Personal.fastTransition must be a boolean')
      p.security.fastTransition = part.fastTransition
    }
    if (part.key !== undefined) {
      if (typeof part.key !== 'string' || !WPA_KEY.test(part.key)) throw invalid(`security.${key}.key must be 8-63 characters or 64 hexadecimal digits`)
      p.security.key = part.key
    }
  }
}

/** POST config.ssid.profile {action:"update", id, ...}: staged until cmd.config.apply. */
export function handleSsidPost(ctx: Ctx): Json {
  const b = ctx.body
  if (b.action !== 'update') throw invalid('action must be update')
  const id = toInt(b.id)
  const current = (ctx.state.pending?.ssidProfiles ?? ctx.state.ssidProfiles).find((p) => p.id === id)
  if (id === null || !current) throw invalid('id must name an existing SSID profile')
  const p: SsidProfile = structuredClone(current)
  if (b.name !== undefined) {
    if (typeof b.name !== 'string' || b.name.length < 1 || b.name.length > 32) throw invalid('name must be 1-32 characters')
    p.name = b.name
  }
  for (const key of ['enable', 'broadcast'] as const) {
    if (b[key] === undefined) continue
    if (typeof b[key] !== 'boolean') throw invalid(`${key} must be a boolean`)
    p[key] = b[key] as boolean
  }
  if (b.vlanId === null || b.vlanId === 0) delete p.vlanId
  else if (b.vlanId !== undefined) {
    const vlan = toInt(b.vlanId)
    if (vlan === null || vlan < 1 || vlan > 4094) throw invalid('vlanId must be between 1 and 4094')
    p.vlanId = vlan
  }
  if (b.security !== undefined) {
    if (!isObject(b.security)) throw invalid('security must be an object')
    applySecurity(p, b.security)
  }
  const pending = ensurePending(ctx.state)
  pending.ssidProfiles = pending.ssidProfiles.map((x) => (x.id === p.id ? p : x))
  if (!pending.changed.includes('SSID')) pending.changed.push('SSID')
  return ssidMap([p])
}

function gpioOut(pins: GpioPin[], withReference: boolean): JsonObject {
  const out: JsonObject = {}
  for (const p of pins) {
    const o: JsonObject = { enable: p.enable, type: p.type, mode: p.mode }
    if (p.delay !== undefined && p.type !== 'digital_output') o.delay = p.delay
    out[String(p.id)] = o
  }
  out.order = pins.map((p) => p.id)
  if (withReference) {
    const ref: JsonObject = {}
    for (const p of pins) ref[String(p.id)] = { name: p.name, type: [...p.supported.type], mode: structuredClone(p.supported.mode) as JsonObject }
    ref.order = pins.map((p) => p.id)
    out.reference = ref
  }
  return out
}

function updatePin(pin: GpioPin, e: JsonObject, i: number): void {
  if (e.enable !== undefined) {
    if (typeof e.enable !== 'boolean') throw invalid(`list[${i}].enable must be a boolean`)
    pin.enable = e.enable
  }
  const type = (e.type ?? pin.type) as GpioType
  if (!pin.supported.type.includes(type)) throw invalid(`list[${i}].type must be one of: ${pin.supported.type.join(', ')}`)
  const modes = pin.supported.mode[type] ?? []
  const mode = e.mode ?? (modes.includes(pin.mode) ? pin.mode : undefined)
  if (typeof mode !== 'string' || !modes.includes(mode)) throw invalid(`list[${i}].mode must be one of: ${modes.join(', ')}`)
  pin.type = type
  pin.mode = mode
  if (e.delay !== undefined) {
    if (type === 'digital_output') throw invalid(`list[${i}].delay is only for input types`)
    if (typeof e.delay !== 'number' || !Number.isInteger(e.delay) || e.delay < 1 || e.delay > 3600) throw invalid(`list[${i}].delay must be between 1 and 3600`)
    pin.delay = e.delay
  }
}

/** POST config.gpio {list?, reference?}: an empty list just reads; updates are staged. */
export function handleGpio(ctx: Ctx): Json {
  if (!ctx.state.gpio) throw unsupported()
  const list = ctx.body.list ?? []
  if (!Array.isArray(list)) throw invalid('list must be a list')
  let pins = ctx.state.pending?.gpio ?? ctx.state.gpio
  if (list.length > 0) {
    const next = structuredClone(pins)
    list.forEach((e, i) => {
      if (!isObject(e)) throw invalid(`list[${i}] must be an object`)
      const pin = next.find((p) => p.id === toInt(e.id))
      if (!pin) throw invalid(`list[${i}].id must name an existing GPIO`)
      updatePin(pin, e, i)
    })
    const pending = ensurePending(ctx.state)
    pending.gpio = next
    if (!pending.changed.includes('GPIO')) pending.changed.push('GPIO')
    pins = next
  }
  return gpioOut(pins, truthy(ctx.body.reference))
}

/** POST cmd.config.apply: makes pending config live; may carry a warning. */
export function handleConfigApply(ctx: Ctx): Json | undefined {
  const warning = applyPending(ctx.state, ctx.now, ctx.opts.reconnectMs)
  return warning ? { warning } : undefined
}

/** POST cmd.config.discard. */
export function handleConfigDiscard(ctx: Ctx): undefined {
  discardPending(ctx.state, ctx.now)
  return undefined
}

/** GET/POST cmd.ap: devices without an AP answer only {support:false}. */
export function handleAp(ctx: Ctx): Json {
  const ap = ctx.state.ap
  if (!ap.support) return { support: false }
  if (ctx.method === 'POST') {
    if (typeof ctx.body.enable !== 'boolean') throw invalid('enable must be a boolean')
    ap.enable = ctx.body.enable
    logEvent(ctx.state, ctx.now, 'AP', `Access point turned ${ap.enable ? 'on' : 'off'}`)
  }
  return { support: true, enable: ap.enable, wanDependent: ap.wanDependent }
}

function portIds(value: Json | undefined): number[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value]
  if (items.length === 0) throw invalid('port is required')
  return items.map((v) => {
    const id = isObject(v) ? toInt(v.id) : toInt(v)
    if (id === null) throw invalid('port must be a port ID, a port object or a list of them')
    return id
  })
}

/** POST cmd.port.poe.enable / disable: port as number, {id,...} or a list of either. */
export function handlePoe(ctx: Ctx, enable: boolean): undefined {
  const ports = ctx.state.poe
  if (!ports) throw new ApiFail(undefined, 'PoE is not supported on this device')
  const ids = portIds(ctx.body.port)
  const targets = ids.map((id) => {
    const port = ports.find((p) => p.id === id)
    if (!port) throw new ApiFail(undefined, `Port ${id} does not exist`)
    if (!port.poeCapable) throw new ApiFail(undefined, `Port ${id} does not support PoE`)
    if (!port.enabled) throw new ApiFail(undefined, `Port ${id} must be enabled`)
    return port
  })
  for (const p of targets) p.poe = enable
  logEvent(ctx.state, ctx.now, 'System', `PoE ${enable ? 'enabled' : 'disabled'} on port ${ids.join(', ')}`)
  return undefined
}
