/**
 * Answers of the cellular operations: carrier scan, channel/PCI scan, SIM selection, SMS
 * inbox and USSD.
 */
import type { CarrierChoice, CarrierScan, ChannelPciScan, ScannedCarrier, SimSelection, SmsInbox, SmsMessage, UssdReply } from '../model'
import { compact, expectObj, fail, int, isObj, num, numList, round2, str, strList, text, type Obj } from './read'

/** "scanning" while the modem is still looking; anything else means the list is final. */
function scanStatus(v: unknown): 'scanning' | 'done' {
  return text(v)?.trim().toLowerCase() === 'scanning' ? 'scanning' : 'done'
}

// mcc/mnc stay strings so "02" keeps its zero; a number (zero already lost) is written out.
function readCarrierChoice(v: unknown): CarrierChoice | undefined {
  if (!isObj(v)) return undefined
  const mcc = text(v.mcc)
  const mnc = text(v.mnc)
  if (mcc === undefined || mnc === undefined) return undefined
  return compact({ name: text(v.name), mcc, mnc, pcs: num(v.pcs) })
}

// The modem's operator states (3GPP: 0 unknown, 1 available, 2 current, 3 forbidden), as a word or a number.
const AVAILABILITY: Record<string, ScannedCarrier['availability']> = { available: 'available', '1': 'available', current: 'current', '2': 'current', forbidden: 'forbidden', '3': 'forbidden' }

function readScanned(v: unknown): ScannedCarrier | undefined {
  const c = readCarrierChoice(v)
  if (!c || !isObj(v)) return undefined
  const state = str(v.status ?? v.availability ?? v.state)?.trim().toLowerCase()
  const sig = isObj(v.signal) ? v.signal : v
  return compact({
    name: c.name ?? '', mobileType: text(v.mobileType), mcc: c.mcc, mnc: c.mnc, pcs: c.pcs,
    availability: state === undefined ? undefined : AVAILABILITY[state],
    signalLevel: num(sig.signalLevel ?? sig.level), rsrp: round2(num(sig.rsrp)),
  })
}

/** Normalises `cmd.carrier.scan` (GET and POST); carriers without mcc/mnc cannot be chosen and are left out. */
export function normalizeCarrierScan(raw: unknown): CarrierScan {
  const o = expectObj(raw, 'cmd.carrier.scan')
  if (o.scanStatus === undefined && !Array.isArray(o.list)) fail('cmd.carrier.scan', 'neither "scanStatus" nor "list"', raw)
  const scan: CarrierScan = {
    status: scanStatus(o.scanStatus),
    timestamp: num(o.timestamp),
    carriers: (Array.isArray(o.list) ? o.list : []).map(readScanned).filter((c): c is ScannedCarrier => c !== undefined),
  }
  const ref = isObj(o.reference) ? o.reference : undefined
  if (ref && 'activeSim' in ref) {
    const sim = ref.activeSim
    if (sim === null) scan.activeSimId = null
    else if (isObj(sim)) {
      scan.activeSimId = int(sim.simId) ?? null
      // The table says `selectedCarrier`, the example `cellularNetwork`; null means automatic.
      const chosen = 'selectedCarrier' in sim ? sim.selectedCarrier : sim.cellularNetwork
      scan.selectedCarrier = chosen === null ? null : readCarrierChoice(chosen)
    }
  }
  return compact(scan)
}

