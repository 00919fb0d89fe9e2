/**
 * The radio environment and SIMs of the emulated cellular modem (BR1 Pro 5G).
 * Networks follow the reference's Hong Kong examples (.csl 454/00, SmarTone 454/06).
 */
import type { Allowance, Cell, CellularState, Network, SimSlot, SmsEntry } from '../state-types'

const CSL: Network = { name: '.csl', mcc: '454', mnc: '00', mobileType: 'LTE', country: 'Hong Kong' }
const SMARTONE: Network = { name: 'SmarTone', mcc: '454', mnc: '06', mobileType: 'LTE', country: 'Hong Kong' }
const THREE: Network = { name: '3 HK', mcc: '454', mnc: '03', mobileType: 'LTE', country: 'Hong Kong' }
const CMHK: Network = { name: 'China Mobile HK', mcc: '454', mnc: '12', mobileType: 'LTE', country: 'Hong Kong' }
const PCCW3G: Network = { name: 'PCCW-HKT', mcc: '454', mnc: '19', mobileType: '3G', country: 'Hong Kong' }

/** A SIM's home network abroad, used by the roaming scenario. */
export const UK_HOME: Network = { name: 'EE', mcc: '234', mnc: '30', mobileType: 'LTE', country: 'United Kingdom' }
/** A network that is never in range, used by the carrier-locked scenario. */
export const ABSENT_NETWORK = { name: 'Vodafone HK', mcc: '454', mnc: '16', pcs: 0 }

function lte(pci: number, earfcn: number, id: number, net: Network, band: string, s: [number, number, number, number]): Cell {
  return {
    pci,
    earfcn,
    cellUtranId: id,
    tac: 10000 + (pci % 97),
    mcc: net.mcc,
    mnc: net.mnc,
    rat: 'LTE',
    bandName: band,
    signal: { rsrp: s[0], rsrq: s[1], sinr: s[2], rssi: s[3], drift: true },
  }
}

/** Every cell the modem can hear; the first cell of a network is its best (serving) cell. */
function seedCells(): Cell[] {
  const b3 = 'LTE Band 3 (1800 MHz)'
  const b7 = 'LTE Band 7 (2600 MHz)'
  const b28 = 'LTE Band 28 (700 MHz)'
  return [
    lte(77, 1350, 23574039, CSL, b3, [-84, -9, 19.4, -60]),
    lte(371, 3000, 23574040, CSL, b7, [-101, -13, 6.6, -72]),
    lte(12, 9360, 23574041, CSL, b28, [-95, -11, 11.2, -66]),
    lte(140, 1450, 31205121, SMARTONE, b3, [-86, -10, 15.8, -63]),
    lte(222, 3100, 31205122, SMARTONE, b7, [-104, -14, 4.2, -75]),
    lte(300, 1575, 41877001, THREE, b3, [-97, -12, 9.8, -69]),
    lte(401, 1700, 52190033, CMHK, b3, [-99, -12, 8.4, -70]),
    {
      pci: 0,
      earfcn: 10713,
      cellUtranId: 60012345,
      tac: 0,
      mcc: PCCW3G.mcc,
      mnc: PCCW3G.mnc,
      rat: '3G',
      bandName: 'WCDMA Band 1 (2100 MHz)',
      signal: { rsrp: 0, rsrq: 0, sinr: 0, rssi: -71, rscp: -85, ecio: -7.5, drift: true },
    },
  ]
}

/** Networks in range, in the order a carrier scan finds them. */
function seedNetworks(): Network[] {
  return [CSL, SMARTONE, THREE, CMHK, PCCW3G].map((n) => ({ ...n }))
}

function allowance(limitMb: number, usageMb: number): Allowance {
  return { enable: true, usageMb, limitMb, start: 1, action: ['email'] }
}

function inboxA(now: number): SmsEntry[] {
  const s = Math.floor(now / 1000)
  return [
    { id: 1, sender: '1515', timestamp: s - 6 * 86400, text: 'Your data usage has reached 80% of your monthly allowance.' },
    { id: 2, sender: '+85261234567', timestamp: s - 2 * 86400, text: 'Tech arriving at site 14:00. Gate code 4821#.' },
    { id: 3, sender: '+81325359875', timestamp: s - 86400, text: 'Multipart message part 1: the cabinet key is in the ' },
    { id: 4, sender: '+81325359875', timestamp: s - 86400, text: 'Multipart message part 2: grey box behind the mast.' },
    { id: 5, sender: 'csl', timestamp: s - 3600, text: 'Welcome to .csl. Your SIM is active.\nReply HELP for support.' },
  ]
}

function sim(id: 1 | 2, home: Network, iccid: string, imsi: string, apn: string, inbox: SmsEntry[], allow: Allowance): SimSlot {
  return {
    id,
    detected: true,
    iccid,
    imsi,
    mtn: '',
    apn,
    username: '',
    password: '',
    autoApn: true,
    home: { ...home },
    selectedCarrier: null,
    lock: null,
    allowance: allow,
    inbox,
  }
}

/** The eSIM network of SpeedFusion Connect 5G/LTE (a roaming partner chosen by the service). */
const SFC_NETWORK: Network = SMARTONE

export interface ModemSeed {
  /** SpeedFusion Connect 5G/LTE built in (MAX BR1 Pro 5G). */
  sfc?: boolean
  /** The second modem of a dual-cellular MAX: other SIMs, IMEI and module. */
  second?: boolean
}

function secondModem(now: number): CellularState {
  const s = Math.floor(now / 1000)
  return {
    ...seedCellular(now),
    imei: '867890123456789',
    moduleManufacturer: 'Sierra Wireless',
    moduleModel: 'EM7565',
    moduleFirmware: 'SWI9X50C_01.14.03.00',
    sims: {
      1: sim(1, SMARTONE, '89852060011122233344', '454060011122233', 'smartone', [], allowance(20480, 6210)),
      2: sim(2, THREE, '89852030055566677788', '454035556667778', 'mobile.three.com.hk', [
        { id: 1, sender: '3', timestamp: s - 2 * 86400, text: 'Your 3 HK plan renews on the 1st.' },
      ], allowance(5120, 0)),
    },
  }
}

/** A healthy dual-SIM modem: both SIMs present, SIM A preferred and in use. */
export function seedCellular(now: number, seed: ModemSeed = {}): CellularState {
  if (seed.second) return secondModem(now)
  const s = Math.floor(now / 1000)
  return {
    imei: '861234567890123',
    moduleManufacturer: 'Quectel',
    moduleModel: 'RM520N-GL',
    moduleFirmware: 'RM520NGLAAR03A07M4G',
    sfc: seed.sfc ? { imsi: '454129000012345', active: false, network: { ...SFC_NETWORK } } : null,
    sims: {
      1: sim(1, CSL, '89852000012345678901', '454001234567890', 'internet', inboxA(now), allowance(10240, 3120)),
      2: sim(2, SMARTONE, '89852060098765432109', '454061122334455', 'smartone', [
        { id: 1, sender: 'SmarTone', timestamp: s - 4 * 86400, text: 'Your prepaid balance is HK$48.50.' },
      ], allowance(5120, 210)),
    },
    enabledSim: [1, 2],
    preferredSim: 1,
    simPriority: ['1', '2'],
    activeSim: 1,
    transition: null,
    fault: null,
    carrierScan: null,
    pciScan: null,
    networks: seedNetworks(),
    cells: seedCells(),
    signalOverride: null,
    aggregatedCells: 1,
    antennaOffsetDb: 0,
    drive: null,
  }
}
