/**
 * Cellular helpers for the screen: firmware comparisons read from the session, the ranges
 * a channel / PCI lock accepts, and how networks are written. Pure functions, no Vue.
 */

/** [major, minor, patch] of "8.1.1 build 5121"; undefined when unreadable. */
export function parseFirmware(text: string | undefined): [number, number, number] | undefined {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text ?? '')
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined
}

/** True when `firmware` is at least `version`; unknown firmware counts as new, like main does. */
export function firmwareAtLeast(firmware: string | undefined, version: string): boolean {
  const a = parseFirmware(firmware)
  const b = parseFirmware(version)!
  if (!a) return true
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!
  return true
}

/** What a channel / PCI lock accepts on this firmware: PCI 0-65535 optional before 8.5.0, 0-503 required from it. */
export function pciRules(firmware: string | undefined): { pciMax: number; pciRequired: boolean } {
  return firmwareAtLeast(firmware, '8.5.0') ? { pciMax: 503, pciRequired: true } : { pciMax: 65535, pciRequired: false }
}

/** Problems with a lock form, by field (empty when it can be sent). */
export function lockProblems(channel: string, pci: string, rules: { pciMax: number; pciRequired: boolean }): { channel?: string; pci?: string } {
  const out: { channel?: string; pci?: string } = {}
  const whole = (v: string, max: number) => /^\d+$/.test(v.trim()) && Number(v) <= max
  if (!whole(channel, 65535)) out.channel = 'The channel (EARFCN) is a whole number from 0 to 65535.'
  if (pci.trim() === '') {
    if (rules.pciRequired) out.pci = 'This firmware (8.5.0 or later) needs a PCI with the channel.'
  } else if (!whole(pci, rules.pciMax)) out.pci = `The PCI is a whole number from 0 to ${rules.pciMax}.`
  return out
}

/** "454-06": an MNC has at least two digits, though firmware up to 8.1.1 sends "6" in scans. */
export function plmn(p: { mcc?: string; mnc?: string }): string {
  return p.mcc && p.mnc !== undefined ? `${p.mcc}-${p.mnc.padStart(2, '0')}` : '—'
}

/** Same network when MCC and MNC match numerically ("06" and "6" are one network). */
export function sameNetwork(a: { mcc?: string; mnc?: string }, b: { mcc?: string; mnc?: string }): boolean {
  return !!a.mcc && !!b.mcc && a.mnc !== undefined && b.mnc !== undefined && Number(a.mcc) === Number(b.mcc) && Number(a.mnc) === Number(b.mnc)
}


/**
 * Why a lock to this cell would not work for this SIM, or undefined when it would (or cannot
 * be told): a cell belongs to the networks in its PLMN list, and a SIM can only use its own
 * network (the one it is on now, or the home network its IMSI starts with).
 */
export function lockOperatorWarning(
  cellPlmns: { mcc: string; mnc: string }[],
  sim: { id: number; imsi?: string; active: boolean },
  current?: { mcc?: string; mnc?: string; name?: string },
): string | undefined {
  if (!cellPlmns.length) return undefined
  const own: { mcc: string; mnc: string }[] = []
  if (sim.active && current?.mcc && current.mnc !== undefined) own.push({ mcc: current.mcc, mnc: current.mnc })
  const imsi = sim.imsi?.replace(/\D/g, '') ?? ''
  const fitsImsi = (p: { mcc: string; mnc: string }) => imsi.length >= 5 && imsi.startsWith(p.mcc + p.mnc.padStart(2, '0'))
  if (!own.length && !imsi) return undefined
  if (cellPlmns.some((p) => own.some((o) => sameNetwork(o, p)) || fitsImsi(p))) return undefined
  const simLabel = `SIM ${sim.id === 1 ? 'A' : sim.id === 2 ? 'B' : sim.id}`
  const on = own[0] ? `${current?.name ? `${current.name} ` : ''}(${plmn(own[0])})` : `its home network (IMSI ${imsi.slice(0, 6)}…)`
  return `This cell belongs to ${cellPlmns.map(plmn).join(', ')}, but ${simLabel} is on ${on}. The modem cannot use another operator's cell, so the link would stay down until the lock is cleared.`
}
