/**
 * Sweeps over 127.0.50.x (all loopback): two fake Peplink routers, an HTTPS web page, an HTTPS
 * JSON service that is not a router, a host that accepts and never answers, and addresses where
 * nothing listens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { discover, parseTargets, type DiscoveryProgress, type FoundRouter } from '../../../src-main/discovery'
import { FIRMWARE_ANSWER, answer, freePort, startHttp, startHttps, startSilent, until, type FakeServer, type Tally } from './fake-servers'

// Ports the kernel picks, so two runs of the suite at once never collide.
const PORT = await freePort()
const FREE_PORT = await freePort()
const HTTP_PORT = await freePort()
const servers: Record<string, FakeServer> = {}
const at = (last: number) => `127.0.50.${last}`

beforeAll(async () => {
  const [routerA, routerB, html, json, silent] = await Promise.all([
    startHttps(at(3), PORT, answer(FIRMWARE_ANSWER)),
    startHttps(at(7), PORT, answer(FIRMWARE_ANSWER, { chunked: true })),
    startHttps(at(11), PORT, answer('<!doctype html><html><title>Printer</title></html>', { contentType: 'text/html' })),
    startHttps(at(15), PORT, answer({ status: 'ok' })),
    startSilent(at(19), PORT),
  ])
  Object.assign(servers, { routerA, routerB, html, json, silent })
})

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.close()))
})

/** Timers and sockets this process holds, to show a sweep leaves none behind. */
const held = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'TCPSocketWrap' || r === 'TLSWrap').length

describe('discover', () => {
  it('reports only the Peplink routers, with their certificate and firmware, streaming as they answer', async () => {
    const before = held()
    const found: FoundRouter[] = []
    const progress: DiscoveryProgress[] = []
    const order: string[] = []
    let settled = false
    const sweep = discover(parseTargets([`${at(1)}-20`], [PORT]), {
      answerTimeoutMs: 2000,
      onFound: (r) => {
        expect(settled).toBe(false)
        found.push(r)
        order.push(`found ${r.host}`)
      },
      onProgress: (p) => {
        progress.push(p)
        order.push(`progress ${p.done}`)
      },
    }).finally(() => (settled = true))

    const routers = await sweep
    expect(routers.map((r) => r.host)).toEqual([at(3), at(7)])
    for (const [r, server] of [[routers[0], servers.routerA], [routers[1], servers.routerB]] as const) {
      expect(r).toMatchObject({ port: PORT, scheme: 'https', firmware: '8.1.1 build 5121', fingerprint256: server.fingerprint256 })
      expect(r.subject).toContain('CN=fake-router.invalid')
      expect(r.issuer).toBe(r.subject)
      expect(r.validTo).toMatch(/GMT$/)
      expect(r.elapsedMs).toBeGreaterThanOrEqual(0)
    }
    expect(found).toHaveLength(2)
    // The hung host held the sweep open; the routers were announced long before it ended.
    expect(order.indexOf(`found ${at(3)}`)).toBeLessThan(order.indexOf('progress 20'))
    expect(order.indexOf(`found ${at(7)}`)).toBeLessThan(order.indexOf('progress 20'))
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(progress.every((p) => p.total === 20)).toBe(true)
    // The non-routers were asked, and not reported.
    expect(servers.html.accepted).toBeGreaterThan(0)
    expect(servers.json.accepted).toBeGreaterThan(0)
    await until(() => servers.silent.open === 0 && held() <= before)
  })

  it('sends nothing to an address outside the targets', async () => {
    const acceptedB = servers.routerB.accepted
    const routers = await discover(parseTargets([`${at(1)}-5`], [PORT]))
    expect(routers.map((r) => r.host)).toEqual([at(3)])
    expect(servers.routerB.accepted).toBe(acceptedB)
  })

  it('stops at once when cancelled, destroying open sockets and keeping what was found', async () => {
    const abort = new AbortController()
    const progress: number[] = []
    let count = 0
    const started = Date.now()
    const routers = await discover(parseTargets([`${at(1)}-20`], [PORT]), {
      connectTimeoutMs: 5000,
      answerTimeoutMs: 30_000,
      signal: abort.signal,
      onProgress: (p) => progress.push(p.done),
      onFound: () => {
        if (servers.silent.open > 0 && ++count === 2) abort.abort()
      },
    })
    // Partial results: the two routers, without waiting out the hung host's 30 s.
    expect(routers.map((r) => r.host).sort()).toEqual([at(3), at(7)])
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(Math.max(...progress)).toBeLessThan(20)
    await until(() => servers.silent.open === 0)
  })
  it('does nothing when cancelled before it starts', async () => {
    const accepted = servers.routerA.accepted
    const routers = await discover(parseTargets([at(3)], [PORT]), { signal: AbortSignal.abort() })
    expect(routers).toEqual([])
    expect(servers.routerA.accepted).toBe(accepted)
  })

  it('finishes a port where nothing listens without waiting for the connect timeout', async () => {
    const started = Date.now()
    const routers = await discover(parseTargets([`${at(1)}-20`], [FREE_PORT]), { connectTimeoutMs: 60_000 })
    expect(routers).toEqual([])
    // Refusals come back at once; waiting out the timeout would take 60 s.
    expect(Date.now() - started).toBeLessThan(60_000)
  })
})

describe('discover: concurrency', () => {
  const tally: Tally = { open: 0 }
  const hung: FakeServer[] = []
  beforeAll(async () => {
    hung.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => startSilent(at(30 + i), PORT, tally)))))
  })
  afterAll(async () => {
    await Promise.all(hung.map((s) => s.close()))
  })
  const targets = () => parseTargets([`${at(30)}-39`], [PORT])

  it('has every target in flight at once when concurrency allows', async () => {
    const abort = new AbortController()
    const sweep = discover(targets(), { answerTimeoutMs: 30_000, signal: abort.signal })
    await until(() => tally.open === 10)
    abort.abort()
    expect(await sweep).toEqual([])
    await until(() => tally.open === 0)
  })

  it('never has more than `concurrency` targets in flight', async () => {
    const accepted = () => hung.reduce((n, s) => n + s.accepted, 0)
    const base = accepted()
    let whenFirstDone = -1
    const progress: number[] = []
    await discover(targets(), {
      answerTimeoutMs: 300,
      concurrency: 3,
      onProgress: (p) => {
        // No slot was free before this moment, so exactly three hosts have been contacted.
        if (p.done === 1) whenFirstDone = accepted() - base
        progress.push(p.done)
      },
    })
    expect(whenFirstDone).toBe(3)
    expect(progress.at(-1)).toBe(10)
    expect(accepted() - base).toBe(10)
  })
})

describe('discover: schemes', () => {
  let refusing: FakeServer
  beforeAll(async () => {
    refusing = await startHttp(at(40), HTTP_PORT, answer({ stat: 'fail', code: 401, message: 'Unauthorized' }))
  })
  afterAll(() => refusing.close())

  it('speaks plain HTTP on the HTTP ports, and counts a router that refuses info.firmware', async () => {
    const routers = await discover([{ host: at(40), port: HTTP_PORT }], { httpPorts: [HTTP_PORT] })
    expect(routers).toEqual([{ host: at(40), port: HTTP_PORT, scheme: 'http', elapsedMs: expect.any(Number) }])
  })

  it('does not mistake a plain HTTP server for a router on an HTTPS port', async () => {
    expect(await discover([{ host: at(40), port: HTTP_PORT }])).toEqual([])
  })
})
