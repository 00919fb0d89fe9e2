/**
 * Finding routers on the LAN: suggested targets from the laptop's own network, one sweep at
 * a time with progress, the routers found as they answer, and cancel.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { DiscoverySuggestion, Events, FoundRouterView } from '../../../src-preload/contract'
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
  let early: SweepEvent[] = []

  const percent = computed(() => (total.value > 0 ? Math.round((done.value / total.value) * 100) : 0))

  function apply(e: SweepEvent) {
    if (e.name === 'discovery:progress') {
      done.value = e.payload.done
      total.value = e.payload.total
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

  /** Starts a sweep over typed or suggested targets (cancels one already running). */
  async function start(targets: string[], ports?: number[]) {
    if (running.value) await cancel()
    sweepId.value = undefined
    found.value = []
    done.value = 0
    total.value = 0
    error.value = undefined
    finished.value = undefined
    early = []
    starting.value = true
    try {
      const res = await call('discovery:start', { targets, ports: ports && ports.length ? ports : undefined })
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

  return { suggestions, suggestionsLoading, suggestionsError, sweepId, starting, running, done, total, percent, found, error, finished, loadSuggestions, start, cancel }
})
