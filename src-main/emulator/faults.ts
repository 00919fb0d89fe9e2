/**
 * Fault injection for tests and training: latency, lost sessions, a silent reboot,
 * refused connections, a new certificate, broken responses and one-off failures.
 */
import type { FaultState } from './http-handler'
import type { RouterServer } from './server'
import { dropAll } from './sessions'
import type { EmulatorState } from './state-types'
import type { FaultController, ResponseMode } from './types'

const MODES: ResponseMode[] = ['json', 'html', 'garbage', 'truncated', 'wrong-types', 'huge']

/** Fresh fault state: everything off. */
export function noFaults(): FaultState {
  return { latencyMs: 0, mode: 'json', failures: new Map() }
}

/** Take (and consume) the next injected failure for an endpoint. */
export function takeFailure(f: FaultState, endpoint: string): { code?: number; message?: string } | undefined {
  const queue = f.failures.get(endpoint)
  const next = queue?.shift()
  if (queue && queue.length === 0) f.failures.delete(endpoint)
  return next
}

export interface FaultDeps {
  faults: FaultState
  server: () => RouterServer
  state: EmulatorState
  /** Swap the TLS certificate; resolves with the new fingerprint256. */
  rotateCertificate(): Promise<string>
}

function checkMs(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('duration must be a non-negative number of ms')
}

/** The FaultController exposed as RunningEmulator.faults. */
export function createFaultController(d: FaultDeps): FaultController {
  return {
    setLatency(ms) {
      checkMs(ms)
      d.faults.latencyMs = ms
    },
    expireSessions() {
      dropAll(d.state.auth, true)
    },
    goSilent(ms) {
      checkMs(ms)
      // A reboot loses the cookie sessions; API clients and their tokens are stored config and survive.
      dropAll(d.state.auth, false)
      d.server().silence(ms)
    },
    refuseConnections(ms) {
      checkMs(ms)
      return d.server().refuse(ms)
    },
    async replaceCertificate() {
      const fingerprint = await d.rotateCertificate()
      d.server().destroySockets()
      return fingerprint
    },
    setResponseMode(mode) {
      if (!MODES.includes(mode)) throw new RangeError(`unknown response mode: ${String(mode)}`)
      d.faults.mode = mode
    },
    failNext(endpoint, failure) {
      const queue = d.faults.failures.get(endpoint) ?? []
      queue.push({ ...failure })
      d.faults.failures.set(endpoint, queue)
    },
    reset() {
      d.server().wake()
      d.server().resume()
      d.faults.latencyMs = 0
      d.faults.mode = 'json'
      d.faults.failures.clear()
    },
  }
}
