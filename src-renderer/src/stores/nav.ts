/**
 * Where the technician is: which screen, for which saved device. A tiny store instead of a
 * router: the app has no URLs to share, and each screen is still its own lazily loaded chunk.
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

/** Screens that belong to a connected router, in sidebar order. */
export const DEVICE_SECTIONS = [
  { key: 'overview', label: 'Overview' },
  { key: 'signal', label: 'Signal' },
  { key: 'survey', label: 'Survey' },
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
  /** A name to start from (the one on the router's certificate, from discovery). */
  name?: string
}

const PLACE_KEY = 'uplink.place'
const SCREENS = new Set<string>(['welcome', 'add', 'discover', 'details', ...DEVICE_SECTIONS.map((s) => s.key)])

/** Where the technician was before a reload (the window's session storage), if anywhere valid. */
function savedPlace(): { screen: Screen; deviceId?: string } | undefined {
  try {
    const p = JSON.parse(sessionStorage.getItem(PLACE_KEY) ?? 'null') as { screen?: unknown; deviceId?: unknown } | null
    if (!p || typeof p.screen !== 'string' || !SCREENS.has(p.screen)) return undefined
    return { screen: p.screen as Screen, deviceId: typeof p.deviceId === 'string' ? p.deviceId : undefined }
  } catch {
    return undefined
  }
}

export const useNavStore = defineStore('nav', () => {
  // A reload (or a restarted browser host) puts the technician back where they were; a
  // device section whose session is gone falls back to the device's details (AppShell).
  const place = savedPlace()
  const screen = ref<Screen>(place?.screen ?? 'welcome')
  const deviceId = ref<string | undefined>(place?.deviceId)
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

  watch([screen, deviceId], () => {
    try {
      sessionStorage.setItem(PLACE_KEY, JSON.stringify({ screen: screen.value === 'add' ? 'welcome' : screen.value, deviceId: deviceId.value }))
    } catch {
      // Storage can be unavailable (private modes); the app works without it.
    }
  })

  return { screen, deviceId, draft, go, leaveDevice }
})
