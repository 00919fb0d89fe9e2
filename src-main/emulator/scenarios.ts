/**
 * Named router conditions for troubleshooting tests and training. Each scenario starts
 * from a fresh healthy device (sessions, API clients and the log are kept) and then
 * breaks one thing. Cellular, Wi-Fi and GPS scenarios change nothing on a model
 * without that hardware (balance-380).
 */
import { logEvent } from './event-log'
import { buildDeviceState } from './models'
import { demoTrack } from './drive'
import { ABSENT_NETWORK, UK_HOME } from './models/cellular-seed'
import type { CellularWan, EmulatorState, WifiWan } from './state-types'
import type { ScenarioName } from './types'

/** One line per scenario saying what is broken. */
export const SCENARIO_DESCRIPTIONS: Record<ScenarioName, string> = {
  healthy: 'Every WAN up, good signal, SIM A in use, PepVPN connected, GPS fix.',
  'no-sim': 'No SIM card detected in either slot; cellular WAN down ("No SIM Card Detected").',
  'sim-b-only': 'Only SIM B is inserted, but only SIM A is enabled and preferred; cellular WAN down.',
  'allowance-exceeded': 'SIM A (balance-380: WAN 1) used more than its monthly allowance; action email+disconnect, WAN down.',
  roaming: 'SIM A is a UK SIM roaming on a Hong Kong network (roamingStatus code 0).',
  'poor-signal': 'Serving cell at RSRP -112 dBm, SINR 2 dB, RSRQ -18 dB (no drift).',
  'cellular-down': 'Cellular WAN down ("Disconnected"), modem not registered: no carrier, bands or mcc.',
  'no-cable': 'Ethernet WAN 1 reports "No Cable Detected".',
  'wifi-wrong-key': 'Wi-Fi WAN profile for Site-Office has a wrong key; last result PSK_AUTH_FAIL, not connected.',
  'pci-locked': 'SIM A locked to channel 3000 / PCI 371, a weaker Band 7 cell.',
  'carrier-locked': 'SIM A manually locked to a carrier that is not in range; WAN down ("Unable to register to selected network").',
  'pepvpn-down': 'PepVPN profiles report START, no peers or tunnels.',
  'gps-no-fix': 'GPS has no fix (info.location answers gps:false).',
  'same-priority': 'Every WAN has priority 1.',
  'wan-disabled': 'The cellular WAN (balance-380: WAN 2) is disabled.',
  'cold-standby': 'The backup WAN (cellular; balance-380: WAN 2) is in cold standby: "Standby", yellow LED, while WAN 1 carries traffic. Healthy.',
  'esim-in-use': 'SpeedFusion Connect 5G/LTE eSIM carries the cellular WAN; SIM A is inserted but idle (br1-pro-5g). Healthy.',
  'allowance-per-sim': 'Each SIM has its own allowance monitor: SIM A 10 GB at 85 % with e-mail, SIM B 5 GB at 20 % with e-mail and disconnect.',
  'stale-readings': 'The modem stopped refreshing: the answer is 15 minutes newer than the last report, signal frozen.',
  'antenna-survey': 'The antenna can be moved (state antennaOffsetDb): each place adds or takes dB from every reading. Starts 8 dB down, as behind a window.',
  'drive-test': 'A vehicle driving a 6 km loop at 50 km/h: GPS follows it, two coverage holes (a tunnel, a valley) cut the signal by up to 28 dB.',
}

/** Every scenario name, healthy first. */
export const SCENARIOS: readonly ScenarioName[] = Object.keys(SCENARIO_DESCRIPTIONS) as ScenarioName[]

function cellular(state: EmulatorState): CellularWan | undefined {
  return state.wans.find((w): w is CellularWan => w.kind === 'cellular')
}

function wifi(state: EmulatorState): WifiWan | undefined {
  return state.wans.find((w): w is WifiWan => w.kind === 'wifi')
}

