/**
 * The Device section of the connected router: what the workflows do not cover. Each panel's
 * data loads when the panel is first shown; writes that stage config hand the router's new
 * pending state to the pending banner. Writes reject with an UplinkUiError (its `field` names
 * the bad input) so the form that made them can show it in place.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { GpioChange, PoePort, Res, WanSettings } from '../../../src-preload/contract'
import type { WanConfig } from '../../../src-main/peplink/model'
import { call } from '../ipc'
import { createPanel } from './panel-state'
import { useOverviewStore } from './overview'
import { usePendingStore } from './pending'

/** The Device section's sub-sections, in tab order. */
export const DEVICE_TABS = [
  { key: 'wans', label: 'WANs' },
  { key: 'clients', label: 'Clients' },
  { key: 'network', label: 'LAN & PepVPN' },
  { key: 'location', label: 'Location' },
  { key: 'firmware', label: 'Firmware & modules' },
  { key: 'ports', label: 'PoE & GPIO' },
  { key: 'ap', label: 'Access point' },
  { key: 'api', label: 'API access' },
] as const
export type DeviceTab = (typeof DEVICE_TABS)[number]['key']

/** The clients list's filter, sent to the router. */
export interface ClientFilter {
  types: string[]
  vlanId: number | null
  activeOnly: boolean
}

export type CreatedClient = Res<'api:createClient'>

export const useDeviceStore = defineStore('device', () => {
  const deviceId = ref<string | undefined>()
  const tab = ref<DeviceTab>('wans')
  const filter = ref<ClientFilter>({ types: [], vlanId: null, activeOnly: false })
  /** The router's answer to the last settings save per WAN (fills the form the next time). */
  const wanConfigs = ref<Record<number, WanConfig>>({})

  const clients = createPanel((id) =>
    call('device:clients', {
      deviceId: id,
      ...(filter.value.types.length ? { connectionType: filter.value.types } : {}),
      ...(filter.value.vlanId !== null ? { vlanId: filter.value.vlanId } : {}),
      ...(filter.value.activeOnly ? { activeOnly: true } : {}),
    }))
  const lan = createPanel((id) => call('device:lan', { deviceId: id }))
  const pepvpn = createPanel((id) => call('device:pepvpn', { deviceId: id }))
  const location = createPanel((id) => call('device:location', { deviceId: id }))
  const firmware = createPanel((id) => call('device:firmware', { deviceId: id }))
  const gpio = createPanel((id) => call('device:gpio', { deviceId: id }))
  const ap = createPanel((id) => call('device:ap', { deviceId: id }))
  const apiClients = createPanel((id) => call('api:clients', { deviceId: id }))
  const tokens = createPanel((id) => call('api:tokens', { deviceId: id }))
  const panels = [clients, lan, pepvpn, location, firmware, gpio, ap, apiClients, tokens]

  /** Switches to a device: everything of the previous one is forgotten. */
  function select(id: string) {
    if (deviceId.value === id) return
    deviceId.value = id
    wanConfigs.value = {}
    filter.value = { types: [], vlanId: null, activeOnly: false }
    for (const p of panels) p.reset()
  }

  function need(): string {
    if (!deviceId.value) throw new Error('No router is selected.')
    return deviceId.value
  }

  /** Sets WAN priorities (and enables / disables WANs): applied now, or staged as pending. */
  async function setPriority(list: { connId: number; priority?: number; enable?: boolean }[], instantActive: boolean) {
    const id = need()
    const res = await call('wan:priority', { deviceId: id, list, instantActive })
    usePendingStore().set(id, res.pending)
    if (instantActive) void useOverviewStore().refresh()
    return res.entries
  }

  /** Saves a WAN's settings on the router (pending until applied). */
  async function updateWan(settings: WanSettings) {
    const id = need()
    const res = await call('wan:update', { deviceId: id, settings })
    usePendingStore().set(id, res.pending)
    const mine = res.config.find((c) => c.id === settings.id)
    if (mine) wanConfigs.value = { ...wanConfigs.value, [mine.id]: mine }
    return res
  }

  /** Reads the clients again with a new filter. */
  async function setFilter(f: ClientFilter) {
    filter.value = f
    await clients.refresh(need())
  }

  /** Turns PoE on or off on ports; resolves with main's sentence. */
  async function setPoe(enable: boolean, ports: PoePort[]) {
    return (await call('device:poe', { deviceId: need(), enable, ports })).summary
  }

  /** Changes GPIO pins (staged as pending). */
  async function setGpio(list: GpioChange[]) {
    const id = need()
    const res = await call('device:setGpio', { deviceId: id, list })
    usePendingStore().set(id, res.pending)
    gpio.data = res.config
  }

  /** Turns the access point on or off (at once). */
  async function setAp(enable: boolean) {
    ap.data = await call('device:setAp', { deviceId: need(), enable })
  }

  /** Creates an API client; the answer holds its secret, shown once and not kept here. */
  async function createClient(name: string, scope: 'api' | 'api.read-only', saveForDevice: boolean): Promise<CreatedClient> {
    const id = need()
    const created = await call('api:createClient', { deviceId: id, name, scope, saveForDevice })
    void apiClients.refresh(id)
    return created
  }

  /** Removes an API client (its tokens stop working). */
  async function removeClient(clientId: string) {
    const id = need()
    await call('api:removeClient', { deviceId: id, clientId })
    await Promise.all([apiClients.refresh(id), tokens.refresh(id)])
  }

  /** Revokes an access token by the reference main gave for it. */
  async function revokeToken(ref: string) {
    const id = need()
    await call('api:revokeToken', { deviceId: id, ref })
    await tokens.refresh(id)
  }

  return {
    deviceId, tab, filter, wanConfigs, clients, lan, pepvpn, location, firmware, gpio, ap, apiClients, tokens,
    select, setPriority, updateWan, setFilter, setPoe, setGpio, setAp, createClient, removeClient, revokeToken,
  }
})
