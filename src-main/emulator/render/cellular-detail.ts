/**
 * The cellular detail object of status.wan.connection, in the shape of the running
 * firmware: `gobi` before 8.0.1, `band[]` up to 8.1.1, `rat[].band[]` from 8.1.2.
 */
import { cellularLink, signalLevel, signalNow, type CellularLink } from '../cellular-link'
import { coverageDropDb } from '../drive'
import { atLeast, before, compareVersions } from '../firmware'
import { artefactFloat, type Json, type JsonObject } from '../json'
import type { Allowance, Cell, CellularWan, SignalBase, SimSlot } from '../state-types'

/** The allowance monitor object (shared with the WAN-level one; real routers spell `hasSmtp`). */
export function monitorOf(a: Allowance): JsonObject {
  return { enable: a.enable, hasSmtp: a.action.includes('email'), action: [...a.action], start: a.start, monthlyAllowance: { value: a.limitMb, unit: 'MB' } }
}

const HIDDEN = '@~HiDdEn~@'


/** A SIM slot: status strings (reference), booleans (real 8.x) or both on 8.1.1. */
function renderSim(sim: SimSlot, active: boolean, fw: string, lite: boolean): JsonObject {
  const o: JsonObject = {}
  if (before(fw, '8.0.1') || compareVersions(fw, '8.1.1') === 0) {
    o.status = active ? 'In Use' : sim.detected ? 'SIM Card Detected' : 'No SIM Card Detected'
  }
  if (atLeast(fw, '8.0.1')) {
    o.simCardDetected = sim.detected
    o.active = active
    o.autoApn = sim.autoApn
  }
  if (sim.detected && !lite) {
    o.apn = sim.apn
    o.username = sim.username
    o.password = sim.password ? HIDDEN : ''
    o.imsi = sim.imsi
    o.iccid = sim.iccid
    o.mtn = sim.mtn
  }
  if (atLeast(fw, '8.1.1')) o.channelPciLock = sim.lock ? { ...sim.lock } : null
  // 8.3+ devices report each SIM's own allowance monitor inside the SIM entry.
  if (atLeast(fw, '8.3.0') && !lite) o.bandwidthAllowanceMonitor = monitorOf(sim.allowance)
  return o
}

/** Float values carry binary artefacts from 8.1.2 on, as real devices print them. */
function num(fw: string, v: number): Json {
  return atLeast(fw, '8.1.2') ? artefactFloat(v) : v
}

function renderSignal(cell: Cell, sig: SignalBase, fw: string): JsonObject {
  const rssiKey = before(fw, '8.0.1') ? 'rsi' : 'rssi'
  if (cell.rat === '3G') {
    return { [rssiKey]: sig.rssi, ecio: num(fw, sig.ecio ?? 0), rscp: sig.rscp ?? 0 }
  }
  return { [rssiKey]: sig.rssi, sinr: num(fw, sig.sinr), rsrp: sig.rsrp, rsrq: num(fw, sig.rsrq) }
}

function renderBand(cell: Cell, sig: SignalBase, fw: string): JsonObject {
  const band: JsonObject = { name: cell.bandName }
  if (atLeast(fw, '8.1.2')) {
    band.channel = cell.earfcn
    band.channelWidth = cell.rat === '3G' ? '5 MHz' : '20 MHz'
  }
  band.signal = renderSignal(cell, sig, fw)
  return band
}

/** Primary and (carrier aggregation) secondary cells with their live signal. */
function bandsOf(wan: CellularWan, link: CellularLink, now: number): { cell: Cell; sig: SignalBase }[] {
  if (!link.attached || !link.cell) return []
  const cs = wan.cellular
  const off = cs.antennaOffsetDb - (cs.drive ? coverageDropDb(cs.drive, now) : 0)
  const out = [{ cell: link.cell, sig: withAntenna(signalNow(link.cell, wan.cellular.signalOverride, now), off) }]
  for (const s of link.secondaries) out.push({ cell: s, sig: withAntenna(signalNow(s, null, now), off) })
  return out
}

/** Where the antenna is (scenario antenna-survey): a better place adds dB to every reading. */
function withAntenna(sig: SignalBase, offsetDb: number): SignalBase {
  if (!offsetDb) return sig
  return { ...sig, rsrp: sig.rsrp + offsetDb, rssi: sig.rssi + offsetDb, sinr: Math.round((sig.sinr + offsetDb / 2) * 10) / 10 }
}

/** Rendered band list for status.wan.connection.signal and the detail object. */
export function renderBands(wan: CellularWan, link: CellularLink, fw: string, now: number): JsonObject[] {
  return bandsOf(wan, link, now).map((b) => renderBand(b.cell, b.sig, fw))
}

/** 0–5 bars of the serving cell (0 when not registered). */
export function levelOf(wan: CellularWan, link: CellularLink, now: number): number {
  const b = bandsOf(wan, link, now)[0]
  return b ? signalLevel(b.sig, b.cell.rat) : 0
}

/** The `gobi`/`cellular` detail object. */
export function renderCellularDetail(wan: CellularWan, fw: string, now: number, lite: boolean): JsonObject {
  const cs = wan.cellular
  const link = cellularLink(wan, now)
  const d: JsonObject = {}
  const net = link.attached ? link.network : null
  if (net) {
    d.roamingStatus = link.roaming ? { code: 0, message: 'roaming' } : { code: 1, message: 'home' }
    d.network = net.mobileType
    if (atLeast(fw, '8.0.1')) {
      d.mobileType = net.mobileType
      d.dataTechnology = net.mobileType === '3G' ? 'HSPA+' : link.secondaries.length ? 'LTE-A' : 'LTE'
    }
  }
  const sims: JsonObject = { order: [1, 2] }
  for (const id of [1, 2] as const) sims[String(id)] = renderSim(cs.sims[id], cs.activeSim === id, fw, lite)
  d.sim = sims
  if (net) d.carrier = lite ? { name: net.name } : { name: net.name, country: net.country }
  d.carrierAggregation = link.secondaries.length > 0
  d.signalLevel = levelOf(wan, link, now)
  if (!lite) d.imei = cs.imei
  if (atLeast(fw, '8.3.0') && !lite) {
    // The module names itself (what a support case asks for), and says it is powered.
    d.manufacturer = cs.moduleManufacturer
    d.model = cs.moduleModel
    d.firmware = cs.moduleFirmware
    d.modulePowerOn = true
    // Sent empty rather than left out on a module that has none (public 8.3 captures).
    d.meid = { hex: '', dec: '' }
    d.esn = ''
  }
  // SpeedFusion Connect 5G/LTE: present whenever the service exists, active or not.
  if (cs.sfc && atLeast(fw, '8.3.0')) d.speedfusionConnect5gLte = { active: cs.sfc.active, imsi: cs.sfc.imsi }
  const bands = renderBands(wan, link, fw, now)
  if (before(fw, '8.1.2')) d.band = bands
  else d.rat = bands.length > 0 ? [{ name: '', band: bands }] : []
  // mcc/mnc are strings with leading zeros, and absent while the modem is not attached.
  if (net) {
    d.mcc = net.mcc
    d.mnc = net.mnc
  }
  if (net && link.cell) {
    const c = link.cell
    const tower: JsonObject = { cellId: c.cellUtranId & 0xff, cellPlmn: Number(net.mcc + net.mnc), cellUtranId: c.cellUtranId }
    if (c.rat === 'LTE') tower.tac = c.tac
    else tower.lac = 4021
    d.cellTower = tower
  }
  return d
}
