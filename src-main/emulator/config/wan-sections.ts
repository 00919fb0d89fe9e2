/**
 * Validation of the optional config.wan.connection sections: allowance monitor, DDNS,
 * cellular (SIMs, signal thresholds) and Wi-Fi WAN radio/roaming settings.
 */
import type { Json, JsonObject } from '../json'
import {
  asObject, intItem, invalidParam, optArray, optBool, optEnum, optInt, optObject, optString, stringItem,
} from '../validate'

const ACTIONS = ['email', 'disconnect', 'restrict']

/** bandwidthAllowanceMonitor {enable, action[], start [0,28], monthlyAllowance{value, unit}}. */
export function validateAllowanceMonitor(o: JsonObject, path: string): void {
  optBool(o, 'enable', path)
  const actions = optArray(o, 'action', path, (v, p) => {
    if (typeof v !== 'string' || !ACTIONS.includes(v)) invalidParam(p, `must be one of: ${ACTIONS.join(', ')}`)
  })
  if (actions && new Set(actions).size !== actions.length) invalidParam(`${path}.action`, 'must not repeat an action')
  optInt(o, 'start', path, 0, 28)
  const m = optObject(o, 'monthlyAllowance', path)
  if (m) {
    optInt(m, 'value', `${path}.monthlyAllowance`, 1, 1_000_000_000, { required: true })
    optEnum(m, 'unit', `${path}.monthlyAllowance`, ['MB', 'GB', 'TB'], { required: true })
  }
}

/** ddns: the account fields are required whenever DDNS is being enabled. */
export function validateDdns(o: JsonObject, path: string): void {
  optBool(o, 'enable', path)
  const provider = optEnum(o, 'provider', path, ['changeip', 'dyndns', 'noip', 'tzo', 'dnsomatic', 'others'])
  if (provider !== undefined && provider !== 'others' && o.customUrl !== undefined) invalidParam(`${path}.customUrl`, 'is only for provider "others"')
  optString(o, 'customUrl', path)
  const required = o.enable !== false
  optBool(o, 'useWanIp', path, { required })
  optString(o, 'username', path, { required })
  optString(o, 'password', path, { required })
  const hosts = optArray(o, 'host', path, stringItem, { required })
  if (hosts && hosts.length === 0 && provider !== 'dnsomatic') invalidParam(`${path}.host`, 'may only be empty for provider dnsomatic')
}

function thresholds(o: JsonObject, path: string, rssi: [number, number]): void {
  optArray(o, 'signalLevel', path, intItem(0, 5), { nullable: true })
  optArray(o, 'rsrp', path, intItem(-140, -44), { nullable: true })
  optArray(o, 'sinr', path, intItem(-100, 100), { nullable: true })
  optArray(o, 'rsi', path, intItem(rssi[0], rssi[1]), { nullable: true })
}

function carrierItem(v: Json, path: string): void {
  const o = asObject(v, path)
  optString(o, 'mcc', path, { pattern: /^\d{3}$/ })
  optString(o, 'mnc', path, { pattern: /^\d{1,3}$/ })
  optInt(o, 'pcs', path, 0, 1)
  optString(o, 'name', path)
  optString(o, 'plmn', path, { pattern: /^\d{5,6}$/ })
}

