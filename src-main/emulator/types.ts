/**
 * Public types of the emulated router (re-exported by index.ts).
 */
import type { EmulatorState, ModelId } from './state-types'

export interface EmulatorOptions {
  host?: string
  port?: number
  model?: ModelId
  firmware?: string
  adminUser?: string
  adminPassword?: string
  readOnlyUser?: { username: string; password: string } | null
  stateDir?: string
  http?: boolean
  scanDurationMs?: number
  sessionIdleTimeoutMs?: number
  tokenExpiresInSec?: number
  reconnectMs?: number
  wifiConnectMs?: number
  now?: () => number
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  host: string
  port: number
  model: ModelId
  firmware: string
  adminUser: string
  adminPassword: string
  readOnlyUser: { username: string; password: string } | null
  stateDir: string | null
  http: boolean
  scanDurationMs: number
  sessionIdleTimeoutMs: number
  tokenExpiresInSec: number
  reconnectMs: number
  wifiConnectMs: number
  now: () => number
}

export type ResponseMode = 'json' | 'html' | 'garbage' | 'truncated' | 'wrong-types' | 'huge'

export interface FaultController {
  /** Every answer delayed by ms (0 = off). */
  setLatency(ms: number): void
  /** Every cookie session and access token becomes invalid now. */
  expireSessions(): void
  /** "Reboot": accept TCP but send nothing for ms, then come back; sessions are lost. */
  goSilent(ms: number): void
  /** Stop listening for ms; resolves once connections are being refused. */
  refuseConnections(ms: number): Promise<void>
  /** Swap to a new self-signed certificate; resolves with its fingerprint256. */
  replaceCertificate(): Promise<string>
  setResponseMode(mode: ResponseMode): void
  /** The next call of `endpoint` answers stat fail with this code/message. */
  failNext(endpoint: string, failure: { code?: number; message?: string }): void
  /** All faults off. */
  reset(): void
}

export type ScenarioName =
  | 'healthy'
  | 'no-sim'
  | 'sim-b-only'
  | 'allowance-exceeded'
  | 'roaming'
  | 'poor-signal'
  | 'cellular-down'
  | 'no-cable'
  | 'wifi-wrong-key'
  | 'pci-locked'
  | 'carrier-locked'
  | 'pepvpn-down'
  | 'gps-no-fix'
  | 'same-priority'
  | 'wan-disabled'
  | 'cold-standby'
  | 'esim-in-use'
  | 'allowance-per-sim'
  | 'stale-readings'
  | 'antenna-survey'
  | 'drive-test'

export interface RunningEmulator {
  url: string
  host: string
  port: number
  fingerprint256: string
  certPem: string
  credentials: { username: string; password: string }
  model: ModelId
  firmware: string
  faults: FaultController
  state: EmulatorState
  applyScenario(name: ScenarioName): void
  close(): Promise<void>
}
