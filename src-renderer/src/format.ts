/** Small, pure formatting helpers shared by views and components. */

/** "2 d 3 h", "5 h 02 min", "4 min 10 s", "12 s"; '—' when unknown. */
export function humanDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—'
  const s = Math.floor(seconds)
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  if (d > 0) return `${d} d ${h} h`
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`
  if (m > 0) return `${m} min ${String(s % 60).padStart(2, '0')} s`
  return `${s} s`
}

/** hh:mm:ss in the laptop's local time. */
export function clockTime(at: number | string | Date): string {
  const d = new Date(at)
  return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
}

/** "850 MB" or "5 GB", "12.3 GB" from megabytes: GB from 1 GB up, so amounts side by side share a unit. */
export function megabytes(mb: number | undefined): string {
  if (mb === undefined || !Number.isFinite(mb)) return '—'
  if (mb >= 1024) return `${(mb / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} GB`
  return `${Math.round(mb).toLocaleString('en')} MB`
}

const UNIT_MB: Record<string, number> = { mb: 1, gb: 1024, tb: 1024 * 1024 }

/**
 * An allowance monitor in one sentence: "10 GB a month from day 1; e-mails; disconnects when
 * used up", "Off", or undefined when the router sent none. Amounts in the app's one unit style.
 */
export function monitorText(m: { enable?: boolean; hasSmtp?: boolean; action?: string[]; start?: number; monthlyAllowance?: { value: number; unit: string } } | undefined): string | undefined {
  if (!m) return undefined
  if (m.enable === false) return 'Off'
  const a = m.monthlyAllowance
  const factor = a ? UNIT_MB[a.unit.trim().toLowerCase()] : undefined
  const day = m.start !== undefined ? ` from day ${m.start === 0 ? 'last' : m.start}` : ''
  const parts = [a ? `${factor ? megabytes(a.value * factor) : `${a.value} ${a.unit}`} a month${day}` : 'Limit not reported']
  if (m.hasSmtp || m.action?.includes('email')) parts.push('e-mails')
  if (m.action?.includes('disconnect')) parts.push('disconnects when used up')
  else if (m.action?.includes('restrict')) parts.push('restricts when used up')
  return parts.join('; ')
}

/** A SHA-256 fingerprint as rows of 8 byte pairs, for reading aloud and comparing. */
export function fingerprintRows(fp: string): string[][] {
  const pairs = fp.replace(/[^0-9a-f]/gi, '').toUpperCase().match(/.{1,2}/g) ?? []
  const rows: string[][] = []
  for (let i = 0; i < pairs.length; i += 8) rows.push(pairs.slice(i, i + 8))
  return rows
}

/** A signal value with one decimal when needed, and its unit; '—' when unknown. */
export function signalValue(v: number | undefined | null, unit: string): string {
  if (v === undefined || v === null || !Number.isFinite(v)) return '—'
  const text = Number.isInteger(v) ? String(v) : v.toFixed(1)
  return `${text} ${unit}`
}

/** SIM 1 -> "A", 2 -> "B", like the label on the router. */
export function simLetter(id: number | undefined): string {
  if (id === undefined) return '—'
  return id >= 1 && id <= 26 ? String.fromCharCode(64 + id) : String(id)
}

/** Latitude / longitude with hemisphere letters, 5 decimals (about a metre). */
export function position(lat: number | undefined, lon: number | undefined): string {
  if (lat === undefined || lon === undefined) return '—'
  const ns = lat >= 0 ? 'N' : 'S'
  const ew = lon >= 0 ? 'E' : 'W'
  return `${Math.abs(lat).toFixed(5)}° ${ns}, ${Math.abs(lon).toFixed(5)}° ${ew}`
}

/** "Tue 14 May, 09:05" in the laptop's local time; '—' when unknown. */
export function dateTime(at: number | string | Date | undefined): string {
  if (at === undefined) return '—'
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return '—'
  return d.toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false })
}

/** "1 client", "3 clients": a count with its noun. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** "26 Nov 2026, 02:31" in the laptop's local time (reports and tokens span years); '—' when unknown. */
export function fullDateTime(at: number | string | Date | undefined): string {
  if (at === undefined) return '—'
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return '—'
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })
}
