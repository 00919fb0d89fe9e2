/**
 * Discovery benchmark: a /24 sweep on loopback where almost every address drops SYNs (as
 * powered-off hosts on a LAN do), with three routers answering on 443, timed for Uplink's
 * discover() and for `nmap -n -Pn -p443 --open` over the same 256 addresses.
 *
 *   npx tsx tests/bench/discovery.ts [--out bench-results.json] [--runs 3]
 *
 * Needs Linux, root, iptables and nmap; otherwise it says why in one line and exits 0.
 * The DROP rules live in a chain of their own and are removed in `finally` and on SIGINT.
 *
 * Fairness: nmap's wait for a silent address is not a fixed setting. It starts at its initial
 * RTT timeout (1000 ms), learns the real round trip from the routers that answer, drops to its
 * minimum (100 ms) on loopback, and sends one retransmission. An untimed calibration run with
 * `--packet-trace` measures that: probes per silent address × the gap between them. Uplink's
 * connect timeout for the comparison is that figure; the same sweep at the app's default
 * (1500 ms) is reported beside it. Unlike nmap, Uplink also completes TLS and asks each router
 * for its firmware inside the timed sweep.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { DEFAULT_CONNECT_TIMEOUT_MS, discover, parseTargets, type FoundRouter } from '../../src-main/discovery'
import { FIRMWARE_ANSWER, answer, startHttps } from '../unit/discovery/fake-servers'

const NET = '127.77.1'
const RANGE = `${NET}.0/24`
const ROUTERS = [`${NET}.10`, `${NET}.20`, `${NET}.30`]
const PORT = 443
const CHAIN = 'UPLINK_DISCOVERY_BENCH'
/** nmap's default --initial-rtt-timeout, used if the calibration sees no retransmission. */
const NMAP_INITIAL_RTT_MS = 1000
const TARGET_RATIO = 1.5

interface Router {
  host: string
  fingerprint256: string
  close(): Promise<void>
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}

/** Why the bench cannot run here, or null. */
function unusable(): string | null {
  if (process.platform !== 'linux') return 'needs Linux (iptables)'
  if (process.getuid?.() !== 0) return 'needs root to add iptables rules and bind port 443'
  try {
    execFileSync('nmap', ['--version'], { stdio: 'ignore' })
  } catch {
    return 'nmap is not installed'
  }
  try {
    execFileSync('iptables', ['-S', 'INPUT'], { stdio: 'ignore' })
  } catch {
    return 'iptables is not usable here'
  }
  return null
}

function iptables(args: string[], quiet = false): boolean {
  try {
    execFileSync('iptables', args, { stdio: quiet ? 'ignore' : ['ignore', 'ignore', 'inherit'] })
    return true
  } catch {
    return false
  }
}

const JUMP = ['INPUT', '-d', RANGE, '-p', 'tcp', '--dport', String(PORT), '-j', CHAIN]

/** Routers accepted first, then every other SYN to the range on 443 dropped. */
function installRules(): void {
  removeRules()
  if (!iptables(['-N', CHAIN])) throw new Error('could not create the iptables chain')
  for (const host of ROUTERS) iptables(['-A', CHAIN, '-d', host, '-j', 'ACCEPT'])
  iptables(['-A', CHAIN, '-p', 'tcp', '--syn', '-j', 'DROP'])
  if (!iptables(['-I', ...JUMP])) throw new Error('could not insert the iptables jump')
}

/** Idempotent: also clears what a killed earlier run left behind. */
function removeRules(): void {
  while (iptables(['-D', ...JUMP], true));
  iptables(['-F', CHAIN], true)
  iptables(['-X', CHAIN], true)
}

/** Emulated routers when the emulator is there, minimal fakes otherwise. */
async function startRouters(): Promise<{ kind: string; routers: Router[] }> {
  try {
    const { startEmulator } = await import('../../src-main/emulator')
    const routers = await Promise.all(ROUTERS.map((host) => startEmulator({ host, port: PORT })))
    return { kind: 'emulator', routers }
  } catch (err) {
    console.log(`(emulator unavailable: ${(err as Error).message}; using fake routers)`)
    const routers = await Promise.all(ROUTERS.map((host) => startHttps(host, PORT, answer(FIRMWARE_ANSWER))))
    return { kind: 'fake', routers: routers.map((r) => ({ host: r.host, fingerprint256: r.fingerprint256!, close: r.close })) }
  }
}

function runNmap(extra: string[] = []): Promise<{ ms: number; open: string[]; out: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    // `-oG -` would silence the normal output that a packet trace is written to.
    const output = extra.length > 0 ? extra : ['-oG', '-']
    const child = spawn('nmap', ['-n', '-Pn', `-p${PORT}`, '--open', ...output, RANGE], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = performance.now() - started
      if (code !== 0) return reject(new Error(`nmap exited with ${code}`))
      const open = [...out.matchAll(/^Host: (\S+) .*Ports: .*\b443\/open\//gm)].map((m) => m[1])
      resolve({ ms, open, out })
    })
  })
}

