/** How WANs are ordered and labelled on screen: pure helpers, no Vue. */
import type { CellularBand, CellularStatus, ReadingTime, StatusLed, Wan, WanState, WanType } from '../../src-main/peplink/model'

/** Priority ascending; disabled WANs and those without a priority last; then by id. */
export function sortWans(wans: readonly Wan[]): Wan[] {
  const rank = (w: Wan) => (w.enable && w.priority !== undefined ? w.priority : Number.POSITIVE_INFINITY)
  return [...wans].sort((a, b) => rank(a) - rank(b) || a.id - b.id)
}

export type StatusTone = 'success' | 'warning' | 'error' | 'default' | 'info'

/** The LED as a word and a tone (the word is always shown: never colour alone). */
export function ledStatus(led: StatusLed): { label: string; tone: StatusTone } {
  switch (led) {
    case 'green':
      return { label: 'Up', tone: 'success' }
    case 'yellow':
      return { label: 'Attention', tone: 'warning' }
    case 'red':
      return { label: 'Down', tone: 'error' }
    case 'flash':
      return { label: 'Connecting', tone: 'info' }
    case 'gray':
      return { label: 'Off', tone: 'default' }
    case 'empty':
      return { label: 'Not in use', tone: 'default' }
    default:
      return { label: led ? led[0]!.toUpperCase() + led.slice(1) : 'Unknown', tone: 'default' }
  }
}

/**
 * What the WAN is doing, as a word and a tone. Standby is a backup waiting its turn (not a
 * fault), so it is never shown as "Down" or in the error colour.
 */
export function wanStateStatus(state: WanState): { label: string; tone: StatusTone } {
  switch (state) {
    case 'connected':
      return { label: 'Up', tone: 'success' }
    case 'standby':
      return { label: 'Standby', tone: 'info' }
    case 'connecting':
      return { label: 'Connecting', tone: 'info' }
    case 'down':
      return { label: 'Down', tone: 'error' }
    case 'no-device':
      return { label: 'No device', tone: 'default' }
    case 'off-schedule':
      return { label: 'Off by schedule', tone: 'default' }
    case 'disabled':
      return { label: 'Disabled', tone: 'default' }
  }
}

/** "SIM A", "SpeedFusion Connect eSIM", "Remote SIM", or "none" for the SIM carrying a cellular WAN. */
export function simInUseLabel(c: Pick<CellularStatus, 'simInUse' | 'activeSimId'>): string {
  const u = c.simInUse
  if (u?.kind === 'esim') return 'SpeedFusion Connect eSIM'
  if (u?.kind === 'remote') return 'Remote SIM'
  const id = u?.simId ?? c.activeSimId
  return id === undefined ? 'none' : `SIM ${id === 1 ? 'A' : id === 2 ? 'B' : id}`
}

/** A band's name, or what can be said of one the router left unnamed (mirrors main's bandText). */
export function bandLabel(b: Pick<CellularBand, 'name' | 'channel' | 'rat'>): string {
  if (b.name && b.name.trim()) return b.name.trim()
  if (b.channel !== undefined) return `Channel ${b.channel}${b.rat ? ` (${b.rat})` : ''}`
  return b.rat ? `${b.rat} band` : 'Serving band (unnamed)'
}

/** A reading older than this (router clock: answer time − last report) is flagged as stale. */
export const STALE_READING_SECONDS = 60

/** How old a reading is, when the router says ({ago: "15 min", stale: true}); undefined when not reported. */
export function readingAge(r: ReadingTime | undefined): { ago: string; stale: boolean } | undefined {
  const age = r?.ageSeconds
  if (age === undefined) return undefined
  const ago = age < 90 ? `${Math.round(age)} s` : age < 5400 ? `${Math.round(age / 60)} min` : `${Math.round(age / 3600)} h`
  return { ago, stale: age > STALE_READING_SECONDS }
}

const TYPE_LABELS: Record<WanType, string> = {
  ethernet: 'Ethernet',
  cellular: 'Cellular',
  wifi: 'Wi-Fi WAN',
  modem: 'USB modem',
  vlan: 'VLAN WAN',
  pppoe: 'PPPoE',
  ipsec: 'IPsec',
  adsl: 'ADSL',
  other: 'Other',
}

/** "Ethernet", "Cellular", …; unknown types show what the router sent. */
export function wanTypeLabel(w: Pick<Wan, 'type' | 'rawType'>): string {
  return w.type === 'other' && w.rawType ? w.rawType : TYPE_LABELS[w.type]
}

/** WANs whose signal can be watched live (cellular and modem, Wi-Fi). */
export function hasLiveSignal(w: Wan): boolean {
  return w.type === 'cellular' || w.type === 'modem' || w.type === 'wifi'
}
