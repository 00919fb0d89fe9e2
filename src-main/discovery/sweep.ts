/**
 * A sweep: probe every target with bounded concurrency, stream routers as they answer, report
 * progress after each target, stop promptly when cancelled. The wait on a silent address is
 * learnt from the ones that answer (rtt.ts), and an address waited on briefly is tried twice.
 *
 * Cancellation resolves, it does not reject: every in-flight socket is destroyed at once and the
 * promise resolves with the routers found so far (the CLI prints partial results; the UI has
 * already shown them through onFound). Callers tell a cancelled sweep by `signal.aborted`.
 * Nothing is sent to an address that is not in `targets`, and hosts must be IPv4 literals, so
 * not even a DNS query leaves the laptop.
 */
import { setMaxListeners } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import ipaddr from 'ipaddr.js'
import { ValidationError } from '../peplink/errors'
import { probeTarget } from './probe'
import { ConnectTiming, KERNEL_SYN_RETRY_MS, MIN_CONNECT_TIMEOUT_MS } from './rtt'
import type { DiscoverOptions, FoundRouter, Target } from './types'

export const DEFAULT_CONNECT_TIMEOUT_MS = 1500
/**
 * Once connected: a router busy with other work (or a laptop busy opening a thousand sockets)
 * can take seconds over TLS and the answer; only a host that accepts and never answers waits
 * this out, so it is generous.
 */
export const DEFAULT_ANSWER_TIMEOUT_MS = 10_000
/** Enough for a /24 in one wave: the sweep then takes about one connect wait (two with the second tries). */
export const DEFAULT_CONCURRENCY = 256
/** For sweeps larger than a /22: more connects at once, so a /16 takes minutes, not a quarter hour. */
export const LARGE_CONCURRENCY = 1024
export const DEFAULT_HTTP_PORTS: readonly number[] = [80]

/** Probes the targets and resolves with the Peplink routers found, in target order. */
export async function discover(targets: Target[], opts: DiscoverOptions = {}): Promise<FoundRouter[]> {
  const connectTimeoutMs = checkMs(opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, 'connectTimeoutMs')
  const answerTimeoutMs = checkMs(opts.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS, 'answerTimeoutMs')
  const concurrency = opts.concurrency ?? concurrencyFor(targets.length)
  const minConnectTimeoutMs = checkMs(opts.minConnectTimeoutMs ?? Math.min(MIN_CONNECT_TIMEOUT_MS, connectTimeoutMs), 'minConnectTimeoutMs')
  const timing = new ConnectTiming(connectTimeoutMs, minConnectTimeoutMs, opts.adaptive ?? true)
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 4096)
    throw new ValidationError('concurrency', 'must be a whole number from 1 to 4096, e.g. 256')
  const httpPorts = new Set(opts.httpPorts ?? DEFAULT_HTTP_PORTS)
  for (const t of targets) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(t.host) || !Number.isInteger(t.port) || t.port < 1 || t.port > 65535)
      throw new ValidationError('target', `"${t.host}:${t.port}" is not an IPv4 address and port, e.g. 192.168.50.1:443`)
  }

  // Our own controller stops the workers when the caller cancels or a callback throws.
  const stop = new AbortController()
  // Each probe in flight listens for the stop; that many listeners is by design, not a leak.
  setMaxListeners(concurrency + 1, stop.signal)
  const forward = () => stop.abort()
  if (opts.signal?.aborted) return []
  opts.signal?.addEventListener('abort', forward, { once: true })

  const total = targets.length
  const found: (FoundRouter | undefined)[] = new Array(total)
  let next = 0
  let done = 0
  let failure: { error: unknown } | undefined

  // Targets whose socket could not be created (EMFILE/ENFILE), to be tried again.
  const retry: number[] = []
  // Silent targets waited on for less than the kernel's SYN retransmission: one more try.
  const again: number[] = []
  const tried = new Set<number>()
  let live = Math.min(concurrency, total)
  let foundCount = 0
  const startedAt = performance.now()

  const worker = async (): Promise<void> => {
    while (!stop.signal.aborted) {
      // A second try goes right after its first, so progress (and the time left) moves evenly
      // through a large sweep instead of waiting for every first try.
      const i = retry.shift() ?? again.shift() ?? (next < total ? next++ : -1)
      if (i < 0) break
      const t = targets[i]
      const scheme = httpPorts.has(t.port) ? 'http' : 'https'
      let router: FoundRouter | null
      const outcome: { silentAfterMs?: number } = {}
      try {
        router = await probeTarget(t, { scheme, connectTimeoutMs, answerTimeoutMs, signal: stop.signal, timing, outcome })
      } catch {
        // Out of file descriptors (a low `ulimit -n`, as macOS gives apps): this worker retires
        // and the sweep carries on at the concurrency the system allows. Skipping the target
        // instead would hide a router that is there.
        retry.push(i)
        if (live > 1) break
        await sleep(50, undefined, { signal: stop.signal }).catch(() => {})
        continue
      }
      if (stop.signal.aborted) break
      if (!router && outcome.silentAfterMs !== undefined && outcome.silentAfterMs < KERNEL_SYN_RETRY_MS && !tried.has(i)) {
        tried.add(i)
        again.push(i)
        continue
      }
      try {
        if (router) {
          found[i] = router
          foundCount++
          opts.onFound?.(router)
        }
        done++
        const elapsed = performance.now() - startedAt
        opts.onProgress?.({ done, total, found: foundCount, ...(done < total ? { etaMs: Math.round((elapsed / done) * (total - done)) } : { etaMs: 0 }), waitMs: timing.timeoutMs, retried: tried.size })
      } catch (error) {
        failure ??= { error }
        stop.abort()
      }
    }
    live--
  }

  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker))
  } finally {
    opts.signal?.removeEventListener('abort', forward)
  }
  if (failure) throw failure.error
  return found.filter((r): r is FoundRouter => r !== undefined)
}

/**
 * How long a sweep of `targets` takes: `fastMs` where round trips are learnt (each silent address
 * waited on twice at the floor), `slowMs` where nothing ever answers (each waited on once for the
 * full connect timeout).
 */
export function sweepEstimate(targets: number, opts: { concurrency?: number; connectTimeoutMs?: number } = {}): { fastMs: number; slowMs: number } {
  const waves = Math.ceil(targets / (opts.concurrency ?? concurrencyFor(targets)))
  const full = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS
  return { fastMs: waves * 2 * Math.min(MIN_CONNECT_TIMEOUT_MS, full), slowMs: waves * full }
}

/** Connects at once for a sweep of `targets`, unless the caller says otherwise. */
function concurrencyFor(targets: number): number {
  return targets > 1024 ? LARGE_CONCURRENCY : DEFAULT_CONCURRENCY
}

function checkMs(ms: number, field: string): number {
  if (!Number.isFinite(ms) || ms < 50 || ms > 60_000) throw new ValidationError(field, 'must be from 50 to 60,000 milliseconds, e.g. 1500')
  return ms
}
