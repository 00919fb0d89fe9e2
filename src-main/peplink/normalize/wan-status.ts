/**
 * `status.wan.connection` -> Wan[]. Accepts the reference's "id -> WAN, order" map, the
 * `connection[]` array 8.5.x adds beside it (or sends alone), gobi and cellular spellings,
 * and keeps every field it does not model in `extra`.
 */
import type { AllowanceMonitor, StatusLed, Wan, WanType } from '../model'
import { readWifiWan } from './bands'
import { readCellular, readModem } from './cellular'
import {
  addr, asBuilt, bool, describe, extraFields, fail, int, isObj, keyId, maskBits, num, orderedEntries,
  str, strList, text, type Obj,
} from './read'

const ENDPOINT = 'status.wan.connection'
// Top-level keys that describe the answer, not a WAN.
const META = ['connection', 'timestamp', 'reportTimestamp']

const TYPES: Record<string, WanType> = {
  ethernet: 'ethernet',
  cellular: 'cellular',
  gobi: 'cellular',
  wireless: 'wifi',
  wifi: 'wifi',
  modem: 'modem',
  ipsec: 'ipsec',
  adsl: 'adsl',
}

/** The model's WAN type for a router type string (gobi -> cellular, wireless -> wifi). */
export function wanType(raw: string | undefined): WanType {
  return (raw && TYPES[raw.trim().toLowerCase()]) || 'other'
}

const KNOWN = new Set([
  'id', 'connId', 'name', 'enable', 'asLan', 'message', 'uptime', 'type', 'virtualType', 'priority', 'groupSet',
  'ip', 'mask', 'gateway', 'method', 'mode', 'routingMode', 'dns', 'additionalIp', 'mtu', 'mss', 'mac',
  'wireless', 'modem', 'cellular', 'gobi', 'bandwidthAllowanceMonitor', 'statusLed', 'scheduledOff', 'locked',
])
const KNOWN_CELLULAR = new Set([...KNOWN, 'cellTower'])

function readAllowanceMonitor(v: unknown): AllowanceMonitor | undefined {
  if (!isObj(v)) return undefined
  const out: AllowanceMonitor = {}
  const enable = bool(v.enable)
  if (enable !== undefined) out.enable = enable
  const hasSntp = bool(v.hasSntp)
  if (hasSntp !== undefined) out.hasSntp = hasSntp
  const action = strList(v.action)
  if (action !== undefined) out.action = action
  const start = num(v.start)
  if (start !== undefined) out.start = start
  const m = v.monthlyAllowance
  const value = isObj(m) ? num(m.value) : undefined
  if (value !== undefined) out.monthlyAllowance = { value, unit: str((m as Obj).unit) ?? 'MB' }
  return out
}

/** One WAN object as a Wan. */
export function readWan(id: number, o: Obj): Wan {
  const rawType = str(o.type) ?? str(o.virtualType) ?? ''
  const enable = bool(o.enable) ?? true
  const statusLed: StatusLed = text(o.statusLed)?.trim().toLowerCase() ?? 'empty'
  const message = str(o.message) ?? ''
  const ip = addr(o.ip)
  const cellularRaw = isObj(o.cellular) ? o.cellular : isObj(o.gobi) ? o.gobi : undefined
  const cellular = cellularRaw ? readCellular(cellularRaw, o.cellTower) : isObj(o.modem) ? readModem(o.modem) : undefined
  const known = cellularRaw ? KNOWN_CELLULAR : KNOWN
  return asBuilt({
    id,
    name: str(o.name) ?? `WAN ${id}`,
    type: wanType(rawType),
    rawType,
    virtualType: text(o.virtualType) === undefined ? undefined : wanType(str(o.virtualType)),
    enable,
    statusLed,
    message,
    connected: enable && ip !== undefined && (statusLed === 'green' || /^\s*connected\b/i.test(message)),
    uptime: num(o.uptime),
    priority: num(o.priority),
    groupSet: num(o.groupSet),
    ip,
    mask: maskBits(o.mask),
    gateway: addr(o.gateway),
    dns: strList(o.dns),
    additionalIp: strList(o.additionalIp),
    method: text(o.method),
    routingMode: text(o.routingMode) ?? text(o.mode),
    mtu: num(o.mtu),
    mss: num(o.mss),
    mac: addr(o.mac),
    asLan: bool(o.asLan),
    scheduledOff: bool(o.scheduledOff),
    locked: bool(o.locked),
    cellular,
    wifi: isObj(o.wireless) ? readWifiWan(o.wireless) : undefined,
    allowanceMonitor: readAllowanceMonitor(o.bandwidthAllowanceMonitor),
    extra: extraFields(o, known),
  })
}

/** Normalises `status.wan.connection`: WANs in the answer's `order`, then by id. */
export function normalizeWanStatus(raw: unknown): Wan[] {
  if (!isObj(raw) && !Array.isArray(raw)) fail(ENDPOINT, `expected an object, got ${describe(raw)}`, raw)
  const o: Obj = Array.isArray(raw) ? { connection: raw } : raw
  const byId = new Map<number, Obj>()
  for (const { key, value } of orderedEntries(o, META)) {
    const id = keyId(key) ?? int(value.id)
    if (id !== undefined && !byId.has(id)) byId.set(id, value)
  }
  // 8.5.x repeats each WAN in `connection[]`; the map wins, the array fills gaps.
  const list = Array.isArray(o.connection) ? o.connection : []
  for (const item of list) {
    const id = isObj(item) ? int(item.id) ?? int(item.connId) : undefined
    if (isObj(item) && id !== undefined && !byId.has(id)) byId.set(id, item)
  }
  if (byId.size === 0 && !Array.isArray(o.order) && !Array.isArray(o.connection)) {
    fail(ENDPOINT, 'no WAN entries and no "order" list', raw)
  }
  const order: number[] = []
  if (Array.isArray(o.order)) for (const v of o.order) { const id = int(v); if (id !== undefined && byId.has(id) && !order.includes(id)) order.push(id) }
  const rest = [...byId.keys()].filter((id) => !order.includes(id)).sort((a, b) => a - b)
  return [...order, ...rest].map((id) => readWan(id, byId.get(id)!))
}
