/** The shapes discovery hands to its callers (sweeps, IPC, CLI). */

/** One TCP endpoint to probe. */
export interface Target {
  host: string
  port: number
}

/** A Peplink router that answered the router API's `info.firmware`. */
export interface FoundRouter {
  host: string
  port: number
  scheme: 'https' | 'http'
  /** The running firmware ("8.1.1 build 5121"); absent when the router refused to say. */
  firmware?: string
  /** SHA-256 of the certificate, Node's format (uppercase hex pairs joined by colons). */
  fingerprint256?: string
  subject?: string
  issuer?: string
  /** As Node prints it (`Nov 25 23:45:00 2035 GMT`), the same as PresentedCertificate. */
  validTo?: string
  /** From the start of the TCP connect to the identifying answer. */
  elapsedMs: number
}

/** A target worth sweeping, computed from this laptop's own network settings. */
export interface Suggestion {
  label: string
  target: string
  kind: 'gateway' | 'subnet'
}

export interface DiscoveryProgress {
  done: number
  total: number
  /** Routers found so far. */
  found?: number
  /** Time left at the pace so far, in ms. */
  etaMs?: number
  /** The wait on a silent address now in force (learnt from the answers), in ms. */
  waitMs?: number
  /** Silent addresses given a second try so far. */
  retried?: number
}

export interface DiscoverOptions {
  /**
   * How long a TCP connect may take before the address counts as silent, until round trips are
   * measured (then it shrinks to what they show, see rtt.ts). Default 1500 ms.
   */
  connectTimeoutMs?: number
  /** The least the learnt wait may be. Default 300 ms (MIN_CONNECT_TIMEOUT_MS). */
  minConnectTimeoutMs?: number
  /** false: wait `connectTimeoutMs` on every address, learning nothing. Default true. */
  adaptive?: boolean
  /** Once connected: TLS handshake plus the whole HTTP answer. Default 10,000 ms. */
  answerTimeoutMs?: number
  /** Connects in flight at once. Default 256, so a /24 is one wave; 1,024 above 1,024 targets. */
  concurrency?: number
  signal?: AbortSignal
  onProgress?: (p: DiscoveryProgress) => void
  onFound?: (r: FoundRouter) => void
  /** Ports spoken to in plain HTTP; every other port gets TLS. Default [80]. */
  httpPorts?: number[]
}
