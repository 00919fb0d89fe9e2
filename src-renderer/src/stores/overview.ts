/**
 * The dashboard's data for one connected router, refreshed every few seconds while the
 * overview is on screen. Pausing stops the refresh; a failed refresh keeps the last picture.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Overview } from '../../../src-preload/contract'
import { call, toUiError, type UplinkUiError } from '../ipc'
import { sortWans } from '../wan-display'
import { useSessionStore } from './session'

export const REFRESH_MS = 5000

export const useOverviewStore = defineStore('overview', () => {
  const deviceId = ref<string | undefined>()
  const data = ref<Overview | undefined>()
  const loading = ref(false)
  const error = ref<UplinkUiError | undefined>()
  const paused = ref(false)
  const lastUpdated = ref<number | undefined>()
  let running = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let generation = 0

  const wans = computed(() => sortWans(data.value?.wans ?? []))

  function schedule() {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (running && !paused.value) timer = setTimeout(() => void refresh(), REFRESH_MS)
  }

  /** Fetches status:overview now. */
  async function refresh() {
    const id = deviceId.value
    if (!id || loading.value) return
    const gen = generation
    loading.value = true
    try {
      const next = await call('status:overview', { deviceId: id })
      if (gen !== generation) return
      data.value = next
      lastUpdated.value = Date.now()
      error.value = undefined
    } catch (err) {
      if (gen === generation) error.value = toUiError(err)
      // Main no longer has this session (it restarted, or another window disconnected): catch up.
      if (error.value?.kind === 'not-found') void useSessionStore().load()
    } finally {
      loading.value = false
      if (gen === generation) schedule()
    }
  }

  /** Makes sure there is data for this device (switching device clears the old picture). */
  function select(id: string) {
    if (deviceId.value === id) return
    generation++
    deviceId.value = id
    data.value = undefined
    error.value = undefined
    lastUpdated.value = undefined
    loading.value = false
  }

  /** Starts the auto-refresh for a device (the overview came on screen). */
  function start(id: string) {
    select(id)
    running = true
    void refresh()
  }

  /** Fetches once if there is nothing yet (the signal view needs the WAN list). */
  async function ensure(id: string) {
    select(id)
    if (!data.value) await refresh()
  }

  /** Stops the auto-refresh (the overview left the screen). */
  function stop() {
    running = false
    schedule()
  }

  /** Forgets everything about a device that disconnected. */
  function stopFor(id: string) {
    if (deviceId.value !== id) return
    stop()
    generation++
    deviceId.value = undefined
    data.value = undefined
    error.value = undefined
    loading.value = false
  }

  /** Pauses or resumes the auto-refresh; resuming refreshes at once. */
  function setPaused(p: boolean) {
    paused.value = p
    if (p) schedule()
    else void refresh()
  }

  return { deviceId, data, wans, loading, error, paused, lastUpdated, refresh, start, ensure, stop, stopFor, setPaused }
})
