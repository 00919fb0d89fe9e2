/** How WANs are ordered and labelled on screen: pure helpers, no Vue. */
import type { StatusLed, Wan, WanType } from '../../src-main/peplink/model'

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

const TYPE_LABELS: Record<WanType, string> = {
  ethernet: 'Ethernet',
  cellular: 'Cellular',
  wifi: 'Wi-Fi WAN',
  modem: 'USB modem',
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
