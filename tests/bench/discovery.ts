/**
 * Discovery benchmark, at the app's defaults (what the app and `uplink discover` do with no
 * flags): a /24 and a /20 on loopback where every address but two routers drops SYNs (as
 * powered-off hosts on a LAN do), timed for Uplink's discover() and for
 * `nmap -n -Pn -p443 --open` over the same range, interleaved run by run.
 *
 *   npx tsx tests/bench/discovery.ts [--out bench-results.json] [--runs 3] [--runs-large 1]
 *
 * Needs Linux, root, iptables and nmap; otherwise it says why in one line and exits 0.
 * The DROP rules live in a chain of their own and are removed in `finally` and on SIGINT.
 * Unlike nmap, Uplink also completes TLS and asks each router for its firmware inside the timed
 * sweep. Beside the defaults, the same sweep with learning off (the whole 1,500 ms wait on every
 * silent address, as Uplink did before) is reported, labelled.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { DEFAULT_CONNECT_TIMEOUT_MS, discover, MIN_CONNECT_TIMEOUT_MS, parseTargets, type FoundRouter } from '../../src-main/discovery'
import { FIRMWARE_ANSWER, answer, startHttps } from '../unit/discovery/fake-servers'

const SWEEPS = [
  { name: '/24', range: '127.77.1.0/24', routers: ['127.77.1.10', '127.77.1.20'], addresses: 254 },
  { name: '/20', range: '127.77.16.0/20', routers: ['127.77.20.10', '127.77.30.20'], addresses: 4094 },
] as const
const PORT = 443
const CHAIN = 'UPLINK_DISCOVERY_BENCH'
const TARGET_RATIO = 0.5

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

const jump = (range: string) => ['INPUT', '-d', range, '-p', 'tcp', '--dport', String(PORT), '-j', CHAIN]

/** Routers accepted first, then every other SYN to the ranges on 443 dropped. */
function installRules(): void {
  removeRules()
  if (!iptables(['-N', CHAIN])) throw new Error('could not create the iptables chain')
  for (const host of SWEEPS.flatMap((s) => s.routers)) iptables(['-A', CHAIN, '-d', host, '-j', 'ACCEPT'])
  iptables(['-A', CHAIN, '-p', 'tcp', '--syn', '-j', 'DROP'])
  for (const s of SWEEPS) if (!iptables(['-I', ...jump(s.range)])) throw new Error('could not insert the iptables jump')
}

/** Idempotent: also clears what a killed earlier run left behind. */
function removeRules(): void {
  for (const s of SWEEPS) while (iptables(['-D', ...jump(s.range)], true));
  iptables(['-F', CHAIN], true)
  iptables(['-X', CHAIN], true)
}

/** Emulated routers when the emulator is there, minimal fakes otherwise. */
async function startRouters(): Promise<{ kind: string; routers: Router[] }> {
  try {
    const { startEmulator } = await import('../../src-main/emulator')
    const routers = await Promise.all(SWEEPS.flatMap((s) => s.routers).map((host) => startEmulator({ host, port: PORT })))
    return { kind: 'emulator', routers }
  } catch (err) {
    console.log(`(emulator unavailable: ${(err as Error).message}; using fake routers)`)
    const routers = await Promise.all(SWEEPS.flatMap((s) => s.routers).map((host) => startHttps(host, PORT, answer(FIRMWARE_ANSWER))))
    return { kind: 'fake', routers: routers.map((r) => ({ host: r.host, fingerprint256: r.fingerprint256!, close: r.close })) }
  }
}

