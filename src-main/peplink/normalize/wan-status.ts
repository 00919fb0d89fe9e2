/**
 * `status.wan.connection` -> Wan[]. Accepts the reference's "id -> WAN, order" map, the
 * `connection[]` array 8.5.x adds beside it (or sends alone), gobi and cellular spellings,
 * and keeps every field it does not model in `extra`.
 */
import type { ReadingTime, StatusLed, Wan, WanState, WanType } from '../model'
import { readAllowanceMonitor } from './allowance'
import { readWifiWan } from './bands'
import { readCellular, readModem } from './cellular'
import {
  addr, asBuilt, bool, describe, extraFields, fail, int, isObj, keyId, maskBits, num, orderedEntries,
  sized, str, strList, text, type Obj,
} from './read'

const ENDPOINT = 'status.wan.connection'
// Top-level keys that describe the answer, not a WAN.
const META = ['connection', 'timestamp', 'reportTimestamp', 'supportGatewayProxy']

const TYPES: Record<string, WanType> = {
  ethernet: 'ethernet',
  cellular: 'cellular',
  gobi: 'cellular',
  wireless: 'wifi',
  wifi: 'wifi',
  modem: 'modem',
  usb: 'modem',
  wovlan: 'vlan',
  vlan: 'vlan',
  pppoe: 'pppoe',
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
  'managementOnly', 'virtual', 'portId', 'vlanId', 'timestamp', 'reportTimestamp',
])
// Module identity some firmware puts beside the cellular object rather than inside it.
const KNOWN_CELLULAR = new Set([...KNOWN, 'cellTower', 'model', 'firmware', 'manufacturer', 'modulePowerOn'])

const STANDBY = /^\s*(cold |warm |hot )?standby\b/i
const CONNECTING = /^\s*(connecting|obtaining|initiali[sz]ing|starting|dialing|dialling|attaching|registering|searching|waiting)/i
const NO_DEVICE = /no (usb )?(device|modem) detected/i

/**
 * The WAN's state from what real routers send. "Standby" with a yellow LED (and often an IP)
 * is a backup waiting behind a higher-priority WAN, not a failure; a flashing LED or a
 * "Connecting…" message is on its way up; "No Device Detected" is a USB modem port left empty.
 */
export function wanState(w: { enable: boolean; message: string; statusLed: StatusLed; ip?: string; scheduledOff?: boolean }): WanState {
  if (!w.enable) return 'disabled'
  if (w.scheduledOff) return 'off-schedule'
  if (w.ip !== undefined && (w.statusLed === 'green' || /^\s*connected\b/i.test(w.message))) return 'connected'
  if (STANDBY.test(w.message)) return 'standby'
  if (NO_DEVICE.test(w.message)) return 'no-device'
  if (CONNECTING.test(w.message) || w.statusLed === 'flash') return 'connecting'
  return 'down'
}

/** The answer's timestamps, with the reading's age on the router's own clock. */
export function readReadingTime(o: Obj): ReadingTime | undefined {
  const timestamp = num(o.timestamp)
  const reportTimestamp = num(o.reportTimestamp)
  if (timestamp === undefined && reportTimestamp === undefined) return undefined
  const age = timestamp !== undefined && reportTimestamp !== undefined ? Math.max(0, timestamp - reportTimestamp) : undefined
  return asBuilt({ timestamp, reportTimestamp, ageSeconds: age })
}

/** One WAN object as a Wan; `answer` is the whole answer map, for its timestamps. */
export function readWan(id: number, o: Obj, answerTime?: ReadingTime): Wan {
  const rawType = str(o.type) ?? str(o.virtualType) ?? ''
  const enable = bool(o.enable) ?? true
  const statusLed: StatusLed = text(o.statusLed)?.trim().toLowerCase() ?? 'empty'
  const message = str(o.message) ?? ''
  const ip = addr(o.ip)
  const cellularRaw = isObj(o.cellular) ? o.cellular : isObj(o.gobi) ? o.gobi : undefined
  const cellular = cellularRaw ? readCellular(cellularRaw, o) : isObj(o.modem) ? readModem(o.modem) : undefined
  const known = cellularRaw ? KNOWN_CELLULAR : KNOWN
  const scheduledOff = bool(o.scheduledOff)
  const state = wanState({ enable, message, statusLed, ip, scheduledOff })
  return asBuilt({
    id,
    name: str(o.name) ?? `WAN ${id}`,
    type: wanType(rawType),
    rawType,
    virtualType: text(o.virtualType) === undefined ? undefined : wanType(str(o.virtualType)),
    enable,
    statusLed,
    message,
    state,
    connected: state === 'connected',
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
    scheduledOff,
    locked: bool(o.locked),
    cellular,
    wifi: isObj(o.wireless) ? readWifiWan(o.wireless) : undefined,
    allowanceMonitor: readAllowanceMonitor(o.bandwidthAllowanceMonitor),
    managementOnly: bool(o.managementOnly),
    virtual: bool(o.virtual),
    portId: num(o.portId),
    vlanId: num(o.vlanId),
    reading: readReadingTime(o) ?? answerTime,
    extra: extraFields(o, known),
  })
}

