/**
 * Live signal for antenna alignment: polls one WAN about once a second over the session's
 * keep-alive connection and hands each sample to a sink. A failed poll is reported as a
 * sample with an error and the watch keeps going; it stops when asked or when its owner goes.
 */
import { randomUUID } from 'node:crypto'
import type { RouterClient } from '../peplink/client'
import { getSignal } from '../peplink/features'
import type { SignalReport } from '../peplink/model'
import { toIpcError, type IpcError } from '../app-error'

/** One poll of a watch (the `signal:sample` event). */
export interface SignalSample {
  watchId: string
  deviceId: string
  wanId: number
  at: number
  report?: SignalReport
  /** Set when this poll failed; the watch keeps going and says so. */
  error?: IpcError
}

interface Watch {
  owner: string
  deviceId: string
  stop: () => void
}

/** All running signal watches, by id. */
export class SignalWatches {
  private readonly watches = new Map<string, Watch>()

  /**
   * Starts polling; each sample goes to `sink`. Returns the watch id. `client` is asked on
   * every poll, so a session replaced by a new login carries the watch on; none ends it.
   */
  start(owner: string, deviceId: string, client: () => RouterClient | undefined, wanId: number, intervalMs: number, sink: (s: SignalSample) => void): string {
    const watchId = randomUUID()
    const abort = new AbortController()
    let timer: NodeJS.Timeout | undefined
    const tick = async () => {
      const started = Date.now()
      const sample: SignalSample = { watchId, deviceId, wanId, at: started }
      const current = client()
      if (!current) {
        this.stop(watchId)
        return
      }
      try {
        const reports = await getSignal(current, { connId: [wanId] }, { signal: abort.signal, timeoutMs: Math.max(2000, intervalMs * 3) })
        sample.report = reports.find((r) => r.id === wanId)
      } catch (err) {
        if (abort.signal.aborted) return
        sample.error = toIpcError(err)
      }
      if (abort.signal.aborted) return
      sink(sample)
      // Poll on a fixed cadence, not fixed gaps, but never overlap two polls.
      timer = setTimeout(tick, Math.max(0, intervalMs - (Date.now() - started)))
    }
    this.watches.set(watchId, {
      owner,
      deviceId,
      stop: () => {
        abort.abort()
        if (timer) clearTimeout(timer)
      },
    })
    void tick()
    return watchId
  }

  /** Stops one watch. */
  stop(watchId: string): boolean {
    const w = this.watches.get(watchId)
    if (!w) return false
    w.stop()
    this.watches.delete(watchId)
    return true
  }

  /** Stops every watch matching the predicate (an owner that went away, a device disconnected). */
  stopWhere(pred: (w: { owner: string; deviceId: string }) => boolean): void {
    for (const [id, w] of this.watches) if (pred(w)) this.stop(id)
  }

  get size(): number {
    return this.watches.size
  }
}
