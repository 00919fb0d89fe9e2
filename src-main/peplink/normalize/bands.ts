/**
 * Cellular bands, flat: `band[]` (up to 8.1.1) and `rat[].band[]` (8.1.2+) both become
 * CellularBand[]. The reference's `rsi` reads as `rssi`; values are rounded to 2 decimals.
 */
import type { CellularBand, WifiWanStatus } from '../model'
import { wifiLevelFromDbm } from '../signal-grade'
import { addr, isObj, num, round2, sized, str, text, trimmed, type Obj } from './read'

// The metrics a band may carry, in the order they are added: rssi, sinr, snr, rsrp, rsrq, ecio, rscp.

/** One band object (signal values inside `signal`, or on the band itself) as a CellularBand. */
export function readBand(raw: unknown, rat?: string): CellularBand | undefined {
  if (!isObj(raw)) return undefined
  const sig = isObj(raw.signal) ? raw.signal : undefined
  const band: CellularBand = { name: str(raw.name) ?? '' }
  if (rat) band.rat = rat
  const channel = num(raw.channel)
  if (channel !== undefined) band.channel = channel
  const width = raw.channelWidth
  const channelWidth = typeof width === 'number' && Number.isFinite(width) ? `${width} MHz` : text(width)
  if (channelWidth !== undefined) band.channelWidth = channelWidth
  // The metrics one by one, in that order: named reads and writes stay on V8's fast paths,
  // where a loop over the names reads and adds properties by computed key.
  const rssi = round2(num(sig?.rssi) ?? num(raw.rssi))
  if (rssi !== undefined) band.rssi = rssi
  const sinr = round2(num(sig?.sinr) ?? num(raw.sinr))
  if (sinr !== undefined) band.sinr = sinr
  const snr = round2(num(sig?.snr) ?? num(raw.snr))
  if (snr !== undefined) band.snr = snr
  const rsrp = round2(num(sig?.rsrp) ?? num(raw.rsrp))
  if (rsrp !== undefined) band.rsrp = rsrp
  const rsrq = round2(num(sig?.rsrq) ?? num(raw.rsrq))
  if (rsrq !== undefined) band.rsrq = rsrq
  const ecio = round2(num(sig?.ecio) ?? num(raw.ecio))
  if (ecio !== undefined) band.ecio = ecio
  const rscp = round2(num(sig?.rscp) ?? num(raw.rscp))
  if (rscp !== undefined) band.rscp = rscp
  if (rssi === undefined) {
    const rsi = round2(num(sig?.rsi) ?? num(raw.rsi))
    if (rsi !== undefined) band.rssi = rsi
  }
  return band
}

/** The readable bands of `v` (when it is a list). */
function bandList(v: unknown, rat?: string): CellularBand[] {
  if (!Array.isArray(v)) return []
  const out = sized<CellularBand>(v.length)
  let n = 0
  for (let i = 0; i < v.length; i++) {
    const b = readBand(v[i], rat)
    if (b !== undefined) out[n++] = b
  }
  return trimmed(out, n)
}

/**
 * The bands of a cellular/modem detail object. When `rat[]` carries bands it wins over a
 * `band[]` sent alongside it, which would repeat the same bands during the 8.1.2 transition.
 */
export function readBands(detail: Obj): CellularBand[] {
  const rats = detail.rat
  if (Array.isArray(rats)) {
    let fromRat: CellularBand[] | undefined
    for (let i = 0; i < rats.length; i++) {
      const r = rats[i]
      if (!isObj(r)) continue
      const bands = bandList(r.band, text(r.name)?.trim())
      if (bands.length > 0) fromRat = fromRat ? fromRat.concat(bands) : bands
    }
    if (fromRat) return fromRat
  }
  return bandList(detail.band)
}

/**
 * dBm and 0–5 level of a Wi-Fi signal, from any of the spellings in use: a `signal`
 * number (old scan), `signal` {strength, level} (new clients, WAN status), a
 * `signalStrength` number (new scan) or {value, unit} object (old clients), `signalLevel`.
 * A level missing beside a known dBm is derived (wifiLevelFromDbm).
 */
export function readWifiSignal(o: Obj): { signalStrength?: number; signalLevel?: number } {
  return addWifiSignal(o, {})
}

/** Adds `signalStrength` and `signalLevel` (those known, in that order) to `out`. */
function addWifiSignal<T extends { signalStrength?: number; signalLevel?: number }>(o: Obj, out: T): T {
  const sig = o.signal
  const strengthObj = o.signalStrength
  const strength =
    num(sig) ??
    (isObj(sig) ? num(sig.strength) ?? num(sig.rssi) ?? num(sig.rsi) : undefined) ??
    num(strengthObj) ??
    (isObj(strengthObj) ? num(strengthObj.value) : undefined)
  const level = num(o.signalLevel) ?? (isObj(sig) ? num(sig.level) : undefined) ?? wifiLevelFromDbm(strength)
  const signalStrength = round2(strength)
  if (signalStrength !== undefined) out.signalStrength = signalStrength
  if (level !== undefined) out.signalLevel = level
  return out
}

/** The `wireless` detail of a Wi-Fi WAN, built in place (it is read on every status poll). */
export function readWifiWan(o: Obj): WifiWanStatus {
  const out: WifiWanStatus = {}
  const ssid = str(o.ssid)
  if (ssid !== undefined) out.ssid = ssid
  const bssid = addr(o.bssid)
  if (bssid !== undefined) out.bssid = bssid
  return addWifiSignal(o, out)
}
