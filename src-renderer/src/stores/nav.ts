/**
 * Where the technician is: which screen, for which saved device. A tiny store instead of a
 * router: the app has no URLs to share, and each screen is still its own lazily loaded chunk.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Screens that belong to a connected router, in sidebar order. */
export const DEVICE_SECTIONS = [
  { key: 'overview', label: 'Overview' },
  { key: 'signal', label: 'Signal' },
  { key: 'cellular', label: 'Cellular' },
  { key: 'messages', label: 'Messages' },
  { key: 'wifi', label: 'Wi-Fi WAN' },
  { key: 'troubleshoot', label: 'Troubleshoot' },
  { key: 'device', label: 'Device' },
  { key: 'report', label: 'Report' },
] as const

export type DeviceSection = (typeof DEVICE_SECTIONS)[number]['key']
/** Screens that need no connection: welcome, add, discover, a saved device's details. */
export type AppScreen = 'welcome' | 'add' | 'discover' | 'details'
export type Screen = AppScreen | DeviceSection

/** Pre-filled values for the add form (from a router discovery found). */
export interface DeviceDraft {
  host: string
  port: number
  scheme: 'https' | 'http'
}

export const useNavStore = defineStore('nav', () => {
  const screen = ref<Screen>('welcome')
  const deviceId = ref<string | undefined>()
  const draft = ref<DeviceDraft | undefined>()

  /** Goes to a screen; device screens keep or set the device. */
  function go(to: Screen, opts: { deviceId?: string; draft?: DeviceDraft } = {}) {
    screen.value = to
    if (opts.deviceId !== undefined) deviceId.value = opts.deviceId
    draft.value = to === 'add' ? opts.draft : undefined
  }

  /** Leaves a device's screens (it was forgotten or disconnected). */
  function leaveDevice(id: string, to: Screen = 'welcome') {
    if (deviceId.value !== id) return
    if (to === 'welcome') deviceId.value = undefined
    screen.value = to
  }

  return { screen, deviceId, draft, go, leaveDevice }
})
