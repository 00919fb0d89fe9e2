/**
 * Which WAN of one type a section works on: the one the technician worked on before on this
 * device, else the first connected one (optional), else the first. Shared by the Cellular,
 * Messages and Wi-Fi WAN sections.
 */
import { computed, onMounted, ref, watch, type Ref } from 'vue'
import type { Wan, WanType } from '../../../src-main/peplink/model'
import { useNavStore } from '../stores/nav'
import { useOverviewStore } from '../stores/overview'

export interface WanChoiceOptions {
  type: WanType
  /** The device and WAN the section's store worked on last. */
  remembered: () => { deviceId?: string; connId?: number }
  /** Prefer a connected WAN when nothing is remembered (default true). */
  preferConnected?: boolean
  /** Runs once the WAN list is known, after the default choice (a section's own start-up). */
  onReady?: (deviceId: string) => void
}

/** The WANs of a type, the chosen one, and the choice itself (a ref views can bind). */
export function useWanChoice(opts: WanChoiceOptions): { candidates: Ref<Wan[]>; selected: Ref<number | undefined>; wan: Ref<Wan | undefined> } {
  const nav = useNavStore()
  const overview = useOverviewStore()
  const selected = ref<number | undefined>()
  const candidates = computed(() => overview.wans.filter((w) => w.type === opts.type))
  const wan = computed(() => candidates.value.find((w) => w.id === selected.value))

  function pickDefault() {
    const list = candidates.value
    if (selected.value !== undefined || list.length === 0) return
    const r = opts.remembered()
    const previous = r.deviceId === nav.deviceId ? list.find((w) => w.id === r.connId) : undefined
    selected.value = (previous ?? (opts.preferConnected !== false ? list.find((w) => w.connected) : undefined) ?? list[0])?.id
  }
  onMounted(async () => {
    if (!nav.deviceId) return
    await overview.ensure(nav.deviceId)
    pickDefault()
    opts.onReady?.(nav.deviceId)
  })
  watch(candidates, pickDefault)
  return { candidates, selected, wan }
}
