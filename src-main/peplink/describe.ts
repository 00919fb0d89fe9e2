/**
 * Router data in words for sentences, tables and the report: each reads well when the router
 * left a field empty (an unnamed band, an allowance without a limit, a reading without a time).
 * The renderer mirrors these in wan-display.ts / format.ts (it imports types only from main).
 */
import type { AllowanceMonitor, CellularBand, CellularModule, ReadingTime } from './model'

/**
 * "LTE Band 3 (1800 MHz)", or what can be said of a band the router left unnamed ("channel
 * 1350", "the serving band"), so a sentence never has a hole in it.
 */
export function bandText(b: Pick<CellularBand, 'name' | 'channel' | 'rat'>): string {
  if (b.name && b.name.trim()) return b.name.trim()
  if (b.channel !== undefined) return `channel ${b.channel}${b.rat ? ` (${b.rat})` : ''}`
  return b.rat ? `the ${b.rat} band` : 'the serving band'
}

const UNIT_MB: Record<string, number> = { mb: 1, gb: 1024, tb: 1024 * 1024 }

/** "850 MB" or "5 GB", "12.3 GB" from megabytes: GB from 1 GB up (as the app shows them). */
export function megabytesText(mb: number): string {
  if (mb >= 1024) return `${(mb / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} GB`
  return `${Math.round(mb).toLocaleString('en')} MB`
}

/** "10 GB a month from day 1; e-mails; disconnects when used up", "off", or undefined when none was sent. */
export function monitorText(m: AllowanceMonitor | undefined): string | undefined {
  if (!m) return undefined
  if (m.enable === false) return 'off'
  const a = m.monthlyAllowance
  const factor = a ? UNIT_MB[a.unit.trim().toLowerCase()] : undefined
  const day = m.start !== undefined ? ` from day ${m.start === 0 ? 'last' : m.start}` : ''
  const parts = [a ? `${factor ? megabytesText(a.value * factor) : `${a.value} ${a.unit}`} a month${day}` : 'limit not reported']
  if (m.hasSmtp || m.action?.includes('email')) parts.push('e-mails')
  if (m.action?.includes('disconnect')) parts.push('disconnects when used up')
  else if (m.action?.includes('restrict')) parts.push('restricts when used up')
  return parts.join('; ')
}

/** A reading older than this (router clock: answer time − last report) is stale. */
export const STALE_READING_SECONDS = 60

/** "3 s", "15 min" and whether that is stale; undefined when the router gave no times. */
export function readingAge(r: ReadingTime | undefined): { ago: string; stale: boolean } | undefined {
  const age = r?.ageSeconds
  if (age === undefined) return undefined
  const ago = age < 90 ? `${Math.round(age)} s` : age < 5400 ? `${Math.round(age / 60)} min` : `${Math.round(age / 3600)} h`
  return { ago, stale: age > STALE_READING_SECONDS }
}

/** "Quectel RM520N-GL (firmware RM520NGLAAR03A07M4G)", or undefined when the router did not say. */
export function moduleText(m: CellularModule | undefined): string | undefined {
  if (!m) return undefined
  const name = [m.manufacturer, m.model].filter(Boolean).join(' ')
  if (!name && !m.firmware) return undefined
  return `${name || 'Module'}${m.firmware ? ` (firmware ${m.firmware})` : ''}`
}
