/**
 * Live signal of one WAN for antenna alignment: starts and stops the watch in main, keeps the
 * last five minutes for the chart, per-band min / max / average, and the technician's markers
 * (each averaging from its drop until the next marker). A failed poll is shown, not fatal.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { SignalSample } from '../../../src-preload/contract'
import { call, listen, toUiError, UplinkUiError } from '../ipc'
import { accumulateAll, toPoint, type MetricStats, type SignalPoint } from '../signal-stats'
import { bandLabel } from '../wan-display'
import { useSessionStore } from './session'

export const WINDOW_MS = 5 * 60 * 1000
export const INTERVAL_MS = 1000

export interface Marker {
  id: number
  label: string
  at: number
  stats: MetricStats
}

export const useSignalStore = defineStore('signal', () => {
  const deviceId = ref<string | undefined>()
  const wanId = ref<number | undefined>()
  const watchId = ref<string | undefined>()
  const starting = ref(false)
  const startError = ref<UplinkUiError | undefined>()
  const points = shallowRef<SignalPoint[]>([])
  const latest = shallowRef<SignalPoint | undefined>()
  const sampleError = ref<{ error: UplinkUiError; at: number; count: number } | undefined>()
  const bandStats = ref<Record<string, MetricStats>>({})
  const overall = ref<MetricStats>({})
  const markers = ref<Marker[]>([])
  let early: SignalSample[] = []
  let nextMarker = 1

  function ingest(s: SignalSample) {
    if (s.error) {
      sampleError.value = { error: new UplinkUiError(s.error), at: s.at, count: (sampleError.value?.count ?? 0) + 1 }
      return
    }
    sampleError.value = undefined
    const p = toPoint(s.at, s.report)
    latest.value = p
    const cutoff = s.at - WINDOW_MS
    points.value = [...points.value.filter((x) => x.at >= cutoff), p]
    for (const b of p.bands) accumulateAll((bandStats.value[bandLabel(b)] ??= {}), b)
    accumulateAll(overall.value, p)
    const m = markers.value[markers.value.length - 1]
    if (m) accumulateAll(m.stats, p)
  }

  listen('signal:sample', (s) => {
    if (watchId.value !== undefined && s.watchId === watchId.value) ingest(s)
    // The first sample can overtake the answer to signal:watch; keep it until the id is known.
    else if (starting.value && s.deviceId === deviceId.value && s.wanId === wanId.value) early.push(s)
  })

  function clear() {
    points.value = []
    latest.value = undefined
    sampleError.value = undefined
    bandStats.value = {}
    overall.value = {}
    markers.value = []
    nextMarker = 1
  }

  /** Starts watching a WAN once a second (switching WAN starts afresh). */
  async function start(device: string, wan: number) {
    if (deviceId.value === device && wanId.value === wan && (watchId.value || starting.value)) return
    await stop()
    if (deviceId.value !== device || wanId.value !== wan) clear()
    deviceId.value = device
    wanId.value = wan
    startError.value = undefined
    starting.value = true
    early = []
    try {
      const res = await call('signal:watch', { deviceId: device, wanId: wan, intervalMs: INTERVAL_MS })
      // The technician may have moved on while the watch was starting.
      if (deviceId.value !== device || wanId.value !== wan || !starting.value) {
        void call('signal:unwatch', { watchId: res.watchId }).catch(() => undefined)
        return
      }
      watchId.value = res.watchId
      for (const s of early) if (s.watchId === res.watchId) ingest(s)
    } catch (err) {
      startError.value = toUiError(err)
      if (startError.value.kind === 'not-found') void useSessionStore().load()
    } finally {
      starting.value = false
      early = []
    }
  }

  /** Stops polling (the view was left); the figures stay for when it comes back. */
  async function stop() {
    starting.value = false
    const id = watchId.value
    watchId.value = undefined
    if (id) await call('signal:unwatch', { watchId: id }).catch(() => undefined)
  }

  /** Stops and forgets a device that disconnected. */
  function stopFor(device: string) {
    if (deviceId.value !== device) return
    void stop()
    clear()
    deviceId.value = undefined
    wanId.value = undefined
  }

  /** Drops a marker now; samples from here until the next marker count towards it. */
  function dropMarker(label: string) {
    const n = nextMarker++
    markers.value.push({ id: n, label: label.trim() || `Marker ${n}`, at: Date.now(), stats: {} })
  }

  /** Removes a marker from the list. */
  function removeMarker(id: number) {
    markers.value = markers.value.filter((m) => m.id !== id)
  }

  /** Starts min / max / average afresh (for example after moving the antenna). */
  function resetStats() {
    bandStats.value = {}
    overall.value = {}
  }

  /** A WAN another screen asked the Signal view to open on (a finding's "watch the live signal"). */
  const requested = ref<{ deviceId: string; wanId: number } | undefined>()
  function request(d: string, w: number) {
    requested.value = { deviceId: d, wanId: w }
  }

  return {
    deviceId, wanId, watchId, starting, startError, points, latest, sampleError, bandStats, overall, markers, requested,
    start, stop, stopFor, dropMarker, removeMarker, resetStats, request,
  }
})
