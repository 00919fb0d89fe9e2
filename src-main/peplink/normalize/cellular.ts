/**
 * The cellular detail of a WAN (`cellular`, `gobi` before 8.0.1, or a USB `modem`) as
 * CellularStatus. SIM state arrives as status strings (reference) or as booleans
 * `simCardDetected`/`active` (real 8.x devices); both give the same SimSlot.
 */
import type { CellTower, ChannelPciLockState, CellularModule, CellularStatus, ModemInfo, RemoteSimStatus, RoamingStatus, SimInUse, SimSlot } from '../model'
import { readAllowanceMonitor } from './allowance'
import { readBands } from './bands'
import { asBuilt, bool, compact, extraFields, int, isObj, isSet, keyId, num, orderedEntries, str, text, type Obj } from './read'

const SIM_STATUS: Record<string, { detected: boolean; active: boolean }> = {
  'in use': { detected: true, active: true },
  'sim card detected': { detected: true, active: false },
  'no sim card detected': { detected: false, active: false },
}

/** One SIM slot from either spelling; the status text is rebuilt from the flags so both agree. */
export function readSim(id: number, o: Obj): SimSlot {
  const rawStatus = text(o.status)?.trim()
  const known = rawStatus === undefined ? undefined : SIM_STATUS[rawStatus.toLowerCase()]
  const iccid = text(o.iccid)
  const imsi = text(o.imsi)
  const active = bool(o.active) ?? known?.active ?? false
  // A SIM that is in use is obviously present, whatever else was said.
  const detected = active || (bool(o.simCardDetected) ?? known?.detected ?? (iccid !== undefined || imsi !== undefined))
  const status =
    rawStatus !== undefined && known === undefined
      ? rawStatus
      : active ? 'In Use' : detected ? 'SIM Card Detected' : 'No SIM Card Detected'
  return asBuilt({
    id,
    detected,
    active,
    status,
    iccid,
    imsi,
    apn: str(o.apn),
    apnUsername: text(o.username),
    autoApn: bool(o.autoApn),
    mtn: text(o.mtn),
    hasApnPassword: isSet(o.password),
    allowanceMonitor: readAllowanceMonitor(o.bandwidthAllowanceMonitor),
    channelPciLock: readLock(o.channelPciLock),
  })
}

/** `channelPciLock`: `{channel, pci?}`, or null for "no lock"; undefined when not sent or unreadable. */
function readLock(v: unknown): ChannelPciLockState | null | undefined {
  if (v === null) return null
  if (!isObj(v)) return undefined
  const channel = int(v.channel) ?? int(v.earfcn)
  if (channel === undefined) return undefined
  return compact({ channel, pci: int(v.pci) })
}

function readSims(v: unknown): SimSlot[] {
  const out: SimSlot[] = []
  if (Array.isArray(v)) {
    for (const s of v) {
      const id = isObj(s) ? int(s.id) : undefined
      if (id !== undefined) out.push(readSim(id, s as Obj))
    }
  } else if (isObj(v)) {
    for (const { key, value } of orderedEntries(v)) {
      const id = keyId(key) ?? int(value.id)
      if (id !== undefined) out.push(readSim(id, value))
    }
  }
  return out
}

const ROAMING_CODES: Record<string, number> = { roaming: 0, home: 1, 'roaming partner': 2 }
const ROAMING_TEXT = ['roaming', 'home', 'roaming partner']

/** `roamingStatus` {code, message}; either half is enough. */
function readRoaming(v: unknown): RoamingStatus | undefined {
  if (!isObj(v)) return undefined
  const message = text(v.message)?.trim()
  const code = int(v.code) ?? (message === undefined ? undefined : ROAMING_CODES[message.toLowerCase()])
  if (code === undefined) return undefined
  const said = message ?? ROAMING_TEXT[code] ?? ''
  return { code, message: said, roaming: code === 1 ? false : code === 0 || code === 2 ? true : !/home/i.test(said) }
}

const TOWER_KEYS = new Set(['cellId', 'cellPlmn', 'cellUtranId', 'tac', 'lac'])

function readCellTower(v: unknown): CellTower | undefined {
  if (!isObj(v)) return undefined
  return compact({
    cellId: num(v.cellId),
    cellPlmn: num(v.cellPlmn),
    cellUtranId: num(v.cellUtranId),
    tac: num(v.tac),
    lac: num(v.lac),
    extra: extraFields(v, TOWER_KEYS),
  })
}

function readRemoteSim(v: unknown): RemoteSimStatus | undefined {
  if (!isObj(v)) return undefined
  return compact({
    active: bool(v.active),
    imsi: text(v.imsi),
    serialNumber: text(v.serialNumber),
    slot: num(v.slot),
    autoApn: bool(v.autoApn),
    apn: str(v.apn),
    apnUsername: text(v.username),
    hasApnPassword: isSet(v.password),
  })
}

function readCarrier(v: unknown): { name?: string; country?: string } | undefined {
  if (typeof v === 'string') return v === '' ? undefined : { name: v }
  if (!isObj(v)) return undefined
  const c = compact({ name: text(v.name), country: text(v.country) })
  return Object.keys(c).length > 0 ? c : undefined
}