/** Normalises `cmd.channelPci.scan`; cells without pci or earfcn are left out. */
export function normalizeChannelPciScan(raw: unknown): ChannelPciScan {
  const o = expectObj(raw, 'cmd.channelPci.scan')
  if (o.scanStatus === undefined && !Array.isArray(o.list)) fail('cmd.channelPci.scan', 'neither "scanStatus" nor "list"', raw)
  const cells = (Array.isArray(o.list) ? o.list : []).flatMap((c) => {
    if (!isObj(c)) return []
    const pci = num(c.pci)
    const earfcn = num(c.earfcn)
    if (pci === undefined || earfcn === undefined) return []
    const plmn = (Array.isArray(c.plmn) ? c.plmn : []).flatMap((p) => {
      const mcc = isObj(p) ? text(p.mcc) : undefined
      const mnc = isObj(p) ? text(p.mnc) : undefined
      return mcc !== undefined && mnc !== undefined ? [{ mcc, mnc }] : []
    })
    // Radio values are not in the 8.1.1 reference: read flat or under `signal` where a router sends them.
    const sig = isObj(c.signal) ? c.signal : c
    return [compact({
      pci, earfcn, cellUtranId: num(c.cellUtranId), plmn,
      band: text(c.band) ?? text(c.bandName),
      rsrp: round2(num(sig.rsrp)), rsrq: round2(num(sig.rsrq)), sinr: round2(num(sig.sinr)), rssi: round2(num(sig.rssi) ?? num(sig.rsi)),
    })]
  })
  return compact({ status: scanStatus(o.scanStatus), timestamp: num(o.timestamp), cells })
}

/**
 * Normalises `cmd.wan.cellular`: `enabledSim`/`preferredSim` (8.0.0+), or 8.3.0's ordered
 * `simPriority`, whose first SIM is then the preferred one.
 */
export function normalizeSimSelection(raw: unknown): SimSelection {
  const o = expectObj(raw, 'cmd.wan.cellular')
  const priority = strList(o.simPriority) ?? numList(o.simPriority)?.map(String)
  const enabled = numList(o.enabledSim) ?? priority?.map(num).filter((n): n is number => n !== undefined)
  if (enabled === undefined) fail('cmd.wan.cellular', 'no "enabledSim" or "simPriority" list', raw)
  const preferred = o.preferredSim === null ? null : num(o.preferredSim)
  return compact({
    enabledSims: enabled.filter((n, i) => Number.isInteger(n) && enabled.indexOf(n) === i),
    preferredSim: preferred !== undefined ? preferred : priority ? (enabled[0] ?? null) : null,
    priority,
  })
}

function readMessage(m: Obj, sender: string): SmsMessage | undefined {
  const id = int(m.id)
  if (id === undefined) return undefined
  // The table says `content`; the example (and devices) say `message`.
  const body = typeof m.content === 'string' ? m.content : typeof m.message === 'string' ? m.message : ''
  return compact({
    id,
    sender: str(m.sender) ?? sender,
    date: text(m.date),
    timestamp: num(m.timestamp),
    length: num(m.length),
    text: body,
  })
}

/** Normalises `cmd.sms.get`; `connId` is the caller's own when the answer leaves it out. */
export function normalizeSms(raw: unknown, connId?: number): SmsInbox {
  const o = expectObj(raw, 'cmd.sms.get')
  const conn = num(o.connId) ?? connId
  if (conn === undefined) fail('cmd.sms.get', 'no "connId"', raw)
  const groups = Array.isArray(o.sms) ? o.sms : []
  const messages = groups.flatMap((g): SmsMessage[] => {
    if (!isObj(g)) return []
    const sender = str(g.sender) ?? ''
    // A group holds `message[]`; a flat message (no group) is accepted as itself.
    const list = Array.isArray(g.message) ? g.message : [g]
    return list.flatMap((m) => {
      const msg = isObj(m) ? readMessage(m, sender) : undefined
      return msg ? [msg] : []
    })
  })
  return compact({ connId: conn, simId: num(o.simId), messages })
}

/**
 * Normalises the USSD answer (`cmd.sendUssd`, or `cmd.sim.ussd.send` from 8.5.2: pass that
 * name for error messages). An answer with no body means "sent", with nothing to show.
 */
export function normalizeUssd(raw: unknown, endpoint = 'cmd.sendUssd'): UssdReply {
  if (raw === undefined || raw === null) return { message: '' }
  if (typeof raw === 'string') return { message: raw }
  const o = expectObj(raw, endpoint)
  return { message: str(o.message) ?? '' }
}