/** How long nmap gives a silent address: probes sent × the gap between them, from a packet trace. */
async function calibrate(): Promise<{ waitMs: number; probes: number; gapMs: number }> {
  const { out } = await runNmap(['-d', '--packet-trace'])
  const sent = new Map<string, number[]>()
  for (const m of out.matchAll(/SENT \(([\d.]+)s\) TCP \S+ > (\S+):\d+ S /g)) {
    const host = m[2]
    if (!sent.has(host)) sent.set(host, [])
    sent.get(host)!.push(Number(m[1]) * 1000)
  }
  const silent = [...sent.entries()].filter(([h]) => !ROUTERS.includes(h)).map(([, times]) => times)
  const retried = silent.filter((t) => t.length > 1)
  if (retried.length === 0) return { waitMs: NMAP_INITIAL_RTT_MS, probes: 1, gapMs: NMAP_INITIAL_RTT_MS }
  const probes = median(silent.map((t) => t.length))
  const gapMs = median(retried.map((t) => t[1] - t[0]))
  return { waitMs: Math.max(100, Math.round((probes * gapMs) / 10) * 10), probes, gapMs: Math.round(gapMs) }
}

async function runUplink(connectTimeoutMs: number): Promise<{ ms: number; found: FoundRouter[] }> {
  // The same 256 addresses nmap scans, network and broadcast included.
  const targets = parseTargets([`${NET}.0-${NET}.255`], [PORT])
  const started = performance.now()
  const found = await discover(targets, { connectTimeoutMs })
  return { ms: performance.now() - started, found }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main(): Promise<void> {
  const why = unusable()
  if (why) {
    console.log(`discovery bench skipped: ${why}.`)
    return
  }
  const out = arg('out', 'bench-results.json')
  const runs = Math.max(1, Number(arg('runs', '3')) || 3)
  let routers: Router[] = []
  const onSignal = () => {
    removeRules()
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const started = await startRouters()
    routers = started.routers
    installRules()
    const nmapWait = await calibrate()
    const timeoutMs = nmapWait.waitMs
    console.log(`discovery bench: ${RANGE} port ${PORT}, ${routers.length} ${started.kind} routers, others drop SYNs`)
    console.log(`nmap gives a silent address ${nmapWait.probes} probe(s) ${nmapWait.gapMs} ms apart: Uplink connect timeout ${timeoutMs} ms (app default ${DEFAULT_CONNECT_TIMEOUT_MS} ms also shown)`)
    const identifiedAll = (found: FoundRouter[]) =>
      found.length === routers.length && routers.every((r) => found.some((f) => f.host === r.host && f.fingerprint256 === r.fingerprint256 && f.firmware))
    const results = []
    for (let i = 0; i < runs; i++) {
      // Alternate who goes first so neither always runs on a warmer machine.
      const uplinkFirst = i % 2 === 0
      const u1 = uplinkFirst ? await runUplink(timeoutMs) : undefined
      const nmap = await runNmap()
      const uplink = u1 ?? (await runUplink(timeoutMs))
      const atDefault = await runUplink(DEFAULT_CONNECT_TIMEOUT_MS)
      const row = {
        uplinkMs: Math.round(uplink.ms),
        nmapMs: Math.round(nmap.ms),
        ratio: Number((uplink.ms / nmap.ms).toFixed(3)),
        uplinkDefaultTimeoutMs: Math.round(atDefault.ms),
        ratioDefaultTimeout: Number((atDefault.ms / nmap.ms).toFixed(3)),
        uplinkFound: uplink.found.map((f) => `${f.host} ${f.firmware}`),
        nmapOpen: nmap.open,
        allIdentified: identifiedAll(uplink.found) && identifiedAll(atDefault.found),
      }
      results.push(row)
      console.log(
        `run ${i + 1}: Uplink ${row.uplinkMs} ms (${uplink.found.length} routers identified${row.allIdentified ? '' : ' — MISMATCH'}), ` +
          `nmap ${row.nmapMs} ms (${nmap.open.length} open), ratio ${row.ratio}; at ${DEFAULT_CONNECT_TIMEOUT_MS} ms Uplink ${row.uplinkDefaultTimeoutMs} ms, ratio ${row.ratioDefaultTimeout}`,
      )
    }
    const summary = {
      when: new Date().toISOString(),
      range: RANGE,
      port: PORT,
      addresses: 256,
      routers: routers.length,
      routerKind: started.kind,
      connectTimeoutMs: timeoutMs,
      nmapProbesPerSilentAddress: nmapWait.probes,
      nmapProbeGapMs: nmapWait.gapMs,
      defaultConnectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
      nmapCommand: `nmap -n -Pn -p${PORT} --open ${RANGE}`,
      runs: results,
      medianUplinkMs: median(results.map((r) => r.uplinkMs)),
      medianNmapMs: median(results.map((r) => r.nmapMs)),
      medianRatio: median(results.map((r) => r.ratio)),
      medianUplinkDefaultTimeoutMs: median(results.map((r) => r.uplinkDefaultTimeoutMs)),
      medianRatioDefaultTimeout: median(results.map((r) => r.ratioDefaultTimeout)),
      targetRatio: TARGET_RATIO,
      pass: results.every((r) => r.allIdentified) && median(results.map((r) => r.ratio)) <= TARGET_RATIO,
    }
    console.log(`median: Uplink ${summary.medianUplinkMs} ms, nmap ${summary.medianNmapMs} ms, ratio ${summary.medianRatio} (target ≤ ${TARGET_RATIO}) — ${summary.pass ? 'PASS' : 'FAIL'}`)
    const existing: unknown = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {}
    const merged = existing !== null && typeof existing === 'object' && !Array.isArray(existing) ? existing : {}
    writeFileSync(out, `${JSON.stringify({ ...merged, discovery: summary }, null, 2)}\n`)
    console.log(`figures written to ${out} (key "discovery")`)
  } finally {
    removeRules()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await Promise.all(routers.map((r) => r.close()))
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
