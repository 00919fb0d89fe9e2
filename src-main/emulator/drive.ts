/**
 * A vehicle driving a loop (scenario drive-test): where it is at any moment, and how much its
 * route's coverage holes take off the signal there. Pure functions of the clock, so a test that
 * fast-forwards the emulator's clock drives the route in no time.
 */
export interface DriveTrack {
  startedAt: number
  /** [latitude, longitude] points of a closed loop. */
  route: [number, number][]
  speedMps: number
  /** Stretches of poor coverage: within radiusM of center the signal drops by up to dropDb. */
  holes: { center: [number, number]; radiusM: number; dropDb: number }[]
}

const EARTH_M = 6_371_000
const rad = (d: number) => (d * Math.PI) / 180

/** Great-circle distance in metres. */
export function metres(a: [number, number], b: [number, number]): number {
  const dLat = rad(b[0] - a[0])
  const dLon = rad(b[1] - a[1])
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_M * Math.asin(Math.sqrt(h))
}

/** Where the vehicle is at `now`, and its heading in degrees. */
export function positionAt(t: DriveTrack, now: number): { lat: number; lon: number; heading: number; speed: number } {
  const legs = t.route.map((p, i) => ({ from: p, to: t.route[(i + 1) % t.route.length]!, len: metres(p, t.route[(i + 1) % t.route.length]!) }))
  const loop = legs.reduce((s, l) => s + l.len, 0)
  let d = (((now - t.startedAt) / 1000) * t.speedMps) % loop
  for (const l of legs) {
    if (d <= l.len) {
      const f = l.len ? d / l.len : 0
      const lat = l.from[0] + (l.to[0] - l.from[0]) * f
      const lon = l.from[1] + (l.to[1] - l.from[1]) * f
      const heading = (Math.atan2(l.to[1] - l.from[1], l.to[0] - l.from[0]) * 180) / Math.PI
      return { lat, lon, heading: (heading + 360) % 360, speed: t.speedMps * 3.6 }
    }
    d -= l.len
  }
  return { lat: t.route[0]![0], lon: t.route[0]![1], heading: 0, speed: 0 }
}

/** dB the coverage holes take off at `now` (0 outside every hole, the full drop at a centre). */
export function coverageDropDb(t: DriveTrack, now: number): number {
  const p = positionAt(t, now)
  let drop = 0
  for (const h of t.holes) {
    const d = metres([p.lat, p.lon], h.center)
    if (d < h.radiusM) drop = Math.max(drop, h.dropDb * (1 - d / h.radiusM))
  }
  return Math.round(drop)
}

/** A 6 km loop around Kowloon with two coverage holes (a tunnel and a valley). */
export function demoTrack(now: number): DriveTrack {
  return {
    startedAt: now,
    route: [[22.3193, 114.1694], [22.3364, 114.1741], [22.3400, 114.1880], [22.3250, 114.1950], [22.3105, 114.1830]],
    speedMps: 14,
    holes: [
      { center: [22.3380, 114.1810], radiusM: 500, dropDb: 28 },
      { center: [22.3180, 114.1900], radiusM: 400, dropDb: 20 },
    ],
  }
}
