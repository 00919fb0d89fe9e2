/**
 * `status.wan.connection.signal` -> SignalReport[], and the same reports derived from
 * `status.wan.connection` for firmware (8.5.2+) that no longer has the signal endpoint.
 */
import type { ReadingTime, SignalReport, Wan } from '../model'
import { readBands, readWifiSignal } from './bands'
import { compact, int, isObj, keyId, listMap, num, text, type Obj } from './read'
import { readReadingTime, wanType } from './wan-status'

const ENDPOINT = 'status.wan.connection.signal'

function readReport(id: number, o: Obj, answerTime: ReadingTime | undefined): SignalReport {
  const virtualType = text(o.virtualType) === undefined ? undefined : wanType(text(o.virtualType))
  const wifiInfo = isObj(o.wifi) ? o.wifi : undefined
  const isWifi = virtualType === 'wifi' || wifiInfo !== undefined
  const wifiSignal = isWifi ? readWifiSignal(o) : {}
  const sim = isObj(o.activeSim) ? o.activeSim : undefined
  return compact({
    id,
    virtualType,
    signalLevel: num(o.signalLevel) ?? wifiSignal.signalLevel,
    bands: readBands(o),
    wifi: isWifi
      ? compact({ ssid: text(wifiInfo?.ssid), securityPolicy: text(wifiInfo?.securityPolicy), ...wifiSignal })
      : undefined,
    activeSim: sim ? compact({ carrierName: text(sim.carrierName), network: text(sim.network) }) : undefined,
    reading: readReadingTime(o) ?? answerTime,
  })
}

/** Normalises `status.wan.connection.signal`; WANs the router shows as null are left out. */
export function normalizeSignal(raw: unknown): SignalReport[] {
  const answerTime = isObj(raw) ? readReadingTime(raw) : undefined
  return listMap(raw, ENDPOINT, ['timestamp', 'reportTimestamp']).flatMap(({ key, value }) => {
    const id = keyId(key) ?? int(value.id)
    return id === undefined ? [] : [readReport(id, value, answerTime)]
  })
}

/** The signal reports a `status.wan.connection` answer carries (cellular, modem and Wi-Fi WANs). */
export function signalReportsFromWans(wans: readonly Wan[]): SignalReport[] {
  return wans.flatMap((w) => {
    if (!w.cellular && !w.wifi) return []
    const c = w.cellular
    return [
      compact({
        id: w.id,
        virtualType: w.virtualType ?? w.type,
        signalLevel: c?.signalLevel ?? w.wifi?.signalLevel,
        bands: c?.bands ?? [],
        wifi: w.wifi
          ? compact({ ssid: w.wifi.ssid, signalStrength: w.wifi.signalStrength, signalLevel: w.wifi.signalLevel })
          : undefined,
        activeSim: c ? compact({ carrierName: c.carrier?.name, network: c.mobileType }) : undefined,
        reading: w.reading,
      }),
    ]
  })
}
