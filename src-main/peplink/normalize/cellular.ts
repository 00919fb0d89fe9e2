/**
 * The cellular detail of a WAN (`cellular`, `gobi` before 8.0.1, or a USB `modem`) as
 * CellularStatus. SIM state arrives as status strings (reference) or as booleans
 * `simCardDetected`/`active` (real 8.x devices); both give the same SimSlot.
 */
import type { CellTower, ChannelPciLockState, CellularModule, CellularStatus, ModemInfo, RemoteSimStatus, RoamingStatus, SimInUse, SimSlot } from '../model'
import { readAllowanceMonitor } from './allowance'
import { readBands } from './bands'
import { asBuilt, bool, compact, extraFields, int, isObj, isSet, keyId, num, orderedEntries, sized, str, text, trimmed, type Obj } from './read'

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
  const lock: ChannelPciLockState = { channel }
  const pci = int(v.pci)
  if (pci !== undefined) lock.pci = pci
  return lock
}

function readSims(v: unknown): SimSlot[] {
  if (Array.isArray(v)) {
    const out = sized<SimSlot>(v.length)
    let n = 0
    for (let i = 0; i < v.length; i++) {
      const s = v[i]
      const id = isObj(s) ? int(s.id) : undefined
      if (id !== undefined) out[n++] = readSim(id, s as Obj)
    }
    return trimmed(out, n)
  }
  if (!isObj(v)) return []
  const entries = orderedEntries(v)
  const out = sized<SimSlot>(entries.length)
  let n = 0
  for (let i = 0; i < entries.length; i++) {
    const { key, value } = entries[i]!
    const id = keyId(key) ?? int(value.id)
    if (id !== undefined) out[n++] = readSim(id, value)
  }
  return trimmed(out, n)
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

// The small detail objects below are read on every status poll: each is built in place, its
// fields in the model's order and only those known (what compact() of a literal gives).
function readCellTower(v: unknown): CellTower | undefined {
  if (!isObj(v)) return undefined
  const t = {} as CellTower
  const cellId = num(v.cellId)
  if (cellId !== undefined) t.cellId = cellId
  const cellPlmn = num(v.cellPlmn)
  if (cellPlmn !== undefined) t.cellPlmn = cellPlmn
  const cellUtranId = num(v.cellUtranId)
  if (cellUtranId !== undefined) t.cellUtranId = cellUtranId
  const tac = num(v.tac)
  if (tac !== undefined) t.tac = tac
  const lac = num(v.lac)
  if (lac !== undefined) t.lac = lac
  t.extra = extraFields(v, TOWER_KEYS)
  return t
}

function readRemoteSim(v: unknown): RemoteSimStatus | undefined {
  if (!isObj(v)) return undefined
  const r = {} as RemoteSimStatus
  const active = bool(v.active)
  if (active !== undefined) r.active = active
  const imsi = text(v.imsi)
  if (imsi !== undefined) r.imsi = imsi
  const serialNumber = text(v.serialNumber)
  if (serialNumber !== undefined) r.serialNumber = serialNumber
  const slot = num(v.slot)
  if (slot !== undefined) r.slot = slot
  const autoApn = bool(v.autoApn)
  if (autoApn !== undefined) r.autoApn = autoApn
  const apn = str(v.apn)
  if (apn !== undefined) r.apn = apn
  const apnUsername = text(v.username)
  if (apnUsername !== undefined) r.apnUsername = apnUsername
  r.hasApnPassword = isSet(v.password)
  return r
}

function readCarrier(v: unknown): { name?: string; country?: string } | undefined {
  if (typeof v === 'string') return v === '' ? undefined : { name: v }
  if (!isObj(v)) return undefined
  const name = text(v.name)
  const country = text(v.country)
  if (name === undefined) return country === undefined ? undefined : { country }
  return country === undefined ? { name } : { name, country }
}

const CELLULAR_KEYS = new Set([
  'roamingStatus', 'network', 'mobileType', 'dataTechnology', 'sim', 'remoteSim', 'carrier',
  'carrierAggregation', 'signalLevel', 'meid', 'imei', 'esn', 'mode', 'band', 'rat', 'mcc',
  'mnc', 'cellTower', 'manufacturer', 'model', 'firmware', 'modulePowerOn', 'speedfusionConnect5gLte',
])

/** SpeedFusion Connect 5G/LTE, the built-in eSIM: `{active, imsi}`. */
function readSpeedfusionConnect(v: unknown): { active: boolean; imsi?: string; iccid?: string } | undefined {
  if (!isObj(v)) return undefined
  const s: { active: boolean; imsi?: string; iccid?: string } = { active: bool(v.active) ?? false }
  const imsi = text(v.imsi)
  if (imsi !== undefined) s.imsi = imsi
  const iccid = text(v.iccid)
  if (iccid !== undefined) s.iccid = iccid
  return s
}

/** The module's identity, from the cellular object or (some 8.5 answers) the WAN beside it. */
function readModule(d: Obj, wan: Obj | undefined): CellularModule | undefined {
  const m: CellularModule = {}
  let any = false
  const manufacturer = text(d.manufacturer) ?? text(wan?.manufacturer)
  if (manufacturer !== undefined) (m.manufacturer = manufacturer), (any = true)
  const model = text(d.model) ?? text(wan?.model)
  if (model !== undefined) (m.model = model), (any = true)
  const firmware = text(d.firmware) ?? text(wan?.firmware)
  if (firmware !== undefined) (m.firmware = firmware), (any = true)
  const imei = text(d.imei)
  if (imei !== undefined) (m.imei = imei), (any = true)
  const powerOn = bool(d.modulePowerOn) ?? bool(wan?.modulePowerOn)
  if (powerOn !== undefined) (m.powerOn = powerOn), (any = true)
  return any ? m : undefined
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

/** `meid` {hex, dec}; undefined when it has neither. */
function readMeid(v: Obj): { hex?: string; dec?: string } | undefined {
  const hex = text(v.hex)
  const dec = text(v.dec)
  if (hex === undefined) return dec === undefined ? undefined : { dec }
  return dec === undefined ? { hex } : { hex, dec }
}

/** The `cellular` / `gobi` object; `wan` is the WAN object around it (its `cellTower`, module fields). */
export function readCellular(d: Obj, wan?: Obj): CellularStatus {
  const sims = readSims(d.sim)
  const meid = isObj(d.meid) ? readMeid(d.meid) : undefined
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
    meid,
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
