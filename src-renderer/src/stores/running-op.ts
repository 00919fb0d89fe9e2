/**
 * One running workflow for a store: its opId (chosen here, so progress events can never
 * overtake it), the latest step and sentence from main, a clock that ticks while it runs,
 * and cancel. Each store creates one and routes `workflow:progress` to it.
 */
import { computed, ref, shallowRef } from 'vue'
import type { Events } from '../../../src-preload/contract'
import { call } from '../ipc'

export type Progress = Events['workflow:progress']

/** The op on screen: what it is, the latest word from main, when it began. */
export interface RunningOp {
  opId: string
  /** What the view runs, e.g. "carrier-scan"; the views pick their progress box by it. */
  kind: string
  step: string
  message: string
  startedAt: number
  /** The latest step data main sent (a partial list, the WAN's state). */
  data?: unknown
}

function newOpId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `op-${Date.now()}-${Math.random().toString(36).slice(2)}`
}

/** A tracker for one store's workflows (one at a time: they all talk to the same modem). */
export function createOpTracker() {
  const op = shallowRef<RunningOp | undefined>()
  const now = ref(Date.now())
  const cancelling = ref(false)
  let tick: ReturnType<typeof setInterval> | undefined

  const elapsedMs = computed(() => (op.value ? Math.max(0, now.value - op.value.startedAt) : 0))

  /** Applies a progress event if it belongs to the running op. */
  function onProgress(e: Progress) {
    const o = op.value
    if (!o || e.opId !== o.opId) return
    op.value = { ...o, step: e.step, message: e.message, data: e.data ?? o.data }
  }

  /** Runs `fn` as the current op; the op clears when it settles, whatever the outcome. */
  async function run<T>(kind: string, message: string, fn: (opId: string) => Promise<T>): Promise<T> {
    const opId = newOpId()
    op.value = { opId, kind, step: 'start', message, startedAt: Date.now() }
    cancelling.value = false
    now.value = Date.now()
    clearInterval(tick)
    tick = setInterval(() => (now.value = Date.now()), 1000)
    try {
      return await fn(opId)
    } finally {
      if (op.value?.opId === opId) {
        op.value = undefined
        clearInterval(tick)
        tick = undefined
      }
    }
  }

  /** Asks main to stop the running op; it then rejects with a "cancelled" error. */
  async function cancel() {
    const o = op.value
    if (!o) return
    cancelling.value = true
    await call('workflow:cancel', { opId: o.opId }).catch(() => undefined)
  }

  return { op, elapsedMs, cancelling, onProgress, run, cancel }
}
