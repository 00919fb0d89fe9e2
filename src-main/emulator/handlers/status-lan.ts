/**
 * status.client (filters, outputWeight/infoType) and status.lan.profile.
 */
import { invalid, listParam, toInt, type Ctx } from '../context'
import { atLeast } from '../firmware'
import type { Json, JsonObject } from '../json'
import { wifiLevel } from '../render/wan-status'
import type { LanClient } from '../state-types'

const WEIGHTS: Record<string, string[]> = {
  full: ['ip', 'connectionType', 'lease', 'name', 'mac', 'bssid', 'vlanId', 'ssid', 'active', 'signalStrength', 'speed'],
  normal: ['ip', 'connectionType', 'name', 'mac', 'bssid', 'vlanId', 'ssid', 'active'],
  lite: ['ip', 'connectionType', 'name', 'mac', 'bssid', 'vlanId'],
}

function renderClient(c: LanClient, fields: string[], fw: string): JsonObject {
  const o: JsonObject = {}
  const want = (f: string): boolean => fields.includes(f)
  if (want('ip')) o.ip = c.ip
  // Inactive clients carry no connectionType, except 8.1.0 and earlier which say "ethernet" by accident.
  if (want('connectionType') && (c.active || !atLeast(fw, '8.1.1'))) o.connectionType = c.active ? c.connectionType : 'ethernet'
  if (want('lease') && c.lease && (c.connectionType === 'ethernet' || c.connectionType === 'wireless')) o.lease = { ...c.lease }
  if (want('name')) o.name = c.name
  if (want('mac')) o.mac = c.mac
  if (want('bssid') && c.bssid && c.connectionType === 'wireless') o.bssid = c.bssid
  if (want('vlanId') && c.vlanId !== undefined) o.vlanId = c.vlanId
  if (want('ssid') && c.ssid && c.connectionType === 'wireless') o.ssid = c.ssid
  if (want('active')) o.active = c.active
  if (want('signalStrength') && c.signal !== undefined) {
    if (atLeast(fw, '8.1.0')) o.signal = { strength: c.signal, level: Math.max(1, wifiLevel(c.signal)) }
    else o.signalStrength = { value: c.signal, unit: 'dBm' }
  }
  if (want('speed')) o.speed = { download: c.speed.download, upload: c.speed.upload, unit: 'kbps' }
  return o
}

/** GET status.client. */
export function handleClients(ctx: Ctx): Json {
  const q = ctx.query
  const fw = ctx.state.firmware
  let list = ctx.state.clients
  const vlan = q.get('vlanId')
  if (vlan !== null && vlan !== '') {
    const v = toInt(vlan)
    if (v === null) throw invalid('vlanId must be a number')
    list = list.filter((c) => (v === 0 ? c.vlanId === undefined : c.vlanId === v))
  }
  if (q.get('activeOnly') === 'yes') list = list.filter((c) => c.active)
  const types = listParam(q, 'connectionType')
  // The filter list spells PepVPN "pevpn"; the client object says "pepvpn". Accept both.
  if (types) list = list.filter((c) => types.includes(c.connectionType) || (c.connectionType === 'pepvpn' && types.includes('pevpn')))
  const sizeRaw = q.get('size')
  const size = sizeRaw === null ? 1000 : toInt(sizeRaw)
  if (size === null || size < 1 || size > 10_000_000) throw invalid('size must be between 1 and 10000000')
  const info = listParam(q, 'infoType')
  const weight = q.get('outputWeight') ?? 'normal'
  if (!info && !WEIGHTS[weight]) throw invalid('outputWeight must be full, normal or lite')
  const fields = info ? info.map((f) => (f === 'essid' ? 'ssid' : f)) : WEIGHTS[weight]
  return { list: list.slice(0, size).map((c) => renderClient(c, fields, fw)) }
}

/** GET status.lan.profile (`id` multi-value). */
export function handleLanProfiles(ctx: Ctx): Json {
  const ids = listParam(ctx.query, 'id')
  const list = ctx.state.lanProfiles.filter((p) => ids === null || ids.includes(String(p.id)))
  const out: JsonObject = {}
  for (const p of list) {
    const o: JsonObject = {}
    if (p.name !== undefined) o.name = p.name
    o.ip = p.ip
    if (p.vlanId !== undefined) o.vlanId = p.vlanId
    o.mask = p.mask
    out[String(p.id)] = o
  }
  out.order = list.map((p) => p.id)
  return out
}
