/**
 * Finding routers on the LAN: suggested targets from the laptop's own network, one sweep at
 * a time with progress, the routers found as they answer, and cancel.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { DiscoverySuggestion, Events, FoundRouterView, SweepPlan } from '../../../src-preload/contract'
import { call, listen, toUiError, UplinkUiError } from '../ipc'

type SweepEvent =
  | { name: 'discovery:progress'; payload: Events['discovery:progress'] }
  | { name: 'discovery:found'; payload: Events['discovery:found'] }
  | { name: 'discovery:done'; payload: Events['discovery:done'] }

export const useDiscoveryStore = defineStore('discovery', () => {
  const suggestions = ref<DiscoverySuggestion[]>([])
  const suggestionsLoading = ref(false)
  const suggestionsError = ref<UplinkUiError | undefined>()
  const sweepId = ref<string | undefined>()
  const starting = ref(false)
  const running = ref(false)
  const done = ref(0)
  const total = ref(0)
  const found = ref<FoundRouterView[]>([])
  const error = ref<UplinkUiError | undefined>()
  const finished = ref<{ found: number; cancelled: boolean } | undefined>()
  /** The time left at the pace so far (ms), from the last progress. */
  const etaMs = ref<number | undefined>()
  /** A large sweep waiting for the technician's go-ahead. */
  const pendingLarge = ref<{ targets: string[]; ports?: number[]; plan: SweepPlan } | undefined>()
  let early: SweepEvent[] = []

  const percent = computed(() => (total.value > 0 ? Math.round((done.value / total.value) * 100) : 0))

  function apply(e: SweepEvent) {
    if (e.name === 'discovery:progress') {
      done.value = e.payload.done
      total.value = e.payload.total
      etaMs.value = e.payload.etaMs
    } else if (e.name === 'discovery:found') {
      const r = e.payload.router
      if (!found.value.some((x) => x.host === r.host && x.port === r.port)) found.value = [...found.value, r]
    } else {
      running.value = false
      finished.value = { found: e.payload.found, cancelled: e.payload.cancelled }
      if (e.payload.error) error.value = new UplinkUiError(e.payload.error)
      if (!e.payload.cancelled) done.value = total.value
    }
  }

  function route(e: SweepEvent) {
    if (sweepId.value !== undefined && e.payload.sweepId === sweepId.value) apply(e)
    // Events can overtake the answer to discovery:start; keep them until the id is known.
    else if (starting.value) early.push(e)
  }
  listen('discovery:progress', (payload) => route({ name: 'discovery:progress', payload }))
  listen('discovery:found', (payload) => route({ name: 'discovery:found', payload }))
  listen('discovery:done', (payload) => route({ name: 'discovery:done', payload }))

  /** Loads the laptop's gateway and subnets as one-click targets. */
  async function loadSuggestions() {
    suggestionsLoading.value = true
    try {
      suggestions.value = await call('discovery:suggest', {})
      suggestionsError.value = undefined
    } catch (err) {
      suggestionsError.value = toUiError(err)
    } finally {
      suggestionsLoading.value = false
    }
  }

  /**
   * Starts a sweep over typed or suggested targets (cancels one already running). A large one
   * (more than a /22) waits in `pendingLarge` until `confirmLarge()`; nothing is sent before.
   */
  async function start(targets: string[], ports?: number[], confirmed = false) {
    const portList = ports && ports.length ? ports : undefined
    if (!confirmed) {
      try {
        const plan = await call('discovery:plan', { targets, ports: portList })
        if (plan.large) {
          pendingLarge.value = { targets, ports: portList, plan }
          return
        }
      } catch (err) {
        error.value = toUiError(err)
        return
      }
    }
    pendingLarge.value = undefined
    if (running.value) await cancel()
    sweepId.value = undefined
    found.value = []
    done.value = 0
    total.value = 0
    etaMs.value = undefined
    error.value = undefined
    finished.value = undefined
    early = []
    starting.value = true
    try {
      const res = await call('discovery:start', { targets, ports: portList, ...(confirmed ? { confirmed: true } : {}) })
      sweepId.value = res.sweepId
      total.value = res.total
      running.value = true
      for (const e of early) if (e.payload.sweepId === res.sweepId) apply(e)
    } catch (err) {
      error.value = toUiError(err)
    } finally {
      starting.value = false
      early = []
    }
  }

  /** Goes ahead with the large sweep the technician confirmed. */
  async function confirmLarge() {
    const p = pendingLarge.value
    if (p) await start(p.targets, p.ports, true)
  }

  /** Cancels the running sweep. */
  async function cancel() {
    const id = sweepId.value
    if (!id || !running.value) return
    try {
      await call('discovery:cancel', { sweepId: id })
    } catch (err) {
      error.value = toUiError(err)
    }
  }

  return { suggestions, suggestionsLoading, suggestionsError, sweepId, starting, running, done, total, percent, found, etaMs, pendingLarge, error, finished, loadSuggestions, start, confirmLarge, cancel }
})
