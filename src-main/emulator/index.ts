/**
 * The emulated Peplink router: an HTTPS (or HTTP) server on loopback answering the
 * router API for a BR1 Pro 5G or a Balance 380 on a chosen firmware, with scenarios
 * and fault injection. Written from the vendor reference alone; it shares no code
 * with the API client in src-main/peplink.
 */
import { isIP } from 'node:net'
import { generateMaterial, loadOrCreateMaterial, persistMaterial, type TlsMaterial } from './certs'
import { logEvent } from './event-log'
import { createFaultController, noFaults, takeFailure } from './faults'
import { parseVersion } from './firmware'
import { createHttpHandler } from './http-handler'
import { buildState, MODEL_DESCRIPTIONS, MODELS } from './models'
import { applyScenario, SCENARIO_DESCRIPTIONS, SCENARIOS } from './scenarios'
import { ROUTES } from './routes'
import { RouterServer } from './server'
import type { EmulatorOptions, ResolvedOptions, RunningEmulator, ScenarioName } from './types'

export type { EmulatorOptions, RunningEmulator, FaultController, ResponseMode, ScenarioName } from './types'
export type * from './state-types'
export { MODEL_DESCRIPTIONS, MODELS, SCENARIOS, SCENARIO_DESCRIPTIONS }

/** Every endpoint the emulator serves, with its method and firmware range (until = first version without it). */
export const EMULATED_ENDPOINTS: readonly { name: string; method: 'GET' | 'POST'; since: string; until?: string }[] = ROUTES.map(
  ({ name, method, since, until }) => (until ? { name, method, since, until } : { name, method, since }),
)


function isLoopback(host: string): boolean {
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  return host === '::1'
}

function resolveOptions(o: EmulatorOptions): ResolvedOptions {
  const host = o.host ?? '127.0.0.1'
  // The emulator must never be reachable from the network.
  if (!isLoopback(host)) throw new Error(`The emulator only binds to loopback addresses, not ${host}`)
  const firmware = o.firmware ?? '8.1.1'
  parseVersion(firmware)
  const model = o.model ?? 'br1-pro-5g'
  if (!(model in MODEL_DESCRIPTIONS)) throw new Error(`Unknown model: ${String(model)}; one of ${MODELS.join(', ')}`)
  return {
    host,
    port: o.port ?? 0,
    model,
    firmware,
    adminUser: o.adminUser ?? 'admin',
    adminPassword: o.adminPassword ?? 'admin',
    readOnlyUser: o.readOnlyUser === undefined ? { username: 'viewer', password: 'viewer' } : o.readOnlyUser,
    stateDir: o.stateDir ?? null,
    http: o.http ?? false,
    scanDurationMs: o.scanDurationMs ?? 3000,
    sessionIdleTimeoutMs: o.sessionIdleTimeoutMs ?? 4 * 3600 * 1000,
    tokenExpiresInSec: o.tokenExpiresInSec ?? 172800,
    reconnectMs: o.reconnectMs ?? 1500,
    wifiConnectMs: o.wifiConnectMs ?? 1500,
    now: o.now ?? Date.now,
  }
}

/** Start an emulated router; resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const opts = resolveOptions(options)
  const start = opts.now()
  const state = buildState(opts.model, opts.firmware, start)
  logEvent(state, start, 'System', `${state.deviceName} started (firmware ${opts.firmware})`)
  for (const w of state.wans) logEvent(state, start, 'WAN', `${w.config.name}: connected`)

  let tls: TlsMaterial | null = opts.http ? null : await loadOrCreateMaterial(opts.stateDir, `${MODEL_DESCRIPTIONS[opts.model].product} emulator`)
  const faults = noFaults()
  const deps = { state, opts, takeFailure: (endpoint: string) => takeFailure(faults, endpoint) }
  // The handler needs the server (for latency timers and holding sockets) and vice versa.
  let server: RouterServer | null = null
  const getServer = (): RouterServer => {
    if (!server) throw new Error('emulator server not started')
    return server
  }
  server = new RouterServer(opts.host, opts.port, tls, createHttpHandler(getServer, deps, faults, !opts.http))
  await server.listen()

  const urlHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host
  const running: RunningEmulator = {
    url: `${opts.http ? 'http' : 'https'}://${urlHost}:${server.port}`,
    host: opts.host,
    port: server.port,
    fingerprint256: tls?.fingerprint256 ?? '',
    certPem: tls?.cert ?? '',
    credentials: { username: opts.adminUser, password: opts.adminPassword },
    model: opts.model,
    firmware: opts.firmware,
    state,
    faults: createFaultController({
      faults,
      server: getServer,
      state,
      async rotateCertificate() {
        if (opts.http) throw new Error('replaceCertificate needs an HTTPS emulator')
        const next = await generateMaterial(`${MODEL_DESCRIPTIONS[opts.model].product} emulator`)
        persistMaterial(opts.stateDir, next)
        tls = next
        getServer().setCertificate(next)
        running.fingerprint256 = next.fingerprint256
        running.certPem = next.cert
        return next.fingerprint256
      },
    }),
    applyScenario(name: ScenarioName) {
      applyScenario(state, name, opts.now())
    },
    close: () => getServer().close(),
  }
  return running
}