function runNmap(range: string): Promise<{ ms: number; open: string[]; out: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn('nmap', ['-n', '-Pn', `-p${PORT}`, '--open', '-oG', '-', range], { stdio: ['ignore', 'pipe', 'inherit'] })
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

/** One sweep at the app's defaults (or with learning off), timed, with the heap sampled as it runs. */
async function runUplink(range: string, opts: { adaptive?: boolean } = {}): Promise<{ ms: number; found: FoundRouter[]; heapMb: { start: number; peak: number } }> {
  const targets = parseTargets([range], [PORT])
  const heap = () => Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10
  const start = heap()
  let peak = start
  const sampler = setInterval(() => (peak = Math.max(peak, heap())), 50)
  const started = performance.now()
  try {
    const found = await discover(targets, opts.adaptive === false ? { adaptive: false } : {})
    return { ms: performance.now() - started, found, heapMb: { start, peak: Math.max(peak, heap()) } }
  } finally {
    clearInterval(sampler)
  }
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
    const summary: Record<string, unknown> = { when: new Date().toISOString(), routerKind: started.kind, port: PORT, targetRatio: TARGET_RATIO, minWaitMs: MIN_CONNECT_TIMEOUT_MS, defaultConnectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS }
    let pass = true
    for (const sweep of SWEEPS) {
      const expected = routers.filter((r) => (sweep.routers as readonly string[]).includes(r.host))
      const identifiedAll = (found: FoundRouter[]) =>
        found.length === expected.length && expected.every((r) => found.some((f) => f.host === r.host && f.fingerprint256 === r.fingerprint256 && f.firmware))
      console.log(`discovery bench ${sweep.name}: ${sweep.range} port ${PORT}, ${expected.length} ${started.kind} routers, the other addresses drop SYNs`)
      const rows = []
      // nmap takes minutes on a /20: one run there unless --runs-large says more.
      const n = sweep.name === '/20' ? Math.max(1, Number(arg('runs-large', '1')) || 1) : runs
      for (let i = 0; i < n; i++) {
        // Alternate who goes first so neither always runs on a warmer machine.
        const first = i % 2 === 0 ? await runUplink(sweep.range) : undefined
        const nmap = await runNmap(sweep.range)
        const uplink = first ?? (await runUplink(sweep.range))
        const fixed = await runUplink(sweep.range, { adaptive: false })
        const row = {
          uplinkMs: Math.round(uplink.ms),
          nmapMs: Math.round(nmap.ms),
          ratio: Number((uplink.ms / nmap.ms).toFixed(3)),
          learningOffMs: Math.round(fixed.ms),
          learningOffRatio: Number((fixed.ms / nmap.ms).toFixed(3)),
          heapMb: uplink.heapMb,
          uplinkFound: uplink.found.map((f) => `${f.host} ${f.firmware}`),
          nmapOpen: nmap.open,
          allIdentified: identifiedAll(uplink.found) && identifiedAll(fixed.found),
        }
        rows.push(row)
        console.log(
          `  run ${i + 1}: Uplink at defaults ${row.uplinkMs} ms (${uplink.found.length} identified${row.allIdentified ? '' : ' — MISMATCH'}, heap ${row.heapMb.start} -> peak ${row.heapMb.peak} MB), ` +
            `nmap ${row.nmapMs} ms (${nmap.open.length} open): ${row.ratio}x; learning off ${row.learningOffMs} ms (${row.learningOffRatio}x)`,
        )
      }
      const result = {
        range: sweep.range,
        addresses: sweep.addresses,
        routers: expected.length,
        nmapCommand: `nmap -n -Pn -p${PORT} --open ${sweep.range}`,
        runs: rows,
        medianUplinkMs: median(rows.map((r) => r.uplinkMs)),
        medianNmapMs: median(rows.map((r) => r.nmapMs)),
        medianRatio: median(rows.map((r) => r.ratio)),
        medianLearningOffMs: median(rows.map((r) => r.learningOffMs)),
        medianLearningOffRatio: median(rows.map((r) => r.learningOffRatio)),
        pass: rows.every((r) => r.allIdentified) && median(rows.map((r) => r.ratio)) <= TARGET_RATIO,
      }
      pass &&= result.pass
      summary[sweep.name] = result
      console.log(`  median: Uplink ${result.medianUplinkMs} ms, nmap ${result.medianNmapMs} ms, ${result.medianRatio}x (target ≤ ${TARGET_RATIO}) — ${result.pass ? 'PASS' : 'FAIL'}`)
    }
    summary.pass = pass
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
