/**
 * Wi-Fi as WAN on the connected router: scan for access points, connect (with the router's
 * final answer explained), disconnect and forget; and the router's own SSID profiles, whose
 * changes are staged on the router until applied.
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { SsidProfile, WifiNetwork } from '../../../src-main/peplink/model'
import type { Req, Res, WifiSecurity } from '../../../src-preload/contract'
import { call, listen, toUiError, type UplinkUiError } from '../ipc'
import { useActionsStore } from './actions'
import { useOverviewStore } from './overview'
import { usePendingStore } from './pending'
import { createOpTracker } from './running-op'

export type WifiConnectRequest = Omit<Req<'wifi:connect'>, 'deviceId' | 'opId' | 'connId'>
export type WifiConnectOutcome = Res<'wifi:connect'>
export type SsidPatch = Omit<Req<'ssid:update'>, 'deviceId' | 'id'>

export const useWifiStore = defineStore('wifi', () => {
  const deviceId = ref<string | undefined>()
  const connId = ref<number | undefined>()
  const tracker = createOpTracker()
  const networks = ref<WifiNetwork[]>([])
  const scanning = ref(false)
  const scanned = ref(false)
  const scanError = ref<UplinkUiError | undefined>()
  const outcome = ref<WifiConnectOutcome | undefined>()
  const connectError = ref<UplinkUiError | undefined>()
  const notice = ref<string | undefined>()
  const profiles = ref<SsidProfile[]>([])
  const profilesError = ref<UplinkUiError | undefined>()
  /** Profiles saved from here and not applied yet (forgotten once the router has nothing pending). */
  const pendingIds = ref<number[]>([])

  listen('workflow:progress', tracker.onProgress)
  // Applied or discarded elsewhere (the pending banner, the Device section): nothing is pending any more.
  watch(() => (deviceId.value ? usePendingStore().byDevice[deviceId.value]?.pending : undefined), (p) => {
    if (p === false) pendingIds.value = []
  })

  function target() {
    if (!deviceId.value || connId.value === undefined) throw new Error('No Wi-Fi WAN is selected.')
    return { deviceId: deviceId.value, connId: connId.value }
  }

  /** Picks the device and its Wi-Fi WAN, if it has one (a change starts afresh); scans and reads the SSID profiles. */
  function select(device: string, wan?: number) {
    if (deviceId.value !== device || connId.value !== wan) {
      if (deviceId.value !== device) pendingIds.value = []
      deviceId.value = device
      connId.value = wan
      networks.value = []
      scanned.value = false
      outcome.value = connectError.value = scanError.value = notice.value = undefined
    }
    if (wan !== undefined) void scan()
    void loadProfiles()
  }

  /** Scans for access points. */
  async function scan() {
    const t = target()
    scanning.value = true
    try {
      networks.value = await call('wifi:scan', t)
      scanned.value = true
      scanError.value = undefined
    } catch (err) {
      scanError.value = toUiError(err)
    } finally {
      scanning.value = false
    }
  }

  /** After a change of connection: the log, a fresh scan and the WAN's status. */
  async function settle(device: string) {
    void useActionsStore().refresh(device)
    await Promise.all([scan(), useOverviewStore().refresh()])
  }

  /** Connects and waits for the router's final answer (explained in `outcome`). */
  async function connect(req: WifiConnectRequest) {
    const t = target()
    outcome.value = connectError.value = notice.value = undefined
    try {
      outcome.value = await tracker.run('wifi-connect', `Connecting to ${req.ssid}…`, (opId) => call('wifi:connect', { ...t, opId, ...req }))
    } catch (err) {
      connectError.value = toUiError(err)
    }
    await settle(t.deviceId)
  }

  /** Disconnects the Wi-Fi WAN; rejects with an UplinkUiError. */
  async function disconnect(ssid?: string) {
    const t = target()
    outcome.value = undefined
    try {
      notice.value = (await call('wifi:disconnect', { ...t, ...(ssid ? { ssid } : {}) })).summary
    } finally {
      await settle(t.deviceId)
    }
  }

  /** Forgets a saved network; rejects with an UplinkUiError. */
  async function forget(ssid: string, securityPolicy: WifiSecurity) {
    const t = target()
    outcome.value = undefined
    try {
      notice.value = (await call('wifi:forget', { ...t, ssid, securityPolicy })).summary
    } finally {
      await settle(t.deviceId)
    }
  }

  /** Reads the router's own SSID profiles (keys masked). */
  async function loadProfiles() {
    if (!deviceId.value) return
    try {
      profiles.value = await call('ssid:list', { deviceId: deviceId.value })
      profilesError.value = undefined
    } catch (err) {
      profilesError.value = toUiError(err)
    }
  }

  /** The key of one profile, on the technician's request; the caller shows it and forgets it. */
  async function revealKey(id: number): Promise<string | null> {
    return (await call('ssid:revealKey', { deviceId: target().deviceId, id })).key
  }

  /** Saves a profile change as pending config on the router; rejects with an UplinkUiError. */
  async function updateProfile(id: number, patch: SsidPatch) {
    const device = target().deviceId
    try {
      profiles.value = mergeProfiles(profiles.value, await call('ssid:update', { deviceId: device, id, ...patch }))
      if (!pendingIds.value.includes(id)) pendingIds.value = [...pendingIds.value, id]
      void usePendingStore().refresh(device)
    } finally {
      void useActionsStore().refresh(device)
    }
  }

  return {
    deviceId, connId, networks, scanning, scanned, scanError, outcome, connectError, notice, profiles, profilesError, pendingIds,
    op: tracker.op, elapsedMs: tracker.elapsedMs, cancelling: tracker.cancelling,
    select, scan, connect, disconnect, forget, loadProfiles, revealKey, updateProfile, cancel: tracker.cancel,
  }
})

/** The update answers with the changed profile(s) only; keep the others. */
function mergeProfiles(all: SsidProfile[], changed: SsidProfile[]): SsidProfile[] {
  const byId = new Map(changed.map((p) => [p.id, p]))
  const merged = all.map((p) => byId.get(p.id) ?? p)
  return [...merged, ...changed.filter((p) => !all.some((x) => x.id === p.id))]
}
