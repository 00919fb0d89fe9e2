/**
 * The router's rolling event log (status.log): about 50 entries, oldest dropped.
 */
import type { EmulatorState } from './state-types'

const MAX_ENTRIES = 50
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Append one event to the router log. */
export function logEvent(state: EmulatorState, at: number, category: string, message: string): void {
  state.log.push({ at, category, message })
  if (state.log.length > MAX_ENTRIES) state.log.splice(0, state.log.length - MAX_ENTRIES)
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** "Feb 17 13:55" — the year-less form the router uses (UTC here, for determinism). */
export function shortDate(ms: number): string {
  const d = new Date(ms)
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** "Feb 17 13:55:02" for log lines. */
export function logDate(ms: number): string {
  return `${shortDate(ms)}:${pad(new Date(ms).getUTCSeconds())}`
}
