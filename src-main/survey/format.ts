/**
 * A survey recording on disk: NDJSON, one JSON object a line, appended as it is measured.
 * Why NDJSON and not SQLite: every line is complete or absent (a crash loses at most the line
 * being written), appending needs no library and no native build (keytar is already the one
 * native module, and optional), a recording opens in any text tool, and 8 hours at 1 s with
 * three bands is 11.2 MB (npm run bench). Reading streams line by line, so memory follows what is kept.
 *
 * Lines: `header` (first), then `sample`, `position` (a named antenna position starts here, or
 * covers `at`..`until` when added afterwards), `rename` and `unposition` (edits made afterwards,
 * appended so nothing recorded is rewritten), `gap` (the router stopped answering), `resume` (a
 * reopened recording goes on) and `end`.
 */
import type { WanState } from '../peplink/model'

export const SURVEY_VERSION = 1

export interface SurveyHeader {
  t: 'header'
  v: typeof SURVEY_VERSION
  id: string
  deviceName: string
  host: string
  wanId: number
  wanName: string
  intervalMs: number
  startedAt: number
  firmware?: string
}

export interface SurveyBand {
  name: string
  rsrp?: number
  rsrq?: number
  sinr?: number
  rssi?: number
}

export interface SurveySample {
  t: 's'
  at: number
  state: WanState | 'unknown'
  carrier?: string
  tech?: string
  cell?: { pci?: number; channel?: number; cellId?: number }
  bands: SurveyBand[]
  /** Wi-Fi WAN signal (dBm) and its SSID, for a Wi-Fi WAN. */
  wifi?: { ssid?: string; dbm?: number }
  /** GPS position and whether it is a fix (only on routers with GPS). */
  pos?: { lat: number; lon: number; fix: boolean }
}

export interface SurveyPosition {
  t: 'position'
  at: number
  name: string
  /** Set for a position added afterwards on a time range; a marker otherwise runs to the next one. */
  until?: number
}

/** A position renamed afterwards (appended, so the recording itself is never rewritten). */
export interface SurveyRename {
  t: 'rename'
  at: number
  from: string
  to: string
}

/** A position removed afterwards: its samples count for no position. */
export interface SurveyUnposition {
  t: 'unposition'
  at: number
  name: string
}

export interface SurveyGap {
  t: 'gap'
  at: number
  reason: string
}

export interface SurveyResume {
  t: 'resume'
  at: number
}

export interface SurveyEnd {
  t: 'end'
  at: number
  reason: string
}

export type SurveyLine = SurveyHeader | SurveySample | SurveyPosition | SurveyRename | SurveyUnposition | SurveyGap | SurveyResume | SurveyEnd

/** One line of the file, or undefined for a line cut short by a crash (the only damage NDJSON can take). */
export function parseLine(text: string): SurveyLine | undefined {
  if (!text.trim()) return undefined
  try {
    const o = JSON.parse(text) as SurveyLine
    return typeof o === 'object' && o !== null && typeof (o as { t?: unknown }).t === 'string' ? o : undefined
  } catch {
    return undefined
  }
}
