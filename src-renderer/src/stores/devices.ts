/** The saved routers: list, add, edit, forget, certificate trust, stored secrets, the demo. */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { CertificateView, DeviceView, Req } from '../../../src-preload/contract'
import { call, toUiError, type UplinkUiError } from '../ipc'

export type DevicePatch = Req<'devices:update'>['patch']

export const useDevicesStore = defineStore('devices', () => {
  const list = ref<DeviceView[]>([])
  const loaded = ref(false)
  const loading = ref(false)
  const error = ref<UplinkUiError | undefined>()
  const demoStarting = ref(false)

  const byId = computed(() => new Map(list.value.map((d) => [d.id, d])))

  function put(d: DeviceView) {
    const i = list.value.findIndex((x) => x.id === d.id)
    if (i === -1) list.value = [...list.value, d]
    else list.value = list.value.map((x) => (x.id === d.id ? d : x))
    return d
  }

  /** Loads the saved devices. */
  async function load() {
    loading.value = true
    try {
      list.value = await call('devices:list', {})
      error.value = undefined
      loaded.value = true
    } catch (err) {
      error.value = toUiError(err)
    } finally {
      loading.value = false
    }
  }

  /** Saves a new router; rejects with an UplinkUiError (its `field` names the bad input). */
  async function add(req: Req<'devices:add'>) {
    return put(await call('devices:add', req))
  }

  /** Changes a saved router (name, address, notes, login method). */
  async function update(id: string, patch: DevicePatch) {
    return put(await call('devices:update', { id, patch }))
  }

  /** Forgets a router and its stored secrets. */
  async function remove(id: string) {
    await call('devices:remove', { id })
    list.value = list.value.filter((d) => d.id !== id)
  }

  /** Pins the certificate the technician approved. */
  async function trust(id: string, fingerprint256: string) {
    return put(await call('devices:trust', { id, fingerprint256 }))
  }

  /** Removes the stored password / client secret. */
  async function forgetSecret(id: string) {
    return put(await call('devices:forgetSecret', { id }))
  }

  /** The certificate the router presents right now. */
  async function probe(id: string): Promise<CertificateView> {
    return call('devices:probe', { id })
  }

  /** Starts (or restarts) the built-in emulated router and returns its saved device; without a choice the running family is kept. */
  async function startDemo(choice: Req<'demo:start'> = {}) {
    demoStarting.value = true
    try {
      return put(await call('demo:start', choice))
    } finally {
      demoStarting.value = false
    }
  }

  /** Re-reads one device after main changed it (for example lastConnectedAt). */
  async function refresh(id: string) {
    try {
      const all = await call('devices:list', {})
      const d = all.find((x) => x.id === id)
      if (d) put(d)
    } catch {
      // The list is refreshed again on the next load; a stale timestamp is harmless.
    }
  }

  return { list, loaded, loading, error, demoStarting, byId, load, add, update, remove, trust, forgetSecret, probe, startDemo, refresh }
})
