/**
 * A sweep: probe every target with bounded concurrency, stream routers as they answer, report
 * progress after each target, stop promptly when cancelled.
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
import type { DiscoverOptions, FoundRouter, Target } from './types'

export const DEFAULT_CONNECT_TIMEOUT_MS = 1500
export const DEFAULT_ANSWER_TIMEOUT_MS = 3000
/** Enough for a /24 in one wave: the sweep then takes about one connect timeout. */
export const DEFAULT_CONCURRENCY = 256
export const DEFAULT_HTTP_PORTS: readonly number[] = [80]

/** Probes the targets and resolves with the Peplink routers found, in target order. */
export async function discover(targets: Target[], opts: DiscoverOptions = {}): Promise<FoundRouter[]> {
  const connectTimeoutMs = checkMs(opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, 'connectTimeoutMs')
  const answerTimeoutMs = checkMs(opts.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS, 'answerTimeoutMs')
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY
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
  let live = Math.min(concurrency, total)

  const worker = async (): Promise<void> => {
    while (!stop.signal.aborted) {
      const i = retry.shift() ?? (next < total ? next++ : -1)
      if (i < 0) break
      const t = targets[i]
      const scheme = httpPorts.has(t.port) ? 'http' : 'https'
      let router: FoundRouter | null
      try {
        router = await probeTarget(t, { scheme, connectTimeoutMs, answerTimeoutMs, signal: stop.signal })
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
      try {
        if (router) {
          found[i] = router
          opts.onFound?.(router)
        }
        done++
        opts.onProgress?.({ done, total })
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

function checkMs(ms: number, field: string): number {
  if (!Number.isFinite(ms) || ms < 50 || ms > 60_000) throw new ValidationError(field, 'must be from 50 to 60,000 milliseconds, e.g. 1500')
  return ms
}
