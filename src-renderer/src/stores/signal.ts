/**
 * Live signal of one WAN for antenna alignment: starts and stops the watch in main, keeps the
 * last five minutes for the chart, per-band min / max / average, and the technician's markers
 * (each averaging from its drop until the next marker). A failed poll is shown, not fatal.
 * Markers are saved in the visit (so the site report has them and a crash loses none) and
 * read back from it when the Signal view opens on that WAN again.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { SignalSample, VisitMarker } from '../../../src-preload/contract'
import { call, listen, toUiError, UplinkUiError } from '../ipc'
import { accumulateAll, toPoint, type MetricStats, type SignalPoint, type StatMetric } from '../signal-stats'
import { bandLabel } from '../wan-display'
import { useSessionStore } from './session'

export const WINDOW_MS = 5 * 60 * 1000
export const INTERVAL_MS = 1000
/** How often the newest marker's growing averages are written to the visit. */
export const MARKER_SAVE_MS = 5000

export interface Marker {
  /** Also the marker's id in the visit. */
  id: string
  wanId: number
  label: string
  at: number
  stats: MetricStats
}

function newMarkerId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

/** A marker as the visit stores it: plain data (no reactive proxies cross IPC), metrics with readings only. */
function toVisitMarker(m: Marker): VisitMarker {
  const stats: VisitMarker['stats'] = {}
  for (const [k, a] of Object.entries(m.stats) as [StatMetric, MetricStats[StatMetric]][]) if (a && a.n > 0) stats[k] = { min: a.min, max: a.max, sum: a.sum, n: a.n }
  return { id: m.id, wanId: m.wanId, label: m.label, at: new Date(m.at).toISOString(), stats }
}

function fromVisitMarker(m: VisitMarker): Marker {
  const stats: MetricStats = {}
  for (const [k, a] of Object.entries(m.stats) as [StatMetric, VisitMarker['stats'][StatMetric]][]) if (a) stats[k] = { ...a }
  return { id: m.id, wanId: m.wanId, label: m.label, at: Date.parse(m.at), stats }
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
  /** Set while markers cannot be saved to the visit (for example: no visit is open). */
  const markersError = ref<UplinkUiError | undefined>()
  /** Marker saves in flight: the panel says "Saving…" until the visit has them. */
  const markersSaving = ref(0)
  let early: SignalSample[] = []
  let nextMarker = 1
  const unsaved = new Set<string>()
  let saveTimer: ReturnType<typeof setTimeout> | undefined

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
    if (m) {
      accumulateAll(m.stats, p)
      markUnsaved(m.id)
    }
  }

  async function saveMarkers(device: string, list: VisitMarker[]) {
    markersSaving.value++
    try {
      for (const marker of list) {
        await call('visit:saveMarker', { deviceId: device, marker })
        markersError.value = undefined
      }
    } catch (err) {
      markersError.value = toUiError(err)
    } finally {
      markersSaving.value--
    }
  }

  /** Saves every changed marker now; what is sent is taken at once, so a switch right after loses nothing. */
  function flushMarkers(): Promise<void> {
    if (saveTimer) clearTimeout(saveTimer)
    saveTimer = undefined
    const device = deviceId.value
    const list = markers.value.filter((m) => unsaved.has(m.id)).map(toVisitMarker)
    unsaved.clear()
    return device && list.length ? saveMarkers(device, list) : Promise.resolve()
  }

  function markUnsaved(id: string) {
    unsaved.add(id)
    saveTimer ??= setTimeout(() => void flushMarkers(), MARKER_SAVE_MS)
  }

  /** The markers this visit already has for the WAN (dropped before a restart or a WAN switch). */
  async function restoreMarkers(device: string, wan: number) {
    try {
      const visit = await call('visit:get', { deviceId: device })
      if (deviceId.value !== device || wanId.value !== wan) return
      const have = new Set(markers.value.map((m) => m.id))
      const saved = (visit?.markers ?? []).filter((m) => m.wanId === wan && !have.has(m.id)).map(fromVisitMarker)
      if (!saved.length) return
      markers.value = [...saved, ...markers.value].sort((a, b) => a.at - b.at)
      nextMarker = Math.max(nextMarker, markers.value.length + 1)
    } catch {
      // Only a convenience: the markers are still in the visit and its report.
    }
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
    markersError.value = undefined
    nextMarker = 1
    unsaved.clear()
    if (saveTimer) clearTimeout(saveTimer)
    saveTimer = undefined
  }

  /** Starts watching a WAN once a second (switching WAN starts afresh). */
  async function start(device: string, wan: number) {
    if (deviceId.value === device && wanId.value === wan && (watchId.value || starting.value)) return
    await stop()
    const fresh = deviceId.value !== device || wanId.value !== wan
    if (fresh) clear()
    deviceId.value = device
    wanId.value = wan
    if (fresh) void restoreMarkers(device, wan)
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
    void flushMarkers()
    starting.value = false
    const id = watchId.value
    watchId.value = undefined
    if (id) await call('signal:unwatch', { watchId: id }).catch(() => undefined)
  }

  /** Stops and forgets a device that disconnected. */
  function stopFor(device: string) {
    if (deviceId.value !== device) return
    // The visit needs no session: the markers' last figures are saved as the router goes.
    void stop()
    clear()
    deviceId.value = undefined
    wanId.value = undefined
  }

  /** Drops a marker now (saved in the visit); samples from here until the next marker count towards it. */
  function dropMarker(label: string) {
    if (wanId.value === undefined) return
    const n = nextMarker++
    const marker: Marker = { id: newMarkerId(), wanId: wanId.value, label: label.trim().slice(0, 80).trim() || `Marker ${n}`, at: Date.now(), stats: {} }
    markers.value.push(marker)
    // The previous marker's figures are final now: saved with the new one.
    unsaved.add(marker.id)
    void flushMarkers()
  }

  /** Removes a marker from the list and from the visit. */
  function removeMarker(id: string) {
    markers.value = markers.value.filter((m) => m.id !== id)
    unsaved.delete(id)
    const device = deviceId.value
    if (!device) return
    call('visit:removeMarker', { deviceId: device, markerId: id }).then(
      () => (markersError.value = undefined),
      (err) => (markersError.value = toUiError(err)),
    )
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
    deviceId, wanId, watchId, starting, startError, points, latest, sampleError, bandStats, overall, markers, markersError, markersSaving, requested,
    start, stop, stopFor, dropMarker, removeMarker, flushMarkers, resetStats, request,
  }
})
