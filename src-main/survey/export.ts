/**
 * Survey exports, none carrying a secret (a recording holds none: no passwords, keys or tokens
 * are ever sampled).
 *
 * CSV, one row per sample per band (a sample with no band is one row with empty band columns):
 *   time_utc, seconds, position, wan, carrier, technology, state, band, rsrp_dbm, rsrq_db,
 *   sinr_db, rssi_dbm, wifi_ssid, wifi_dbm, pci, channel, cell_id, latitude, longitude, gps_fix
 * GeoJSON: the track as a LineString, and a Point per sample carrying the chosen metric.
 * KML (Google Earth): the track as a LineString and the named positions as placemarks.
 */
import type { SurveyRecording } from './store'
import { positionRanges, type SurveyMetric } from './analyze'

export const CSV_HEADER = [
  'time_utc', 'seconds', 'position', 'wan', 'carrier', 'technology', 'state', 'band', 'rsrp_dbm', 'rsrq_db', 'sinr_db', 'rssi_dbm',
  'wifi_ssid', 'wifi_dbm', 'pci', 'channel', 'cell_id', 'latitude', 'longitude', 'gps_fix',
] as const

function csvCell(v: unknown): string {
  if (v === undefined || v === null) return ''
  const s = String(v)
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) && Number.isNaN(Number(s)) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The position a time falls in (by the recording's markers), or ''. */
function positionAt(r: SurveyRecording): (at: number) => string {
  const ranges = r.positions.length ? positionRanges(r.positions, r.samples) : []
  return (at) => ranges.find((p) => at >= p.from && at <= p.to)?.name ?? ''
}

/** CSV text of a recording (header row first, as documented above). */
export function toCsv(r: SurveyRecording): string {
  const where = positionAt(r)
  const rows: string[] = [CSV_HEADER.join(',')]
  for (const s of r.samples) {
    const common = [new Date(s.at).toISOString(), ((s.at - r.header.startedAt) / 1000).toFixed(1), where(s.at), r.header.wanId, s.carrier, s.tech, s.state]
    const tail = [s.wifi?.ssid, s.wifi?.dbm, s.cell?.pci, s.cell?.channel, s.cell?.cellId, s.pos?.lat, s.pos?.lon, s.pos ? (s.pos.fix ? 'yes' : 'no') : undefined]
    const bands = s.bands.length ? s.bands : [undefined]
    for (const b of bands) rows.push([...common, b?.name, b?.rsrp, b?.rsrq, b?.sinr, b?.rssi, ...tail].map(csvCell).join(','))
  }
  return `${rows.join('\n')}\n`
}

function metricOf(s: SurveyRecording['samples'][number], metric: SurveyMetric): number | undefined {
  const v = s.bands.map((b) => b[metric]).filter((x): x is number => typeof x === 'number')
  return v.length ? Math.max(...v) : undefined
}

/** GeoJSON FeatureCollection: the track, and a point per located sample with `metric` (best band). */
export function toGeoJson(r: SurveyRecording, metric: SurveyMetric = 'rsrp'): string {
  const located = r.samples.filter((s) => s.pos)
  const features: unknown[] = []
  if (located.length > 1) {
    features.push({ type: 'Feature', properties: { name: `${r.header.deviceName} ${r.header.wanName}`, kind: 'track' }, geometry: { type: 'LineString', coordinates: located.map((s) => [s.pos!.lon, s.pos!.lat]) } })
  }
  for (const s of located) {
    features.push({ type: 'Feature', properties: { time: new Date(s.at).toISOString(), state: s.state, carrier: s.carrier ?? null, [metric]: metricOf(s, metric) ?? null }, geometry: { type: 'Point', coordinates: [s.pos!.lon, s.pos!.lat] } })
  }
  return JSON.stringify({ type: 'FeatureCollection', features }, null, 1)
}

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)

/** KML for Google Earth: the track, and a placemark where each named position starts. */
export function toKml(r: SurveyRecording): string {
  const located = r.samples.filter((s) => s.pos)
  const coords = located.map((s) => `${s.pos!.lon},${s.pos!.lat},0`).join(' ')
  const marks = r.positions.flatMap((p) => {
    const s = located.find((x) => x.at >= p.at)
    return s ? [`<Placemark><name>${xml(p.name)}</name><Point><coordinates>${s.pos!.lon},${s.pos!.lat},0</coordinates></Point></Placemark>`] : []
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${xml(`${r.header.deviceName}: ${r.header.wanName} survey`)}</name>
${located.length > 1 ? `<Placemark><name>Track</name><LineString><tessellate>1</tessellate><coordinates>${coords}</coordinates></LineString></Placemark>` : ''}
${marks.join('\n')}
</Document></kml>
`
}
