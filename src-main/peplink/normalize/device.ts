/**
 * Device-level answers: firmware, location, LAN profiles, GPIO, the access point switch,
 * WAN priorities and config apply.
 */
import type {
  AccessPointState, ConfigApplyResult, FirmwareInfo, FirmwareVersion, GpioConfig, GpioPin, LanProfile,
  Location, WanPriorityEntry,
} from '../model'
import {
  addr, bool, compact, describe, expectObj, fail, int, isObj, keyId, listMap, maskBits, num, orderedEntries,
  sanitizeSecrets, setProp, str, strList, text, type Obj,
} from './read'

/** "8.1.1 build 5121" -> {8, 1, 1, build 5121}; undefined when there is no version number. */
export function parseFirmwareVersion(s: string): FirmwareVersion | undefined {
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(s)
  if (!m) return undefined
  const build = /build\s*(\d+)/i.exec(s)
  return compact({
    major: Number(m[1]),
    minor: Number(m[2] ?? 0),
    patch: Number(m[3] ?? 0),
    build: build ? Number(build[1]) : undefined,
    text: s,
  })
}

/**
 * Normalises `info.firmware`: the slot map, or (before login, or on firmware that answers
 * that way) a bare `version`. The running version is the slot in use, or the only slot.
 */
export function normalizeFirmware(raw: unknown): FirmwareInfo {
  const o = expectObj(raw, 'info.firmware')
  const slots = orderedEntries(o).flatMap(({ key, value }) => {
    const id = keyId(key) ?? int(value.id)
    const version = text(value.version)
    if (id === undefined || version === undefined) return []
    return [compact({ id, version, bootable: bool(value.bootable), inUse: bool(value.inUse) ?? false })]
  })
  const inUse = slots.find((s) => s.inUse) ?? (slots.length === 1 ? slots[0] : undefined)
  const running = inUse?.version ?? text(o.version)
  if (running === undefined) fail('info.firmware', 'no firmware marked in use and no "version"', raw)
  return compact({ running, runningVersion: parseFirmwareVersion(running), runningSlot: inUse?.id, slots })
}

/** Normalises `info.location`; the fix may sit under `location` or at the top level. */
export function normalizeLocation(raw: unknown): Location {
  const o = expectObj(raw, 'info.location')
  const l = isObj(o.location) ? o.location : o
  return compact({
    gps: bool(o.gps) ?? false,
    latitude: num(l.latitude),
    longitude: num(l.longitude),
    altitude: num(l.altitude),
    speed: num(l.speed),
    heading: num(l.heading),
    pdop: num(l.pdop),
    hdop: num(l.hdop),
    vdop: num(l.vdop),
    timestamp: num(l.timestamp),
  })
}

/** Normalises `status.lan.profile`; profiles without an address are left out. */
export function normalizeLanProfiles(raw: unknown): LanProfile[] {
  return listMap(raw, 'status.lan.profile').flatMap(({ key, value }) => {
    const id = keyId(key) ?? int(value.id)
    const ip = addr(value.ip)
    const mask = maskBits(value.mask)
    if (id === undefined || ip === undefined || mask === undefined) return []
    return [compact({ id, name: text(value.name), vlanId: num(value.vlanId), ip, mask })]
  })
}

function readModes(v: unknown): Record<string, string[]> | undefined {
  if (!isObj(v)) return undefined
  const out: Record<string, string[]> = {}
  // Keys here are GPIO types chosen by the router; a secret-named one must not slip through.
  for (const [type, modes] of Object.entries(sanitizeSecrets(v) as Obj)) {
    const list = strList(modes)
    if (list) setProp(out, type, list)
  }
  return out
}

/** Normalises `config.gpio`: each pin's settings merged with its `reference` (name, supported types/modes). */
export function normalizeGpio(raw: unknown): GpioConfig {
  const entries = listMap(raw, 'config.gpio', ['reference'])
  const ref = isObj((raw as Obj).reference) ? ((raw as Obj).reference as Obj) : {}
  const refs = new Map<number, Obj>()
  for (const { key, value } of orderedEntries(ref)) {
    const id = keyId(key) ?? int(value.id)
    if (id !== undefined) refs.set(id, value)
  }
  const pins: GpioPin[] = []
  const seen = new Set<number>()
  const add = (id: number, cfg: Obj): void => {
    if (seen.has(id)) return
    seen.add(id)
    const r = refs.get(id) ?? {}
    pins.push(compact({
      id,
      name: text(r.name) ?? text(cfg.name),
      enable: bool(cfg.enable),
      type: text(cfg.type),
      mode: text(cfg.mode),
      delay: num(cfg.delay),
      supportedTypes: strList(r.type),
      supportedModes: readModes(r.mode),
    }))
  }
  for (const { key, value } of entries) {
    const id = keyId(key) ?? int(value.id)
    if (id !== undefined) add(id, value)
  }
  // Pins the reference knows but the config does not list are still pins.
  for (const id of refs.keys()) add(id, {})
  return { pins }
}

/** Normalises `cmd.ap` (GET and POST). */
export function normalizeAccessPoint(raw: unknown): AccessPointState {
  const o = expectObj(raw, 'cmd.ap')
  const support = bool(o.support)
  if (support === undefined) fail('cmd.ap', `"support" is ${describe(o.support)}, not a boolean`, raw)
  return compact({ support, enable: bool(o.enable), wanDependent: bool(o.wanDependent) })
}

/** Normalises `config.wan.connection.priority`. */
export function normalizeWanPriority(raw: unknown): WanPriorityEntry[] {
  return listMap(raw, 'config.wan.connection.priority').flatMap(({ key, value }) => {
    const id = keyId(key) ?? int(value.connId) ?? int(value.id)
    if (id === undefined) return []
    return [compact({ id, name: str(value.name), priority: num(value.priority), enable: bool(value.enable) })]
  })
}

/** Normalises `cmd.config.apply`: usually no body at all; sometimes a `warning`. */
export function normalizeConfigApply(raw: unknown): ConfigApplyResult {
  if (raw === undefined || raw === null) return {}
  const o = expectObj(raw, 'cmd.config.apply')
  return compact({ warning: text(o.warning) })
}
