/**
 * The wait on a silent address, learnt from the ones that answer (rtt.ts), and the second try an
 * address waited on briefly gets. Silent addresses drop SYNs for real (a full accept queue on
 * 127.0.51.x), so the probes wait on the kernel as they would on a LAN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { discover, parseTargets, type DiscoveryProgress } from '../../../src-main/discovery'
import { ConnectTiming, KERNEL_SYN_RETRY_MS, MIN_CONNECT_TIMEOUT_MS } from '../../../src-main/discovery/rtt'
import { FIRMWARE_ANSWER, answer, freePort, startDropping, startHttps, type FakeServer } from './fake-servers'

describe('the learnt wait', () => {
  it('is the full timeout until something answers, then a few round trips, never under the floor or over the timeout', () => {
    const t = new ConnectTiming(1500)
    expect(t.timeoutMs).toBe(1500)
    const changes: number[] = []
    t.onChange(() => changes.push(t.timeoutMs))
    t.observe(2)
    expect(t.timeoutMs).toBe(MIN_CONNECT_TIMEOUT_MS)
    // A slow answer (a busy Wi-Fi link) lengthens it: at least three times the slowest seen.
    t.observe(180)
    expect(t.timeoutMs).toBeGreaterThanOrEqual(540)
    t.observe(900)
    expect(t.timeoutMs).toBe(1500)
    expect(changes).toEqual([300, expect.any(Number), 1500])
    expect(t.samples).toBe(3)
  })

  it('stays fixed when asked to', () => {
    const t = new ConnectTiming(800, 300, false)
    t.observe(1)
    expect(t.timeoutMs).toBe(800)
  })
})

const PORT = await freePort()

describe('a sweep with silent addresses', () => {
  const at = (n: number) => `127.0.51.${n}`
  const silent = Array.from({ length: 12 }, (_, i) => at(20 + i))
  let routers: FakeServer[] = []
  let dropping: { close(): void }
  beforeAll(async () => {
    routers = await Promise.all([at(3), at(9)].map((h) => startHttps(h, PORT, answer(FIRMWARE_ANSWER))))
    dropping = await startDropping(silent, PORT)
  })
  afterAll(async () => {
    dropping?.close()
    await Promise.all(routers.map((r) => r.close()))
  })

  it('learns the wait from the routers that answer, tries each silent address twice, and finds both routers', async () => {
    const progress: DiscoveryProgress[] = []
    const found = await discover(parseTargets([at(3), at(9), ...silent], [PORT]), { onProgress: (p) => progress.push(p) })
    expect(found.map((r) => r.host)).toEqual([at(3), at(9)])
    expect(progress).toHaveLength(14)
    const last = progress[progress.length - 1]!
    expect(last).toMatchObject({ done: 14, total: 14, found: 2, etaMs: 0 })
    // Loopback answers in well under a millisecond: the wait is learnt, down from the full 1.5 s
    // to the floor (a busy machine's event-loop lag counts in the round trip and can lift it).
    expect(last.waitMs).toBeGreaterThanOrEqual(MIN_CONNECT_TIMEOUT_MS)
    expect(last.waitMs).toBeLessThan(1500)
    // A silent address waited on for less than the kernel's SYN resend gets its second try.
    if (last.waitMs! < KERNEL_SYN_RETRY_MS) expect(last.retried).toBe(12)
  })

  it('waits the full timeout when nothing answers, and tries again only a wait too short for the kernel to resend', async () => {
    const progress: DiscoveryProgress[] = []
    expect(await discover(parseTargets(silent.slice(0, 4), [PORT]), { connectTimeoutMs: 1000, onProgress: (p) => progress.push(p) })).toEqual([])
    expect(progress.map((p) => p.waitMs)).toEqual([1000, 1000, 1000, 1000])
    expect(progress[3]!.retried).toBe(0)
    const short: DiscoveryProgress[] = []
    await discover(parseTargets(silent.slice(0, 4), [PORT]), { connectTimeoutMs: 400, onProgress: (p) => short.push(p) })
    expect(short[3]).toMatchObject({ waitMs: 400, retried: 4 })
  })
})
