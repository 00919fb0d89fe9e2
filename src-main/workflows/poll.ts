/**
 * Polling with a deadline and cancellation, for workflows that wait on the router (a scan
 * finishing, a WAN coming back). Transient failures (the router busy, a reset connection)
 * are tolerated up to a bound, so a link that blips mid-wait does not end the workflow.
 */
import { CancelledError, NetworkError, UplinkError } from '../peplink/errors'

export interface PollOptions<T = unknown> {
  intervalMs: number
  timeoutMs: number
  signal?: AbortSignal
  /** Consecutive network/protocol failures tolerated before giving up (default 5). */
  maxConsecutiveFailures?: number
  /** A definite failure the router reports: stop waiting at once instead of at the deadline. */
  giveUp?: (v: T) => boolean
}

export type PollOutcome<T> =
  | { done: true; value: T; elapsedMs: number }
  | { done: false; last?: T; elapsedMs: number; lastError?: unknown; gaveUp?: boolean }

/** Waits `ms`, or rejects with CancelledError when the signal aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError())
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(t)
      reject(new CancelledError())
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Calls `probe` every interval until `isDone(value)` or the deadline. Returns the outcome
 * rather than throwing on timeout, so the workflow can report what it last saw.
 */
export async function pollUntil<T>(probe: () => Promise<T>, isDone: (v: T) => boolean, opts: PollOptions<T>, onTick?: (v: T | undefined, elapsedMs: number, err?: unknown) => void): Promise<PollOutcome<T>> {
  const start = Date.now()
  const maxFailures = opts.maxConsecutiveFailures ?? 5
  let failures = 0
  let last: T | undefined
  let lastError: unknown
  for (;;) {
    if (opts.signal?.aborted) throw new CancelledError()
    try {
      last = await probe()
      failures = 0
      lastError = undefined
      onTick?.(last, Date.now() - start)
      if (isDone(last)) return { done: true, value: last, elapsedMs: Date.now() - start }
      if (opts.giveUp?.(last)) return { done: false, last, elapsedMs: Date.now() - start, gaveUp: true }
    } catch (err) {
      if (err instanceof CancelledError || opts.signal?.aborted) throw new CancelledError()
      if (!isTransient(err) || ++failures > maxFailures) throw err
      lastError = err
      onTick?.(last, Date.now() - start, err)
    }
    const elapsed = Date.now() - start
    if (elapsed >= opts.timeoutMs) return { done: false, last, elapsedMs: elapsed, lastError }
    await delay(Math.min(opts.intervalMs, opts.timeoutMs - elapsed), opts.signal)
  }
}

/** Failures worth waiting out: the router rebooting, busy, or briefly unreachable. */
export function isTransient(err: unknown): boolean {
  return err instanceof NetworkError || (err instanceof UplinkError && err.kind === 'protocol')
}
