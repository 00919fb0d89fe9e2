/**
 * One lazily loaded piece of a store (a Device panel's data): fetched the first time it is
 * shown for a device, kept while the technician moves between panels, refreshed on demand.
 */
import { reactive, ref, shallowRef } from 'vue'
import { toUiError, type UplinkUiError } from '../ipc'

/** The state of one panel and how to (re)load it. */
export interface PanelState<T> {
  data: T | undefined
  loading: boolean
  error: UplinkUiError | undefined
  /** Loads once per device (the panel came on screen). */
  ensure(deviceId: string): Promise<void>
  /** Loads again now. */
  refresh(deviceId: string): Promise<void>
  /** Forgets the data (another device was selected). */
  reset(): void
}

/** A panel whose data comes from `load(deviceId)`. */
export function createPanel<T>(load: (deviceId: string) => Promise<T>): PanelState<T> {
  const data = shallowRef<T | undefined>()
  const loading = ref(false)
  const error = ref<UplinkUiError | undefined>()
  let loadedFor: string | undefined
  let generation = 0

  async function refresh(deviceId: string) {
    const gen = ++generation
    loading.value = true
    try {
      const next = await load(deviceId)
      if (gen !== generation) return
      data.value = next
      loadedFor = deviceId
      error.value = undefined
    } catch (err) {
      if (gen === generation) error.value = toUiError(err)
    } finally {
      if (gen === generation) loading.value = false
    }
  }

  return reactive({
    data,
    loading,
    error,
    ensure: async (deviceId: string) => {
      if (loadedFor !== deviceId || (!data.value && !loading.value)) await refresh(deviceId)
    },
    refresh,
    reset: () => {
      generation++
      data.value = undefined
      error.value = undefined
      loading.value = false
      loadedFor = undefined
    },
  }) as PanelState<T>
}
