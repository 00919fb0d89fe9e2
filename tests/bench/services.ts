/**
 * Benchmarks of the main-process services against an emulated router on loopback:
 *  - client overhead: 1,000 sequential status.wan.connection calls through RouterClient vs the
 *    same calls with bare undici on one keep-alive connection (target ≤ 1.05×, with the
 *    client's own microseconds per call beside it);
 *  - dashboard refresh: the overview's calls as the overview makes them, with each answer
 *    delayed, against the slowest single call (target: about one round trip, not the sum);
 *  - long session: 3,600 signal polls (an hour at 1 Hz, run fast) through the services;
 *    heap growth after GC (target < 5 MB).
 * Run by tests/bench/run.ts; each function returns its figures.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { Client } from 'undici'
import { startEmulator } from '../../src-main/emulator'
import { RouterClient } from '../../src-main/peplink/client'
import { getSignal } from '../../src-main/peplink/features'
import { fetchOverview } from '../../src-main/workflows/overview'

/**
 * A router in its own process, as a real one is on its own hardware: its CPU time is not
 * charged to the client's event loop. Resolves with its URL, credentials and fingerprint.
 */
export async function routerProcess(args: string[] = []): Promise<{ url: string; host: string; port: number; fingerprint256: string; credentials: { username: string; password: string }; close(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, '../../out/main/cli.js'), 'emulator', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  let text = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      text += d
      if (/certificate: SHA-256 \S+/.test(text)) resolve()
    })
    child.once('exit', (code) => reject(new Error(`emulator exited (${code})`)))
  })
  const url = /listening on (\S+)/.exec(text)![1]!
  const fingerprint256 = /SHA-256 (\S+)/.exec(text)![1]!
  const u = new URL(url)
  return {
    url, host: u.hostname, port: Number(u.port), fingerprint256, credentials: { username: 'admin', password: 'admin' },
    close: () => new Promise((r) => { child.once('exit', () => r()); child.kill('SIGTERM') }),
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/**
 * Client vs bare undici. The machine's speed drifts (shared cores), so the two are interleaved
 * finely: each round is 1,000 calls of each, run as alternating batches of 50 (which one goes
 * first alternates too), and the ratio is taken per round; the median round is reported.
 * One round's ratio wanders by ±0.1 on a 2-core machine, so the median of 7 rounds moved by
 * about ±0.05 from run to run: 25 rounds (some 10 s) narrow that.
 */
export async function clientOverhead(calls = 1000, rounds = 25, batch = 50) {
  const emu = await routerProcess()
  const client = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'admin', ...emu.credentials } })
  await client.open()
  // Bare undici: one keep-alive connection, the same cookie, no validation or normalising.
  const bare = new Client(emu.url, { connect: { rejectUnauthorized: false }, pipelining: 1 })
  const login = await bare.request({ path: '/api/login', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(emu.credentials) })
  await login.body.text()
  const cookie = String(login.headers['set-cookie']).split(';')[0]!
  const bareCall = async () => {
    const r = await bare.request({ path: '/api/status.wan.connection', method: 'GET', headers: { cookie } })
    JSON.parse(await r.body.text())
  }
  const clientCall = () => client.api.wanStatus()
  const time = async (fn: () => Promise<unknown>, n: number) => {
    const t = performance.now()
    for (let i = 0; i < n; i++) await fn()
    return performance.now() - t
  }
  // Warm both paths up to steady state (the app polls for hours): the normaliser's many small
  // functions take a few thousand calls to be fully optimised.
  for (let i = 0; i < 3; i++) {
    await time(clientCall, calls)
    await time(bareCall, calls)
  }
  const perRound: { client: number; bare: number }[] = []
  for (let r = 0; r < rounds; r++) {
    let c = 0
    let b = 0
    for (let i = 0; i < calls / batch; i++) {
      if (i % 2 === 0) {
        b += await time(bareCall, batch)
        c += await time(clientCall, batch)
      } else {
        c += await time(clientCall, batch)
        b += await time(bareCall, batch)
      }
    }
    perRound.push({ client: c, bare: b })
  }
  await client.close()
  await bare.close()
  await emu.close()
  const byRatio = [...perRound].sort((x, y) => x.client / x.bare - y.client / y.bare)
  const mid = byRatio[Math.floor(rounds / 2)]!
  const ratio = mid.client / mid.bare
  // The client's own time per call, beside the ratio: the ratio shrinks as the round trip grows,
  // the microseconds do not.
  const overheadUs = perRound.map((x) => ((x.client - x.bare) * 1000) / calls)
  return {
    calls, rounds, batch, clientMs: Math.round(mid.client), bareUndiciMs: Math.round(mid.bare), ratio: +ratio.toFixed(3),
    roundRatios: perRound.map((x) => +(x.client / x.bare).toFixed(3)),
    overheadUsPerCall: +median(overheadUs).toFixed(1), roundOverheadUs: overheadUs.map((x) => +x.toFixed(1)),
    target: 1.05, pass: ratio <= 1.05,
  }
}

/** One overview refresh vs its slowest call, with every answer delayed by `latencyMs`. */
export async function dashboardRefresh(latencyMs = 150, rounds = 5) {
  const emu = await startEmulator({})
  const client = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'admin', ...emu.credentials } })
  await client.open()
  await fetchOverview(client) // warm the keep-alive connections
  emu.faults.setLatency(latencyMs)
  const refresh: number[] = []
  const single: number[] = []
  for (let r = 0; r < rounds; r++) {
    let t = performance.now()
    const o = await fetchOverview(client)
    refresh.push(performance.now() - t)
    if (o.wans.length === 0) throw new Error('overview returned no WANs')
    t = performance.now()
    await client.api.wanStatus()
    single.push(performance.now() - t)
  }
  emu.faults.reset()
  await client.close()
  await emu.close()
  const r = median(refresh)
  const s = median(single)
  return { calls: 4, latencyMs, refreshMs: Math.round(r), slowestCallMs: Math.round(s), sumWouldBeMs: 4 * Math.round(s), ratio: +(r / s).toFixed(2), target: 'about 1 (not 4)', pass: r / s < 1.5 }
}

/** Heap growth over an hour of 1 Hz signal polls, run back to back. Needs --expose-gc. */
export async function longSession(polls = 3600) {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) return { skipped: 'run node with --expose-gc to measure heap growth' }
  const emu = await startEmulator({})
  const client = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'admin', ...emu.credentials } })
  await client.open()
  for (let i = 0; i < 200; i++) await getSignal(client, { connId: [2] }) // reach a steady state
  gc()
  const before = process.memoryUsage().heapUsed
  const t = performance.now()
  for (let i = 0; i < polls; i++) {
    const [r] = await getSignal(client, { connId: [2] })
    if (!r) throw new Error('no signal report')
  }
  const elapsed = performance.now() - t
  gc()
  const after = process.memoryUsage().heapUsed
  await client.close()
  await emu.close()
  const growthMb = (after - before) / 1048576
  return { polls, elapsedMs: Math.round(elapsed), heapBeforeMb: +(before / 1048576).toFixed(1), heapAfterMb: +(after / 1048576).toFixed(1), growthMb: +growthMb.toFixed(2), targetMb: 5, pass: growthMb < 5 }
}
