/**
 * `status.pepvpn` -> PepVpnStatus. Tunnels come as "peer -> WAN map" (before 8.1.0) or
 * "peer -> {wan, overall}" (8.1.0+), with counters as `rx`/`tx`/`loss` or as
 * `receive`/`transmit` objects.
 *
 * Counter arrays: the local side sends arrays, the remote side numbers. The reference does
 * not say what the array positions are and every published example has one element; Uplink
 * treats them as per-path counters and SUMS them (for one element, sum = last = the value).
 */
import type { PepVpnPeer, PepVpnProfile, PepVpnStatus, PepVpnTunnel, PepVpnTunnelOverall, PepVpnTunnelWan } from '../model'
import { bool, compact, expectObj, extraFields, int, isObj, keyId, num, orderedEntries, str, strList, text, type Obj } from './read'

/** A counter: a number, or the sum of an array of numbers; undefined when neither. */
function total(v: unknown): number | undefined {
  const one = num(v)
  if (one !== undefined) return one
  if (!Array.isArray(v)) return undefined
  const nums = v.map(num).filter((n): n is number => n !== undefined)
  return nums.length === 0 ? undefined : nums.reduce((a, b) => a + b, 0)
}

function sub(o: Obj | undefined, key: string): Obj | undefined {
  const v = o?.[key]
  return isObj(v) ? v : undefined
}

function readTunnelWan(id: number, o: Obj, withRemote: boolean): PepVpnTunnelWan {
  const receive = sub(o, 'receive')
  const transmit = sub(o, 'transmit')
  return compact({
    id,
    name: str(o.name) ?? `WAN ${id}`,
    state: text(o.state) ?? '',
    priority: num(o.priority),
    rtt: num(o.rtt),
    seconds: num(sub(o, 'time')?.second),
    rxBytes: total(receive?.byte) ?? total(o.rx),
    txBytes: total(transmit?.byte) ?? total(o.tx),
    loss: total(sub(receive, 'packet')?.loss) ?? total(o.loss),
    remote: withRemote && isObj(o.remote) ? wanList(o.remote, false) : undefined,
  })
}

function wanList(o: Obj, withRemote: boolean): PepVpnTunnelWan[] {
  return orderedEntries(o, ['wan', 'overall']).flatMap(({ key, value }) => {
    const id = keyId(key) ?? int(value.id)
    return id === undefined ? [] : [readTunnelWan(id, value, withRemote)]
  })
}

function packets(o: Obj | undefined): PepVpnTunnelOverall['receive'] {
  const p = sub(o, 'packet')
  if (!p) return undefined
  return compact({ forward: total(p.forward), loss: total(p.loss), outOfOrder: total(p.outOfOrder) })
}

function readOverall(v: unknown): PepVpnTunnelOverall | undefined {
  if (!isObj(v)) return undefined
  return compact({
    seconds: num(sub(v, 'time')?.second),
    receive: packets(sub(v, 'receive')),
    transmit: packets(sub(v, 'transmit')),
  })
}

function readTunnels(v: unknown): PepVpnTunnel[] {
  if (!isObj(v)) return []
  return orderedEntries(v).map(({ key, value }) => {
    // 8.1.0+ nests the WAN map under `wan`; before, the peer's object is the WAN map.
    const isNew = isObj(value.wan)
    return compact({
      peerId: key,
      wans: wanList(isNew ? (value.wan as Obj) : value, true),
      overall: isNew ? readOverall(value.overall) : undefined,
    })
  })
}

function readProfiles(v: unknown): PepVpnProfile[] {
  if (!isObj(v)) return []
  return orderedEntries(v).flatMap(({ key, value: p }) => {
    const id = keyId(key) ?? int(p.id)
    if (id === undefined) return []
    return [
      compact({
        id,
        name: str(p.name) ?? '',
        master: bool(p.master),
        status: text(p.status),
        type: text(p.type),
        vlanId: num(p.vlanId),
        peerCount: num(p.peerCount),
        conflictCount: num(p.conflictCount),
        userCount: num(p.userCount),
        userShared: bool(p.userShared),
      }),
    ]
  })
}

const PEER_KEYS = new Set([
  'peerId', 'serialNumber', 'name', 'status', 'profileId', 'type', 'secure', 'username', 'route', 'conflictRoute',
  'inactiveRoute', 'server', 'client', 'bridge', 'vlanId', 'bandwidthLimit', 'wanSmoothing', 'latencyDiffCutoff', 'dataUseTcp',
])

/** A setting as sent when it is a scalar: number (numeric strings too), flag, or word. */
function scalar(v: unknown): number | string | boolean | undefined {
  if (typeof v === 'boolean') return v
  return num(v) ?? text(v)
}

function readPeer(p: Obj): PepVpnPeer {
  return compact({
    peerId: str(p.peerId) ?? '',
    serialNumber: text(p.serialNumber),
    name: text(p.name),
    status: text(p.status) ?? '',
    profileId: num(p.profileId),
    type: text(p.type),
    secure: bool(p.secure),
    username: text(p.username),
    routes: strList(p.route),
    conflictRoutes: strList(p.conflictRoute),
    inactiveRoutes: strList(p.inactiveRoute),
    server: text(p.server),
    client: text(p.client),
    bridge: text(p.bridge),
    vlanId: num(p.vlanId),
    bandwidthLimit: isObj(p.bandwidthLimit) ? undefined : scalar(p.bandwidthLimit),
    wanSmoothing: scalar(p.wanSmoothing),
    latencyDiffCutoff: scalar(p.latencyDiffCutoff),
    dataUseTcp: scalar(p.dataUseTcp),
    extra: extraFields(p, isObj(p.bandwidthLimit) ? new Set([...PEER_KEYS].filter((k) => k !== 'bandwidthLimit')) : PEER_KEYS),
  })
}

/** Normalises `status.pepvpn`; sections left out by `infoType` come back empty. */
export function normalizePepVpn(raw: unknown): PepVpnStatus {
  const o = expectObj(raw, 'status.pepvpn')
  const profile = isObj(o.profile) ? o.profile : {}
  // The reference's table spells it "siteld".
  const siteId = text(profile.siteId) ?? text(profile.siteld)
  return compact({
    siteId,
    profiles: readProfiles(profile),
    peers: (Array.isArray(o.peer) ? o.peer : []).filter(isObj).map(readPeer),
    tunnels: readTunnels(o.tunnel),
  })
}
