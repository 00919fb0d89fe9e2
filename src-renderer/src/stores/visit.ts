/**
 * The site visit of the connected router: the open visit (kept by main, so closing the app
 * loses nothing), the technician's notes saved as they type, finishing it, exporting the
 * report and the list of past reports for this device (each saying whether its files were
 * superseded: exported while the visit was open, and the visit finished since).
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Res, Visit, VisitSummary } from '../../../src-preload/contract'
import { call, toUiError, type UplinkUiError } from '../ipc'

/** How long typing pauses before the notes are saved. */
export const NOTES_DEBOUNCE_MS = 800

export type NotesState = 'idle' | 'pending' | 'saving' | 'saved' | 'error'
export type ExportResult = Res<'reports:export'>

export const useVisitStore = defineStore('visit', () => {
  const deviceId = ref<string | undefined>()
  const visit = ref<Visit | null | undefined>()
  const loading = ref(false)
  const error = ref<UplinkUiError | undefined>()
  const notes = ref('')
  const notesState = ref<NotesState>('idle')
  const notesSavedAt = ref<number | undefined>()
  const notesError = ref<UplinkUiError | undefined>()
  const finishing = ref(false)
  const finishError = ref<UplinkUiError | undefined>()
  const exporting = ref(false)
  const exported = ref<ExportResult | undefined>()
  const exportError = ref<UplinkUiError | undefined>()
  const reports = ref<VisitSummary[]>([])
  /** False until this device's list has been read once, so "no visits yet" is never said early. */
  const reportsLoaded = ref(false)
  const reportsLoading = ref(false)
  const reportsError = ref<UplinkUiError | undefined>()
  let timer: ReturnType<typeof setTimeout> | undefined

  /** Switches to a device, forgetting the previous device's visit (pending notes are saved first). */
  function select(id: string) {
    if (deviceId.value === id) return
    void flushNotes()
    deviceId.value = id
    visit.value = undefined
    notes.value = ''
    notesState.value = 'idle'
    exported.value = undefined
    reports.value = []
    reportsLoaded.value = false
    reportsError.value = undefined
    error.value = undefined
  }

  /**
   * Reads the open visit (null when there is none: it was finished). Connecting starts the
   * visit in the background, so just after a connect `waitMs` keeps asking until it exists.
   */
  async function load(waitMs = 0) {
    const id = deviceId.value
    if (!id) return
    loading.value = true
    const until = Date.now() + waitMs
    try {
      let v = await call('visit:get', { deviceId: id })
      while (v === null && Date.now() < until && deviceId.value === id) {
        await new Promise((r) => setTimeout(r, 500))
        v = await call('visit:get', { deviceId: id })
      }
      if (deviceId.value !== id) return
      visit.value = v
      // Typing wins over what main has: only take main's notes when nothing is waiting to save.
      if (notesState.value === 'idle' || notesState.value === 'saved') notes.value = v?.notes ?? ''
      error.value = undefined
    } catch (err) {
      if (deviceId.value === id) error.value = toUiError(err)
    } finally {
      loading.value = false
    }
  }

  async function saveNotes() {
    const id = deviceId.value
    if (!id || !visit.value || visit.value.endedAt) return
    const text = notes.value
    notesState.value = 'saving'
    try {
      await call('visit:setNotes', { deviceId: id, notes: text })
      if (deviceId.value !== id) return
      notesSavedAt.value = Date.now()
      notesError.value = undefined
      // More typing arrived while saving: it has its own timer.
      if (notes.value === text) notesState.value = 'saved'
      else notesState.value = 'pending'
    } catch (err) {
      notesError.value = toUiError(err)
      notesState.value = 'error'
    }
  }

  /** The technician typed: saves after a short pause. */
  function editNotes(text: string) {
    notes.value = text
    notesState.value = 'pending'
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      void saveNotes()
    }, NOTES_DEBOUNCE_MS)
  }

  /** Saves now whatever is waiting (leaving the field or the screen). */
  async function flushNotes() {
    if (!timer && notesState.value !== 'error') return
    if (timer) clearTimeout(timer)
    timer = undefined
    await saveNotes()
  }

  /** Ends the visit with a last snapshot; the report then covers the whole visit. */
  async function finish() {
    const id = deviceId.value
    if (!id) return false
    finishing.value = true
    finishError.value = undefined
    try {
      await flushNotes()
      visit.value = await call('visit:finish', { deviceId: id })
      void loadReports()
      return true
    } catch (err) {
      finishError.value = toUiError(err)
      return false
    } finally {
      finishing.value = false
    }
  }

  /** Writes the HTML (and PDF) report of a visit: the open or last one when no id is given. */
  async function exportReport(visitId?: string) {
    const id = deviceId.value
    if (!id) return
    exporting.value = true
    exportError.value = undefined
    try {
      await flushNotes()
      exported.value = await call('reports:export', { deviceId: id, ...(visitId ? { visitId } : {}) })
      void loadReports()
    } catch (err) {
      exportError.value = toUiError(err)
    } finally {
      exporting.value = false
    }
  }

  /** Lists this device's visits, newest first. */
  async function loadReports() {
    const id = deviceId.value
    if (!id) return
    reportsLoading.value = true
    try {
      const list = await call('reports:list', { deviceId: id })
      if (deviceId.value !== id) return
      reports.value = list
      reportsLoaded.value = true
      reportsError.value = undefined
    } catch (err) {
      if (deviceId.value === id) reportsError.value = toUiError(err)
    } finally {
      reportsLoading.value = false
    }
  }

  /** Opening the Report view: the device's visit and its past reports, read at once. */
  async function open(id: string, waitMs = 0) {
    select(id)
    await Promise.all([load(waitMs), loadReports()])
    // The visit may have been started while this was waiting for it: list it too.
    if (deviceId.value === id && visit.value && !reports.value.some((r) => r.id === visit.value!.id)) await loadReports()
  }

  /** The list's entry for the last export's files: says whether the visit has moved on since (superseded). */
  const exportedReport = computed(() => {
    const path = exported.value?.htmlPath
    return path ? reports.value.find((r) => r.htmlPath === path) : undefined
  })

  return {
    deviceId, visit, loading, error, notes, notesState, notesSavedAt, notesError, finishing, finishError,
    exporting, exported, exportedReport, exportError, reports, reportsLoaded, reportsLoading, reportsError,
    select, open, load, editNotes, flushNotes, finish, exportReport, loadReports,
  }
})
