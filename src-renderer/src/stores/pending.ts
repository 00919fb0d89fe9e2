/**
 * Config this app staged on the connected router and not yet applied: the banner under the
 * device header. Refreshed on connect, when the screen changes and after every staging write
 * (those answers carry the new state, so the Device store hands it over with `set`).
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { PendingConfig } from '../../../src-preload/contract'
import { call, toUiError, type UplinkUiError } from '../ipc'
import { useOverviewStore } from './overview'

export const usePendingStore = defineStore('pending', () => {
  const byDevice = ref<Record<string, PendingConfig>>({})
  const busy = ref<'apply' | 'discard' | undefined>()
  const error = ref<UplinkUiError | undefined>()
  /** The last apply's outcome, with the router's warning when it gave one. */
  const applied = ref<{ deviceId: string; at: number; warning?: string } | undefined>()

  /** Records what a write's answer said is pending now. */
  function set(deviceId: string, p: PendingConfig) {
    byDevice.value = { ...byDevice.value, [deviceId]: p }
  }

  /** Reads config:pending for a device (quietly: a failure keeps the last state). */
  async function refresh(deviceId: string) {
    try {
      set(deviceId, await call('config:pending', { deviceId }))
    } catch {
      // The session may be closing; the banner is refreshed again on the next screen.
    }
  }

  /** Applies every pending change; resolves with the router's warning, if any. */
  async function apply(deviceId: string) {
    busy.value = 'apply'
    error.value = undefined
    try {
      const res = await call('config:apply', { deviceId })
      applied.value = { deviceId, at: Date.now(), warning: res.warning }
      set(deviceId, { pending: false, changes: [] })
      // The new settings are live: the dashboard should show them now, not in 5 seconds.
      if (useOverviewStore().deviceId === deviceId) void useOverviewStore().refresh()
      return res.warning
    } catch (err) {
      error.value = toUiError(err)
      void refresh(deviceId)
      return undefined
    } finally {
      busy.value = undefined
    }
  }

  /** Throws the pending changes away on the router. */
  async function discard(deviceId: string) {
    busy.value = 'discard'
    error.value = undefined
    try {
      await call('config:discard', { deviceId })
      set(deviceId, { pending: false, changes: [] })
      applied.value = undefined
      return true
    } catch (err) {
      error.value = toUiError(err)
      void refresh(deviceId)
      return false
    } finally {
      busy.value = undefined
    }
  }

  return { byDevice, busy, error, applied, set, refresh, apply, discard, clearApplied: () => (applied.value = undefined) }
})
