/**
 * The visit's action log for the connected router: every write the app made, as main
 * recorded it. The workflow stores refresh it after each write; views show the newest few.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ActionLogEntry } from '../../../src-preload/contract'
import { call, toUiError, type UplinkUiError } from '../ipc'

export const useActionsStore = defineStore('actions', () => {
  const deviceId = ref<string | undefined>()
  const entries = ref<ActionLogEntry[]>([])
  const error = ref<UplinkUiError | undefined>()
  const loading = ref(false)

  /** Reads actions:list for a device (newest first). */
  async function refresh(id: string) {
    if (deviceId.value !== id) entries.value = []
    deviceId.value = id
    loading.value = true
    try {
      const list = await call('actions:list', { deviceId: id })
      if (deviceId.value !== id) return
      entries.value = [...list].sort((a, b) => b.at.localeCompare(a.at))
      error.value = undefined
    } catch (err) {
      error.value = toUiError(err)
    } finally {
      loading.value = false
    }
  }

  return { deviceId, entries, error, loading, refresh }
})
