/**
 * Site survey and drive test for one router: the recording in progress (its live numbers and
 * positions), the router's past recordings, one opened for comparison, and exports.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { PositionEdit, SurveyDetail, SurveyFormat, SurveySample, SurveySummary } from '../../../src-preload/contract'
import { call, listen, toUiError, type UplinkUiError } from '../ipc'

export const useSurveyStore = defineStore('survey', () => {
  const deviceId = ref<string | undefined>()
  const current = ref<SurveySummary | undefined>()
  const latest = shallowRef<SurveySample | undefined>()
  const list = ref<SurveySummary[]>([])
  const listLoaded = ref(false)
  const opened = shallowRef<SurveyDetail | undefined>()
  const busy = ref<string | undefined>()
  const error = ref<UplinkUiError | undefined>()
  const exported = ref<{ format: SurveyFormat; path: string; text?: string } | undefined>()

  listen('survey:sample', (e) => {
    if (e.deviceId !== deviceId.value || (current.value && e.surveyId && e.surveyId !== current.value.id)) return
    latest.value = e.sample
    if (current.value) current.value = { ...current.value, samples: current.value.samples + 1, lastAt: e.sample.at }
  })

  /** Runs one action, keeping its error for the view. */
  async function act<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    busy.value = what
    error.value = undefined
    try {
      return await fn()
    } catch (err) {
      error.value = toUiError(err)
      return undefined
    } finally {
      busy.value = undefined
    }
  }

  /** Picks the router and loads what it has: the recording in progress and the past ones. */
  async function select(id: string) {
    if (deviceId.value !== id) {
      deviceId.value = id
      current.value = latest.value = opened.value = exported.value = undefined
      list.value = []
      listLoaded.value = false
    }
    const [cur, all] = await Promise.all([call('survey:current', { deviceId: id }).catch(() => null), call('survey:list', { deviceId: id }).catch(() => [])])
    current.value = cur ?? undefined
    list.value = all
    listLoaded.value = true
  }

  async function start(wanId: number, intervalMs: number, position?: string) {
    const id = deviceId.value
    if (!id) return
    latest.value = undefined
    const r = await act('start', () => call('survey:start', { deviceId: id, wanId, intervalMs, ...(position ? { position } : {}) }))
    if (r) current.value = r
  }

  async function position(name: string) {
    const id = deviceId.value
    if (!id) return
    const r = await act('position', () => call('survey:position', { deviceId: id, name }))
    if (r) current.value = { ...r, samples: current.value?.samples ?? r.samples }
  }

  async function stop() {
    const id = deviceId.value
    if (!id) return
    const r = await act('stop', () => call('survey:stop', { deviceId: id }))
    current.value = undefined
    await select(id)
    if (r) await open(r.id)
  }

  async function open(surveyId: string) {
    const id = deviceId.value
    if (!id) return
    exported.value = undefined
    const r = await act('open', () => call('survey:show', { deviceId: id, id: surveyId }))
    if (r) opened.value = r
  }

  /** Zooms the opened recording's chart to a range (main sends that range, downsampled afresh); none: the whole. */
  async function zoom(range?: { from: number; until: number }) {
    const id = deviceId.value
    const s = opened.value
    if (!id || !s) return
    const whole = !range || (range.from <= s.span.from && range.until >= s.span.until)
    const r = await act('zoom', () => call('survey:show', { deviceId: id, id: s.summary.id, ...(whole ? {} : { from: Math.round(range.from), until: Math.round(range.until) }) }))
    if (r) opened.value = r
  }

  /** Goes on recording a stopped (or crashed) recording: same WAN, interval and file. */
  async function continueRecording(surveyId: string, position?: string) {
    const id = deviceId.value
    if (!id) return
    latest.value = undefined
    const r = await act('continue', () => call('survey:continue', { deviceId: id, id: surveyId, ...(position ? { position } : {}) }))
    if (r) {
      current.value = r
      if (opened.value?.summary.id === surveyId) opened.value = undefined
      list.value = list.value.map((s) => (s.id === surveyId ? { ...s, recording: true } : s))
    }
  }

  async function exportAs(format: SurveyFormat) {
    const id = deviceId.value
    const s = opened.value?.summary.id
    if (!id || !s) return
    const r = await act(`export-${format}`, () => call('survey:export', { deviceId: id, id: s, format }))
    if (r) exported.value = { format, ...r }
  }

  /** Renames, removes or adds (on a time range) a position of the opened recording. */
  async function editPosition(edit: PositionEdit) {
    const id = deviceId.value
    const s = opened.value?.summary.id
    if (!id || !s) return
    const r = await act('edit', () => call('survey:editPosition', { deviceId: id, id: s, edit }))
    if (r) {
      opened.value = r
      await select(id) // the list shows the positions' names too
    }
  }

  async function remove(surveyId: string) {
    const id = deviceId.value
    if (!id) return
    await act('delete', () => call('survey:delete', { deviceId: id, id: surveyId }))
    if (opened.value?.summary.id === surveyId) opened.value = undefined
    await select(id)
  }

  return { deviceId, current, latest, list, listLoaded, opened, busy, error, exported, select, start, position, stop, open, zoom, continueRecording, exportAs, editPosition, remove }
})
