/**
 * Discovery sweeps started from the UI: each has an id, streams results and progress to its
 * owner, and can be cancelled. Several may run at once (one per window or tab).
 */
import { randomUUID } from 'node:crypto'
import { AppError, toIpcError, type IpcError } from '../app-error'
import { CancelledError } from '../peplink/errors'
import { addressCount, discover, LARGE_SWEEP_ADDRESSES, parseTargets, sweepEstimate } from './index'
import type { FoundRouter } from './types'

/** A router discovery found (what the list shows; issuer and validity included). */
export type FoundRouterView = Omit<FoundRouter, 'elapsedMs'>

/** Targets probed of the total, routers found so far, and the time left at the pace so far. */
export type DiscoveryProgressEvent = { sweepId: string; done: number; total: number; found: number; etaMs?: number }

/** What a sweep would be, before it starts: its size, whether it is large (confirm first), how long. */
export interface SweepPlan {
  addresses: number
  targets: number
  large: boolean
  /** Where routers answer (the wait is learnt) and where nothing does. */
  estimate: { fastMs: number; slowMs: number }
}

/** Progress goes out at most this often (a /16 has 65,534 targets), and always at the end. */
const PROGRESS_EVERY_MS = 100
export type DiscoveryFoundEvent = { sweepId: string; router: FoundRouterView }
export type DiscoveryDoneEvent = { sweepId: string; found: number; cancelled: boolean; error?: IpcError }

/** Where a sweep reports to its owner: the caller's `discovery:*` events. */
interface Emit {
  (event: 'discovery:progress', payload: DiscoveryProgressEvent): void
  (event: 'discovery:found', payload: DiscoveryFoundEvent): void
  (event: 'discovery:done', payload: DiscoveryDoneEvent): void
}

export class Sweeps {
  private readonly running = new Map<string, AbortController>()

  /** Sizes a sweep without sending anything. */
  plan(inputs: string[], ports: number[] | undefined): SweepPlan {
    const targets = parseTargets(inputs, ports)
    const addresses = addressCount(targets)
    return { addresses, targets: targets.length, large: addresses > LARGE_SWEEP_ADDRESSES, estimate: sweepEstimate(targets.length) }
  }

  /**
   * Validates the targets, starts the sweep and returns its id and size at once. A large sweep
   * (more than a /22) starts only when `confirmed`: the app asks the technician first.
   */
  start(inputs: string[], ports: number[] | undefined, emit: Emit, confirmed = false): { sweepId: string; total: number } {
    const targets = parseTargets(inputs, ports)
    const addresses = addressCount(targets)
    if (addresses > LARGE_SWEEP_ADDRESSES && !confirmed) {
      throw new AppError('validation', `That is ${addresses.toLocaleString('en')} addresses, more than a /22: confirm the large sweep first.`, 'targets')
    }
    const sweepId = randomUUID()
    const abort = new AbortController()
    this.running.set(sweepId, abort)
    let found = 0
    let lastProgress = 0
    void discover(targets, {
      signal: abort.signal,
      onProgress: ({ done, total, found: soFar, etaMs }) => {
        const now = Date.now()
        if (done < total && now - lastProgress < PROGRESS_EVERY_MS) return
        lastProgress = now
        emit('discovery:progress', { sweepId, done, total, found: soFar ?? found, ...(etaMs !== undefined ? { etaMs } : {}) })
      },
      onFound: (r) => {
        found++
        const { elapsedMs: _elapsed, ...view } = r
        emit('discovery:found', { sweepId, router: view satisfies FoundRouterView })
      },
    })
      .then(() => emit('discovery:done', { sweepId, found, cancelled: abort.signal.aborted }))
      .catch((err: unknown) =>
        emit('discovery:done', { sweepId, found, cancelled: abort.signal.aborted || err instanceof CancelledError, error: err instanceof CancelledError ? undefined : toIpcError(err) }),
      )
      .finally(() => this.running.delete(sweepId))
    return { sweepId, total: targets.length }
  }

  cancel(sweepId: string): boolean {
    const a = this.running.get(sweepId)
    a?.abort()
    return a !== undefined
  }

  cancelAll(): void {
    for (const a of this.running.values()) a.abort()
  }
}
