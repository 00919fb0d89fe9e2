/**
 * GET status.pepvpn (also served as status.pevpn, the spelling of the reference list).
 * Tunnel statistics: per-WAN rx/tx/loss arrays before 8.1.0, receive/transmit objects
 * from 8.1.0; the local side uses arrays, the remote side plain numbers.
 */
import { listParam, toInt, truthy, type Ctx } from '../context'
import { atLeast } from '../firmware'
import type { Json, JsonObject } from '../json'
import type { PepvpnPeer } from '../state-types'
import { wanLink } from '../wan-link'

function counters(seconds: number, seed: number) {
  const rx = Math.floor(seconds * (900 + seed * 37))
  const tx = Math.floor(seconds * (650 + seed * 23))
  return { rx, tx, rxPkt: Math.floor(rx / 800), txPkt: Math.floor(tx / 700), loss: seed % 3 }
}

function timeObj(ms: number): JsonObject {
  return { second: Math.floor(ms / 1000), nanoSecond: (ms % 1000) * 1_000_000 }
}

function remoteWans(peer: PepvpnPeer, seconds: number, newShape: boolean): JsonObject {
  const out: JsonObject = {}
  for (const w of peer.remoteWans) {
    const c = counters(seconds, w.id + 3)
    const o: JsonObject = { id: w.id, name: w.name, state: 'ACTIVE', rtt: 18 + w.id * 4 }
    if (newShape) {
      o.receive = { byte: c.rx, packet: { wan: c.rxPkt, forward: c.rxPkt, fragment: 0, loss: c.loss, outOfOrder: 0, recover: 0, discard: 0 } }
      o.transmit = { byte: c.tx, packet: { wan: c.txPkt, forward: c.txPkt, fragment: 0, loss: 0, outOfOrder: 0, fec: 0, redundant: 0 } }
    } else {
      Object.assign(o, { rx: c.rx, tx: c.tx, loss: c.loss })
    }
    out[String(w.id)] = o
  }
  out.order = peer.remoteWans.map((w) => w.id)
  return out
}

function tunnelOf(ctx: Ctx, peer: PepvpnPeer): JsonObject {
  const newShape = atLeast(ctx.state.firmware, '8.1.0')
  const uptimeMs = ctx.now - ctx.state.bootedAt + 3_600_000
  const seconds = uptimeMs / 1000
  const wans: JsonObject = {}
  for (const wan of ctx.state.wans) {
    const link = wanLink(wan, ctx.now)
    if (!wan.config.enable || !link.up) {
      wans[String(wan.id)] = { priority: 0, state: wan.config.enable ? 'WAN_DOWN' : 'WAN_DISABLED', name: wan.config.name }
      continue
    }
    const c = counters(seconds, wan.id)
    const o: JsonObject = { id: wan.id, name: wan.config.name, priority: wan.config.priority, state: 'ACTIVE', time: timeObj(uptimeMs), rtt: 12 + wan.id * 9 }
    if (newShape) {
      o.receive = { byte: [c.rx], packet: { wan: [c.rxPkt], forward: [c.rxPkt], fragment: [0], loss: [c.loss], outOfOrder: [0], recover: [0], discard: [0] } }
      o.transmit = { byte: [c.tx], packet: { wan: [c.txPkt], forward: [c.txPkt], fragment: [0], loss: [0], outOfOrder: [0], fec: [0], redundant: [0] } }
    } else {
      Object.assign(o, { rx: [c.rx], tx: [c.tx], loss: [c.loss] })
    }
    o.remote = remoteWans(peer, seconds, newShape)
    wans[String(wan.id)] = o
  }
  wans.order = ctx.state.wans.map((w) => w.id)
  if (!newShape) return wans
  const total = counters(seconds, 1)
  return {
    wan: wans,
    overall: {
      time: timeObj(uptimeMs),
      receive: { packet: { forward: total.rxPkt, loss: total.loss, outOfOrder: 0 } },
      transmit: { packet: { forward: total.txPkt, loss: 0, outOfOrder: 0 } },
    },
  }
}

function peerObj(p: PepvpnPeer): JsonObject {
  return {
    serialNumber: p.serialNumber,
    status: 'CONNECTED',
    name: p.name,
    profileId: p.profileId,
    secure: p.secure,
    type: p.type,
    username: p.username,
    conflictRoute: [],
    inactiveRoute: [],
    route: [...p.route],
    peerId: p.peerId,
  }
}

/** GET status.pepvpn / status.pevpn (infoType, lite, tunnelOption, start/size/search filters). */
export function handlePepvpn(ctx: Ctx): Json {
  const q = ctx.query
  const vpn = ctx.state.pepvpn
  const tunnelIds = listParam(q, 'tunnelOption')
  const info = listParam(q, 'infoType') ?? ['profile', 'peer', ...(tunnelIds ? ['tunnel'] : [])]
  const lite = truthy(q.get('lite') ?? undefined)
  let peers = vpn.down ? [] : vpn.peers
  const pattern = q.get('searchPattern')
  if (pattern) peers = peers.filter((p) => p.name.toLowerCase().includes(pattern.toLowerCase()))
  const serial = q.get('serialNumber')
  if (serial) peers = peers.filter((p) => p.serialNumber === serial)
  const start = toInt(q.get('start') ?? undefined) ?? 0
  const size = toInt(q.get('size') ?? undefined)
  const page = peers.slice(start, size === null ? undefined : start + size)
  const out: JsonObject = {}
  if (info.includes('profile')) {
    const prof: JsonObject = { siteId: vpn.siteId }
    for (const p of vpn.profiles) {
      const count = peers.filter((x) => x.profileId === p.id).length
      const o: JsonObject = { name: p.name, master: p.master }
      if (!lite) {
        if (p.vlanId !== undefined) o.vlanId = p.vlanId
        Object.assign(o, { status: count > 0 ? 'CONNECTED' : 'START', conflictCount: 0, peerCount: count, userShared: p.userShared, userCount: 0, type: p.type })
      }
      prof[String(p.id)] = o
    }
    prof.order = vpn.profiles.map((p) => p.id)
    out.profile = prof
  }
  if (info.includes('peer')) out.peer = page.map(peerObj)
  if (info.includes('tunnel') && tunnelIds) {
    const tunnel: JsonObject = {}
    const shown = peers.filter((p) => tunnelIds.includes(p.peerId))
    for (const p of shown) tunnel[p.peerId] = tunnelOf(ctx, p)
    tunnel.order = shown.map((p) => p.peerId)
    out.tunnel = tunnel
  }
  return out
}