const BREAK: Record<ScenarioName, (s: EmulatorState) => void> = {
  healthy: () => undefined,
  'no-sim': (s) => {
    const c = cellular(s)?.cellular
    if (!c) return
    c.sims[1].detected = false
    c.sims[2].detected = false
    c.activeSim = null
  },
  'sim-b-only': (s) => {
    const c = cellular(s)?.cellular
    if (!c) return
    c.sims[1].detected = false
    c.enabledSim = [1]
    c.preferredSim = 1
    c.simPriority = ['1']
    c.activeSim = null
  },
  'allowance-exceeded': (s) => {
    const c = cellular(s)
    const a = c ? c.cellular.sims[1].allowance : s.wans[0].allowance
    a.enable = true
    a.limitMb = c ? 10240 : 1024000
    a.usageMb = Math.round(a.limitMb * 1.05)
    a.action = ['email', 'disconnect']
  },
  roaming: (s) => {
    const sim = cellular(s)?.cellular.sims[1]
    if (!sim) return
    sim.home = { ...UK_HOME }
    sim.imsi = '234301234567890'
    sim.iccid = '89443000012345678901'
    sim.apn = 'everywhere'
  },
  'poor-signal': (s) => {
    const c = cellular(s)?.cellular
    if (c) c.signalOverride = { rsrp: -112, rsrq: -18, sinr: 2, rssi: -95, drift: false }
  },
  'cellular-down': (s) => {
    const c = cellular(s)?.cellular
    if (c) c.fault = 'Disconnected'
  },
  'no-cable': (s) => {
    const wan = s.wans.find((w) => w.kind === 'ethernet')
    if (wan && wan.kind === 'ethernet') wan.cable = false
  },
  'wifi-wrong-key': (s) => {
    const w = wifi(s)?.wifi
    if (!w) return
    w.profiles = w.profiles.map((p) => (p.ssid === 'Site-Office' ? { ...p, key: 'wrongpassword1' } : p))
    w.connected = null
    w.lastResult = {
      result: 'PSK_AUTH_FAIL',
      timestamp: Math.floor(s.bootedAt / 1000),
      ssid: 'Site-Office',
      securityPolicy: 'wpa-psk',
      message: 'failed to connect to Site-Office: pre-shared key mismatch',
    }
  },
  'pci-locked': (s) => {
    const sim = cellular(s)?.cellular.sims[1]
    if (sim) sim.lock = { channel: 3000, pci: 371 }
  },
  'carrier-locked': (s) => {
    const sim = cellular(s)?.cellular.sims[1]
    if (sim) sim.selectedCarrier = { ...ABSENT_NETWORK }
  },
  'pepvpn-down': (s) => {
    s.pepvpn.down = true
  },
  'gps-no-fix': (s) => {
    if (s.gps) s.gps.fix = false
  },
  'same-priority': (s) => {
    for (const w of s.wans) w.config.priority = 1
  },
  'wan-disabled': (s) => {
    const wan = cellular(s) ?? s.wans[1]
    wan.config.enable = false
  },
  'cold-standby': (s) => {
    const wan = cellular(s) ?? s.wans[1]
    if (!wan) return
    for (const w of s.wans) if (w !== wan && w.config.priority >= 2) w.config.priority += 1
    wan.config.priority = 2
    wan.config.standby = 'cold'
  },
  'esim-in-use': (s) => {
    const c = cellular(s)?.cellular
    if (!c?.sfc) return
    c.sfc.active = true
    c.activeSim = null
    c.sims[2].detected = false
  },
  'allowance-per-sim': (s) => {
    const c = cellular(s)?.cellular
    if (!c) {
      Object.assign(s.wans[0].allowance, { enable: true, limitMb: 1024000, usageMb: 870400, action: ['email'] })
      return
    }
    Object.assign(c.sims[1].allowance, { enable: true, limitMb: 10240, usageMb: 8704, start: 1, action: ['email'] })
    Object.assign(c.sims[2].allowance, { enable: true, limitMb: 5120, usageMb: 1024, start: 15, action: ['email', 'disconnect'] })
  },
  'antenna-survey': (s) => {
    const c = cellular(s)?.cellular
    if (c) c.antennaOffsetDb = -8
  },
  'drive-test': (s) => {
    const c = cellular(s)?.cellular
    if (c) {
      c.drive = demoTrack(s.bootedAt)
      // A vehicle MAX on three-carrier aggregation: B3 + B7 + B28 on .csl.
      c.aggregatedCells = 2
    }
  },
  'stale-readings': (s) => {
    s.readingLagSec = 900
    const c = cellular(s)?.cellular
    if (c) c.signalOverride = { rsrp: -88, rsrq: -10, sinr: 14.2, rssi: -61, drift: false }
  },
}

/** Put the router into a named condition (in place, so held references stay live). */
export function applyScenario(state: EmulatorState, name: ScenarioName, now: number): void {
  const breakIt = BREAK[name]
  if (!breakIt) throw new RangeError(`unknown scenario: ${String(name)}`)
  const log = state.log
  Object.assign(state, buildDeviceState(state.model, now))
  state.log = log
  breakIt(state)
  logEvent(state, now, 'System', 'Configuration reloaded')
}