const CELLULAR_KEYS = new Set([
  'roamingStatus', 'network', 'mobileType', 'dataTechnology', 'sim', 'remoteSim', 'carrier',
  'carrierAggregation', 'signalLevel', 'meid', 'imei', 'esn', 'mode', 'band', 'rat', 'mcc',
  'mnc', 'cellTower', 'manufacturer', 'model', 'firmware', 'modulePowerOn', 'speedfusionConnect5gLte',
])

/** SpeedFusion Connect 5G/LTE, the built-in eSIM: `{active, imsi}`. */
function readSpeedfusionConnect(v: unknown): { active: boolean; imsi?: string; iccid?: string } | undefined {
  if (!isObj(v)) return undefined
  return compact({ active: bool(v.active) ?? false, imsi: text(v.imsi), iccid: text(v.iccid) })
}

/** The module's identity, from the cellular object or (some 8.5 answers) the WAN beside it. */
function readModule(d: Obj, wan: Obj | undefined): CellularModule | undefined {
  const m = compact({
    manufacturer: text(d.manufacturer) ?? text(wan?.manufacturer),
    model: text(d.model) ?? text(wan?.model),
    firmware: text(d.firmware) ?? text(wan?.firmware),
    imei: text(d.imei),
    powerOn: bool(d.modulePowerOn) ?? bool(wan?.modulePowerOn),
  })
  return Object.keys(m).length > 0 ? m : undefined
}

/**
 * Which SIM carries the WAN. A physical slot marked active wins; else the SpeedFusion Connect
 * eSIM when it says it is active (then every physical SIM reads inactive); else a remote SIM
 * that says it is active.
 */
function simInUseOf(sims: SimSlot[], sfc: { active: boolean } | undefined, remote: RemoteSimStatus | undefined): SimInUse | undefined {
  const physical = sims.find((s) => s.active)
  if (physical) return { kind: 'physical', simId: physical.id }
  if (sfc?.active) return { kind: 'esim' }
  if (remote?.active) return { kind: 'remote' }
  return undefined
}

/** The `cellular` / `gobi` object; `wan` is the WAN object around it (its `cellTower`, module fields). */
export function readCellular(d: Obj, wan?: Obj): CellularStatus {
  const sims = readSims(d.sim)
  const meid = isObj(d.meid) ? compact({ hex: text(d.meid.hex), dec: text(d.meid.dec) }) : undefined
  const speedfusionConnect = readSpeedfusionConnect(d.speedfusionConnect5gLte)
  const remoteSim = readRemoteSim(d.remoteSim)
  return asBuilt({
    carrier: readCarrier(d.carrier),
    mcc: text(d.mcc),
    mnc: text(d.mnc),
    mobileType: text(d.mobileType) ?? text(d.network),
    dataTechnology: text(d.dataTechnology),
    roaming: readRoaming(d.roamingStatus),
    signalLevel: num(d.signalLevel),
    carrierAggregation: bool(d.carrierAggregation),
    imei: text(d.imei),
    esn: text(d.esn),
    meid: meid && Object.keys(meid).length > 0 ? meid : undefined,
    mode: text(d.mode),
    sims,
    activeSimId: sims.find((s) => s.active)?.id,
    simInUse: simInUseOf(sims, speedfusionConnect, remoteSim),
    speedfusionConnect,
    module: readModule(d, wan),
    bands: readBands(d),
    cellTower: readCellTower(d.cellTower) ?? readCellTower(wan?.cellTower),
    remoteSim,
    extra: extraFields(d, CELLULAR_KEYS),
  })
}

const MODEM_KEYS = new Set([
  'name', 'vendorId', 'productId', 'manufacturer', 'carrier', 'signalLevel', 'network', 'mobileType',
  'imsi', 'iccid', 'esn', 'mtn', 'apn', 'username', 'password', 'dialNumber', 'band', 'rat', 'mcc', 'mnc',
])

/** A USB `modem` object: the same cellular view, with the adaptor and SIM details in `modem`. */
export function readModem(d: Obj): CellularStatus {
  const modem: ModemInfo = compact({
    name: text(d.name),
    vendorId: num(d.vendorId),
    productId: num(d.productId),
    manufacturer: text(d.manufacturer),
    imsi: text(d.imsi),
    iccid: text(d.iccid),
    mtn: text(d.mtn),
    apn: str(d.apn),
    apnUsername: text(d.username),
    dialNumber: text(d.dialNumber),
    hasApnPassword: isSet(d.password),
  })
  return compact({
    carrier: readCarrier(d.carrier),
    mcc: text(d.mcc),
    mnc: text(d.mnc),
    mobileType: text(d.mobileType) ?? text(d.network),
    signalLevel: num(d.signalLevel),
    esn: text(d.esn),
    sims: [],
    bands: readBands(d),
    modem,
    extra: extraFields(d, MODEM_KEYS),
  })
}