function simItem(v: Json, path: string): void {
  const s = asObject(v, path)
  optInt(s, 'id', path, 1, 2, { required: true })
  if (s.carrierSelection === undefined) invalidParam(`${path}.carrierSelection`, 'is required (JSON null for automatic)')
  optArray(s, 'carrierSelection', path, carrierItem, { nullable: true })
  optEnum(s, 'mobileType', path, ['LTE', '3G', '2G'])
  const on = optObject(s, 'optimalNetwork', path, { nullable: true })
  if (on) {
    optInt(on, 'discovery', `${path}.optimalNetwork`, 5, 480)
    optArray(on, 'period', `${path}.optimalNetwork`, intItem(0, 1440))
  }
  optArray(s, 'bandSelection', path, stringItem, { nullable: true })
  const r = optObject(s, 'roaming', path)
  if (r) {
    optBool(r, 'enable', `${path}.roaming`)
    optArray(r, 'accessControlList', `${path}.roaming`, intItem(0, 1_000_000), { nullable: true })
    optEnum(r, 'mode', `${path}.roaming`, ['whitelist', 'blacklist'], { nullable: true })
  }
  optEnum(s, 'authentication', path, ['pap', 'chap'], { nullable: true })
  const op = optObject(s, 'operator', path, { nullable: true })
  if (op) {
    for (const k of ['apn', 'username', 'password']) optString(op, k, `${path}.operator`)
    optString(op, 'dialNumber', `${path}.operator`, { pattern: /^[0-9*#]+$/ })
  }
  optString(s, 'simPin', path, { nullable: true, pattern: /^\d{4,8}$/ })
  const bam = optObject(s, 'bandwidthAllowanceMonitor', path)
  if (bam) validateAllowanceMonitor(bam, `${path}.bandwidthAllowanceMonitor`)
}

/** cellular {simCardScheme, preferredSim, sim[], signalThreshold, ...}. */
export function validateCellular(o: JsonObject, path: string): void {
  optBool(o, 'useExternalAntenna', path)
  const scheme = optEnum(o, 'simCardScheme', path, ['', '1', '2', 'alternate', 'remote_sim'])
  if (scheme === 'remote_sim') invalidParam(`${path}.simCardScheme`, 'remote_sim is not supported by this device')
  optInt(o, 'preferredSim', path, 1, 2)
  optInt(o, 'idleTimeout', path, 0, 86400, { nullable: true })
  optInt(o, 'failbackTimeout', path, 0, 86400, { nullable: true })
  optArray(o, 'remoteSim', path, stringItem, { nullable: true })
  const alt = optObject(o, 'alternateSim', path)
  if (alt && scheme !== 'alternate') invalidParam(`${path}.alternateSim`, 'is only for simCardScheme "alternate"')
  if (alt) {
    optInt(alt, 'day', `${path}.alternateSim`, 0, 31, { required: true })
    optInt(alt, 'hour', `${path}.alternateSim`, 0, 23, { required: true })
  }
  optArray(o, 'sim', path, simItem, { max: 2 })
  const st = optObject(o, 'signalThreshold', path)
  if (st) thresholds(st, `${path}.signalThreshold`, [-125, -10])
}

function roamingAlgorithm(a: JsonObject, path: string): void {
  optEnum(a, 'type', path, ['normal', 'advanced', 'express'])
  const d = optObject(a, 'detail', path)
  if (!d) return
  const p = `${path}.detail`
  const sl = optObject(d, 'signalLevel', p)
  if (sl) {
    optInt(sl, 'threshold', `${p}.signalLevel`, -95, -40)
    optInt(sl, 'gain', `${p}.signalLevel`, 5, 55)
  }
  optInt(d, 'checkInterval', p, 5, 3600)
  const is = optObject(d, 'intensiveScan', p)
  if (is) {
    optBool(is, 'enable', `${p}.intensiveScan`)
    optInt(is, 'signalLevel', `${p}.intensiveScan`, -95, -40)
    optInt(is, 'scanInterval', `${p}.intensiveScan`, 1, 3600)
  }
  optEnum(d, 'diagnosticLevel', p, ['minimum', 'basic', 'detail'])
  const fr = optObject(d, 'forceRoam', p)
  if (fr) {
    optBool(fr, 'enable', `${p}.forceRoam`)
    optInt(fr, 'threshold', `${p}.forceRoam`, -95, -1)
  }
  optInt(d, 'confirmPeriod', p, 0, 3600)
  const bd = optObject(d, 'backupDisconnect', p)
  if (bd) {
    optEnum(bd, 'mode', `${p}.backupDisconnect`, ['no', 'immediate', 'delay'])
    optInt(bd, 'delay', `${p}.backupDisconnect`, 0, 3600)
  }
  optInt(d, 'authenticationTimeout', p, 0, 3600)
}

/** wifi (Wi-Fi WAN radio) section. */
export function validateWifi(o: JsonObject, path: string): void {
  optInt(o, 'country', path, 0, 999)
  optEnum(o, 'channelWidth', path, ['20 MHz', '20/40 MHz', '40MHz', '80 MHz', '20/40/80 MHz', 'auto'])
  optArray(o, 'channel', path, intItem(0, 196))
  optEnum(o, 'power', path, ['custom', 'auto', 'manual', 'high', 'medium', 'low', 'max'])
  optBool(o, 'powerBoost', path)
  optString(o, 'dataRate', path, { pattern: /^MCS[0-9]$/ })
  const r = optObject(o, 'roaming', path)
  if (r) {
    optBool(r, 'enable', `${path}.roaming`)
    const a = optObject(r, 'algorithm', `${path}.roaming`)
    if (a) roamingAlgorithm(a, `${path}.roaming.algorithm`)
  }
  optBool(o, 'autoConnect', path)
  optInt(o, 'beaconMissCounter', path, 2, 100)
  optInt(o, 'channelScanInterval', path, 5, 1000)
  const st = optObject(o, 'signalThreshold', path)
  if (st) thresholds(st, `${path}.signalThreshold`, [-192, 63])
}
