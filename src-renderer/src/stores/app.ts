/**
 * App-wide facts: version, host, keychain availability, a start-up notice, and the colour
 * theme (follows the OS unless the technician picked one; the choice is remembered).
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AppInfo } from '../../../src-preload/contract'
import { call, toUiError, type UplinkUiError } from '../ipc'

export type ThemePreference = 'system' | 'light' | 'dark'
const THEME_KEY = 'uplink.theme'

function storedTheme(): ThemePreference {
  try {
    const v = localStorage.getItem(THEME_KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system'
  }
}

export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | undefined>()
  const error = ref<UplinkUiError | undefined>()
  const noticeDismissed = ref(false)
  const themePreference = ref<ThemePreference>(storedTheme())
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined
  const systemDark = ref(media?.matches ?? false)
  media?.addEventListener('change', (e) => (systemDark.value = e.matches))

  const dark = computed(() => (themePreference.value === 'system' ? systemDark.value : themePreference.value === 'dark'))
  /** False only once app:info said so; the UI then says secrets last for this session. */
  const keychainAvailable = computed(() => info.value?.keychain.available ?? true)
  const notice = computed(() => (noticeDismissed.value ? undefined : info.value?.notice))

  /** Loads app:info. */
  async function load() {
    try {
      info.value = await call('app:info', {})
      error.value = undefined
    } catch (err) {
      error.value = toUiError(err)
    }
  }

  /** Picks a theme and remembers it ('system' forgets the choice). */
  function setTheme(pref: ThemePreference) {
    themePreference.value = pref
    try {
      if (pref === 'system') localStorage.removeItem(THEME_KEY)
      else localStorage.setItem(THEME_KEY, pref)
    } catch {
      // Storage can be unavailable (private windows); the choice then lasts for this session.
    }
  }

  /** Switches between light and dark, starting from what is shown now. */
  function toggleTheme() {
    setTheme(dark.value ? 'light' : 'dark')
  }

  return { info, error, notice, dark, themePreference, keychainAvailable, load, setTheme, toggleTheme, dismissNotice: () => (noticeDismissed.value = true) }
})
