/**
 * Discovery sweeps started from the UI: each has an id, streams results and progress to its
 * owner, and can be cancelled. Several may run at once (one per window or tab).
 */
import { randomUUID } from 'node:crypto'
import { toIpcError, type IpcError } from '../app-error'
import { CancelledError } from '../peplink/errors'
import { discover, parseTargets } from './index'
import type { FoundRouter } from './types'

/** A router discovery found (what the list shows; issuer and validity included). */
export type FoundRouterView = Omit<FoundRouter, 'elapsedMs'>

export type DiscoveryProgressEvent = { sweepId: string; done: number; total: number }
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

  /** Validates the targets, starts the sweep and returns its id and size at once. */
  start(inputs: string[], ports: number[] | undefined, emit: Emit): { sweepId: string; total: number } {
    const targets = parseTargets(inputs, ports)
    const sweepId = randomUUID()
    const abort = new AbortController()
    this.running.set(sweepId, abort)
    let found = 0
    void discover(targets, {
      signal: abort.signal,
      onProgress: ({ done, total }) => emit('discovery:progress', { sweepId, done, total }),
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
