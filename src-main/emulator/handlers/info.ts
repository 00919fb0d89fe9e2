/**
 * info.firmware, info.location and the endpoints real devices have beyond the
 * reference (status.wan.latency, status.log, status.traffic — shapes are our own
 * plausible guess, documented here because no public reference exists).
 */
import { positionAt } from '../drive'
import type { CellularWan } from '../state-types'
import { cellularLink } from '../cellular-link'
import { unsupported, type Ctx } from '../context'
import { logDate } from '../event-log'
import { previousVersion, versionWithBuild } from '../firmware'
import type { Json, JsonObject } from '../json'
import { wanLink } from '../wan-link'

/** GET info.firmware: before login only the running version, after login both slots. */
export function handleFirmware(ctx: Ctx): Json {
  const running = { version: versionWithBuild(ctx.state.firmware), bootable: true, inUse: true }
  if (!ctx.principal) return { '1': running, order: [1] }
  return {
    '1': running,
    '2': { version: versionWithBuild(previousVersion(ctx.state.firmware)), bootable: true, inUse: false },
    order: [1, 2],
  }
}

/** GET info.location: Unsupported request on devices without GPS; `gps:false` without a fix. */
export function handleLocation(ctx: Ctx): Json {
  const gps = ctx.state.gps
  if (!gps) throw unsupported()
  if (!gps.fix) return { gps: false }
  // On the move (scenario drive-test): the position follows the vehicle's route.
  const drive = ctx.state.wans.find((w): w is CellularWan => w.kind === 'cellular' && w.cellular.drive !== null)?.cellular.drive
  const moving = drive ? positionAt(drive, ctx.now) : undefined
  const location = moving
    ? { ...gps.location, latitude: Math.round(moving.lat * 1e6) / 1e6, longitude: Math.round(moving.lon * 1e6) / 1e6, heading: Math.round(moving.heading), speed: Math.round(moving.speed * 10) / 10 }
    : gps.location
  return { gps: true, location: { ...location, timestamp: Math.floor(ctx.now / 1000) } }
}

/**
 * GET status.wan.latency: `{order, <id>: {name, latency, jitter, loss, unit:"ms"}}`;
 * latency/jitter are null and loss 100 while the WAN is down.
 */
export function handleLatency(ctx: Ctx): Json {
  const out: JsonObject = {}
  for (const wan of ctx.state.wans) {
    const up = wanLink(wan, ctx.now).up
    let base = wan.kind === 'cellular' ? 38 : wan.kind === 'wifi' ? 24 : 11
    let loss = 0
    if (wan.kind === 'cellular' && up && wan.cellular.signalOverride) {
      base = 180
      loss = 8
    }
    const wobble = Math.round(3 * Math.sin(ctx.now / 5000 + wan.id))
    out[String(wan.id)] = up
      ? { name: wan.config.name, latency: base + wobble, jitter: Math.round(base / 8), loss, unit: 'ms' }
      : { name: wan.config.name, latency: null, jitter: null, loss: 100, unit: 'ms' }
  }
  out.order = ctx.state.wans.map((w) => w.id)
  return out
}

/** GET status.log: `{list:[{time:"Feb 17 13:55:02", category, message}]}`, oldest first, ~50 kept. */
export function handleLog(ctx: Ctx): Json {
  return { list: ctx.state.log.map((e) => ({ time: logDate(e.at), category: e.category, message: e.message })) }
}

/**
 * GET status.traffic: lifetime volume per WAN in MB and current throughput in kbps:
 * `{lifetime:{<id>:{download,upload,unit:"MB"}}, bandwidth:{<id>:{download,upload,unit:"kbps"}}, order}`.
 */
export function handleTraffic(ctx: Ctx): Json {
  const lifetime: JsonObject = {}
  const bandwidth: JsonObject = {}
  for (const wan of ctx.state.wans) {
    lifetime[String(wan.id)] = { download: Math.round(wan.traffic.rxMb), upload: Math.round(wan.traffic.txMb), unit: 'MB' }
    let up = wanLink(wan, ctx.now).up
    if (wan.kind === 'cellular') up = up && cellularLink(wan, ctx.now).attached
    const rate = up ? Math.round((wan.kind === 'ethernet' ? 2400 : 900) * (1.2 + Math.sin(ctx.now / 4000 + wan.id))) : 0
    bandwidth[String(wan.id)] = { download: rate, upload: Math.round(rate / 5), unit: 'kbps' }
  }
  return { lifetime, bandwidth, order: ctx.state.wans.map((w) => w.id) }
}