/**
 * The WAN objects of the answer's map by id (the key, or the object's `id` for a named key).
 * Where two entries claim one id, the first in `order` (then numeric keys, then names) wins,
 * as orderedEntries() lists them. Only then does the order matter, so one pass over the keys
 * serves the usual answer and orderedEntries() the rare one.
 */
function wansById(o: Obj): Map<number, Obj> {
  const byId = new Map<number, Obj>()
  // Object.keys, not for-in: the keys are numbers ("1", "2"), which for-in walks slowly.
  const keys = Object.keys(o)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    if (key === 'order' || META.includes(key)) continue
    const value = o[key]
    if (!isObj(value)) continue
    const id = keyId(key) ?? int(value.id)
    if (id === undefined) continue
    if (byId.has(id)) return wansByIdInOrder(o)
    byId.set(id, value)
  }
  return byId
}

function wansByIdInOrder(o: Obj): Map<number, Obj> {
  const byId = new Map<number, Obj>()
  for (const { key, value } of orderedEntries(o, META)) {
    const id = keyId(key) ?? int(value.id)
    if (id !== undefined && !byId.has(id)) byId.set(id, value)
  }
  return byId
}

/** Normalises `status.wan.connection`: WANs in the answer's `order`, then by id. */
export function normalizeWanStatus(raw: unknown): Wan[] {
  if (!isObj(raw) && !Array.isArray(raw)) fail(ENDPOINT, `expected an object, got ${describe(raw)}`, raw)
  const o: Obj = Array.isArray(raw) ? { connection: raw } : raw
  const byId = wansById(o)
  // 8.5.x repeats each WAN in `connection[]`; the map wins, the array fills gaps.
  const list = Array.isArray(o.connection) ? o.connection : []
  for (const item of list) {
    const id = isObj(item) ? int(item.id) ?? int(item.connId) : undefined
    if (isObj(item) && id !== undefined && !byId.has(id)) byId.set(id, item)
  }
  if (byId.size === 0 && !Array.isArray(o.order) && !Array.isArray(o.connection)) {
    fail(ENDPOINT, 'no WAN entries and no "order" list', raw)
  }
  // The WANs in `order`, then the rest by id; built with plain loops (this runs on every poll).
  const ids = sized<number>(byId.size)
  let n = 0
  if (Array.isArray(o.order)) {
    for (let i = 0; i < o.order.length; i++) {
      const id = int(o.order[i])
      if (id !== undefined && byId.has(id) && !isIn(ids, n, id)) ids[n++] = id
    }
  }
  const ordered = n
  for (const id of byId.keys()) if (!isIn(ids, ordered, id)) ids[n++] = id
  if (n - ordered > 1) sortTail(ids, ordered)
  const answerTime = readReadingTime(o)
  const wans = sized<Wan>(n)
  for (let i = 0; i < n; i++) wans[i] = readWan(ids[i]!, byId.get(ids[i]!)!, answerTime)
  return wans
}

/** True when `x` is among the first `n` of `a` (a handful of WAN ids: a loop, not includes()). */
function isIn(a: number[], n: number, x: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] === x) return true
  return false
}

/** Sorts `a` from index `from` on, ascending (the ids are distinct). */
function sortTail(a: number[], from: number): void {
  const tail = a.slice(from).sort((x, y) => x - y)
  for (let i = 0; i < tail.length; i++) a[from + i] = tail[i]!
}
