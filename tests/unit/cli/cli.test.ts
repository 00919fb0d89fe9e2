import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { CLI, uplink } from './run-cli'

const fast = { scanDurationMs: 300, reconnectMs: 100, wifiConnectMs: 100 }
let emu: RunningEmulator
let state: string
let conn: string[]
const login = { UPLINK_USER: 'admin', UPLINK_PASSWORD: 'admin' }

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does).`)
  emu = await startEmulator({ ...fast })
  state = mkdtempSync(join(tmpdir(), 'uplink-cli-'))
  conn = ['--host', `127.0.0.1:${emu.port}`, '--fingerprint', emu.fingerprint256.replace(/:/g, '').toLowerCase(), '--state-dir', state, '--poll', '100']
})
afterAll(() => emu.close())

describe('uplink command line against an emulated router', () => {
  it('status wan --json prints exactly the normalised WAN array', async () => {
    const r = await uplink([...conn, 'status', 'wan', '--json'], login)
    expect(r.code).toBe(0)
    const wans = JSON.parse(r.stdout)
    expect(wans.map((w: { id: number; type: string }) => [w.id, w.type])).toEqual([[1, 'ethernet'], [2, 'cellular'], [3, 'wifi']])
    expect(wans[1].cellular.sims[0]).toMatchObject({ id: 1, detected: true, active: true })
  })

  it('accepts global options after the command word, and prints tables without --json', async () => {
    const r = await uplink(['status', 'signal', ...conn], login)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^WAN\s+BAND\s+RSRP/m)
    expect(r.stdout).toMatch(/LTE Band/)
  })

  it('runs every status view', async () => {
    for (const what of ['allowance', 'clients', 'lan', 'pepvpn', 'location', 'firmware']) {
      const r = await uplink([...conn, '--json', 'status', what], login)
      expect(r.code, `${what}: ${r.stderr}`).toBe(0)
      expect(() => JSON.parse(r.stdout), what).not.toThrow()
    }
  })

  it('scans and selects a carrier, verifying the reconnect', async () => {
    const scan = await uplink([...conn, '--json', 'carrier', 'scan', '--conn', '2', '--wait'], login)
    expect(scan.code, scan.stderr).toBe(0)
    const result = JSON.parse(scan.stdout)
    expect(result.complete).toBe(true)
    const other = result.carriers.find((c: { inUse: boolean }) => !c.inUse)
    expect(scan.stderr).toMatch(/Scanning/)
    const sel = await uplink([...conn, '--json', 'carrier', 'select', '--conn', '2', '--mcc', other.mcc, '--mnc', other.mnc, '--name', other.name], login)
    expect(sel.code, sel.stderr).toBe(0)
    expect(JSON.parse(sel.stdout)).toMatchObject({ verified: true })
    const wan = JSON.parse((await uplink([...conn, '--json', 'status', 'wan'], login)).stdout)[1]
    expect(wan.cellular.carrier.name).toBe(other.name)
    expect((await uplink([...conn, 'carrier', 'select', '--conn', '2', '--auto'], login)).code).toBe(0)
  })

  const groups: [string, [string[], RegExp][]][] = [
    ['channel/PCI scan, lock and clear', [
      [['pci', 'scan', '--conn', '2', '--wait'], /serving/],
      [['pci', 'lock', '--conn', '2', '--sim', '1', '--channel', '1350', '--pci', '77'], /accepted the lock to channel 1350 \/ PCI 77/],
      [['pci', 'clear', '--conn', '2', '--sim', '1'], /Channel\/PCI lock cleared; link back up/],
    ]],
    ['SIM show and switch, module reset and rescan', [
      [['sim', 'show', '--conn', '2'], /^A\s+yes/m],
      [['sim', 'set', '--conn', '2', '--enabled', '1,2', '--preferred', '2'], /Now on SIM B/],
      [['sim', 'set', '--conn', '2', '--priority', '1,2'], /Now on SIM A/],
      [['module', 'reset', '--conn', '2'], /Module reset done/],
      [['module', 'rescan', '--conn', '2'], /rescan done/],
    ]],
    ['the Device section: priority, settings, config, GPIO, AP and API access', [
      [['wan', 'priority', '--order', '2,1,3'], /Saved as pending/],
      [['config', 'discard'], /Discarded/],
      [['wan', 'priority', '--order', '1,2,3', '--now'], /Applied/],
      [['wan', 'set', '--conn', '1', '--name', 'Fibre', '--mtu', '1400'], /Saved as pending/],
      [['config', 'apply'], /Applied/],
      [['status', 'wan'], /Fibre/],
      [['wan', 'set', '--conn', '2', '--sim', 'B', '--allowance', '20480', '--allowance-start', '5', '--allowance-action', 'email'], /Saved as pending/],
      [['config', 'apply'], /Applied/],
      [['status', 'allowance'], /^2\s+SIM B\s+yes\s+.*20480 MB/m],
      [['gpio', 'show'], /digital_/],
      [['ap', 'off'], /Access point is off/],
      [['ap'], /Access point is off/],
      [['api', 'create', '--name', 'cli-test', '--read-only'], /Secret \(shown once/],
      [['api', 'clients'], /cli-test/],
      [['diagnose'], /./],
    ]],
    ['USSD, SMS, Wi-Fi and a raw call', [
      [['ussd', '--conn', '2', '*100#'], /Balance/],
      [['sms', 'list', '--conn', '2'], /\+81325359875/],
      [['sms', 'send', '--conn', '2', '--to', '+85291234567', 'On site now'], /Sent to \+85291234567/],
      [['wifi', 'scan', '--conn', '3'], /Site-Office/],
      [['wifi', 'result', '--conn', '3'], /CONNECTED/],
      [['wifi', 'disconnect', '--conn', '3'], /Disconnected/],
      [['call', 'status.wan.connection', '{"id":[1]}'], /"1"/],
    ]],
  ]
  for (const [name, runs] of groups) {
    it(`${name} work end to end`, async () => {
      for (const [args, expected] of runs) {
        const r = await uplink([...conn, ...args], login)
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0)
        expect(r.stdout, args.join(' ')).toMatch(expected)
      }
    })
  }

  it('the SMS sent from the command line reached the router', () => {
    expect(emu.state.sms.sent.at(-1)).toMatchObject({ address: '+85291234567', content: 'On site now' })
  })

  it('connects Wi-Fi with the key from the environment and explains a wrong key', async () => {
    const ok = await uplink([...conn, 'wifi', 'connect', '--conn', '3', '--ssid', 'Guest-Open', '--security', 'open'], login)
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/Connected to Guest-Open/)
    const bad = await uplink([...conn, 'wifi', 'connect', '--conn', '3', '--ssid', 'Site-Office', '--security', 'wpa-psk'], { ...login, UPLINK_WIFI_KEY: 'definitely-wrong' })
    expect(bad.code).toBe(5)
    expect(bad.stdout).toMatch(/The Wi-Fi password is wrong/)
  })

  it('switches PoE on a model that has it, in the same words as the app', async () => {
    const balance = await startEmulator({ ...fast, model: 'balance-380' })
    try {
      const at = ['--host', `127.0.0.1:${balance.port}`, '--fingerprint', balance.fingerprint256.replace(/:/g, '').toLowerCase(), '--state-dir', state]
      const off = await uplink([...at, 'poe-off', '--port', '1,2'], login)
      expect(off.code, off.stderr).toBe(0)
      expect(off.stdout.trim()).toBe('PoE disabled on port 1, port 2.')
      const on = await uplink([...at, '--json', 'poe-on', '--port', '1'], login)
      expect(JSON.parse(on.stdout)).toEqual({ ports: [1], enabled: true })
    } finally {
      await balance.close()
    }
  })

  it('reads the password from stdin and never takes secrets as arguments', async () => {
    const r = await uplink([...conn, '--user', 'admin', '--password-stdin', 'status', 'firmware'], {}, 'admin\n')
    expect(r.code, r.stderr).toBe(0)
    const bad = await uplink([...conn, '--user', 'admin', '--password', 'admin', 'status'], {})
    expect(bad.code).toBe(2)
  })

  describe('exit codes', () => {
    it('2 for usage and validation errors, with a one-line reason', async () => {
      const usage = await uplink(['status', 'everything', ...conn], login)
      expect(usage.code).toBe(2)
      expect(usage.stderr.trim().split('\n')).toHaveLength(1)
      const v = await uplink([...conn, 'sms', 'send', '--conn', '2', '--to', '0123', 'hi'], login)
      expect(v.code).toBe(2)
      expect(v.stderr).toMatch(/address: must be "\+" followed by 2 to 15 digits, the first not 0/)
      expect(v.stderr).not.toMatch(/\n\s+at /)
      const u = await uplink([...conn, 'ussd', '--conn', '2', '*100#A'], login)
      expect(u.code).toBe(2)
      const a = await uplink([...conn, 'wan', 'set', '--conn', '1', '--allowance', '500', '--allowance-action', 'fax'], login)
      expect(a.code).toBe(2)
      expect(a.stderr).toMatch(/"fax" is not one of email, disconnect, restrict/)
      // A cellular WAN's allowance is per SIM: refused with a sentence before anything is sent.
      const w = await uplink([...conn, 'wan', 'set', '--conn', '2', '--allowance', '500'], login)
      expect(w.code).toBe(2)
      expect(w.stderr).toMatch(/WAN 2 is cellular, so its allowance monitor is set per SIM/)
    })

    it('2 for a WAN number the router cannot have, the same sentence in every command', async () => {
      for (const args of [['carrier', 'scan', '--conn', '0'], ['wifi', 'scan', '--conn', '0'], ['sms', 'list', '--conn', '256'], ['wan', 'set', '--conn', '0', '--mtu', 'auto'], ['diagnose', '--conn', 'x']]) {
        const r = await uplink([...conn, ...args], login)
        expect(r.code, args.join(' ')).toBe(2)
        expect(r.stderr, args.join(' ')).toMatch(/--conn must be a whole number from 1 to 255/)
      }
    })

    it('3 for a refused login', async () => {
      const r = await uplink([...conn, 'status'], { UPLINK_USER: 'admin', UPLINK_PASSWORD: 'wrong-one' })
      expect(r.code).toBe(3)
      expect(r.stderr).toMatch(/refused the login for user "admin"/)
      expect(r.stderr).not.toContain('wrong-one')
    })

    it('4 for an unpinned or changed certificate; --trust-on-first-use pins and says so', async () => {
      const fresh = mkdtempSync(join(tmpdir(), 'uplink-cli-pin-'))
      const base = ['--host', `127.0.0.1:${emu.port}`, '--state-dir', fresh]
      const unpinned = await uplink([...base, 'status'], login)
      expect(unpinned.code).toBe(4)
      expect(unpinned.stderr).toContain(emu.fingerprint256)
      const tofu = await uplink([...base, '--trust-on-first-use', 'status'], login)
      expect(tofu.code).toBe(0)
      expect(tofu.stderr).toMatch(/Trusting 127\.0\.0\.1:\d+ on first use: pinned SHA-256/)
      const pinned = await uplink([...base, 'status'], login)
      expect(pinned.code).toBe(0)
      const wrong = await uplink([...base, '--fingerprint', 'AA'.repeat(32), 'status'], login)
      expect(wrong.code).toBe(4)
      expect(wrong.stderr).toMatch(/expected AA:AA.*presented /)
    })

    it('5 when the router answers stat fail, with its code and message', async () => {
      emu.faults.failNext('cmd.ap', { code: 500, message: 'Busy' })
      const r = await uplink([...conn, 'call', 'cmd.ap'], login)
      expect(r.code).toBe(5)
      expect(r.stderr).toMatch(/refused cmd\.ap \(code 500\): "Busy"/)
    })

    it('6 for network errors and non-Peplink answers', async () => {
      const refused = await uplink(['--host', '127.0.0.1:1', '--fingerprint', 'AA'.repeat(32), '--state-dir', state, 'status'], login)
      expect(refused.code).toBe(6)
      expect(refused.stderr).toMatch(/refused the connection/)
      emu.faults.setResponseMode('html')
      const html = await uplink([...conn, 'status'], login)
      emu.faults.reset()
      expect(html.code).toBe(6)
      expect(html.stderr).toMatch(/HTML page/)
    })
  })
})

describe('uplink command line against real device families', () => {
  const opened: RunningEmulator[] = []
  afterAll(async () => {
    for (const e of opened) await e.close()
  })
  async function family(model: 'balance-710' | 'br1-pro-5g', scenario?: 'allowance-per-sim' | 'stale-readings') {
    const e = await startEmulator({ ...fast, model, firmware: '8.5.2' })
    if (scenario) e.applyScenario(scenario)
    opened.push(e)
    return ['--host', `127.0.0.1:${e.port}`, '--fingerprint', e.fingerprint256.replace(/:/g, '').toLowerCase(), '--state-dir', state]
  }

  it('status wan shows each WAN kind and its state: a VLAN WAN, a USB modem in standby', async () => {
    const r = await uplink([...(await family('balance-710')), 'status', 'wan'], login)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^ID\s+NAME\s+TYPE\s+STATE\s+MESSAGE/m)
    expect(r.stdout).toMatch(/^6\s+VLAN WAN\s+vlan\s+connected\s+Connected/m)
    expect(r.stdout).toMatch(/^7\s+USB Modem\s+modem\s+standby\s+Standby\s+yellow\s+2/m)
  })

  it('status allowance shows each SIM\'s own monitor; status modules names the module; --json carries both', async () => {
    const c = await family('br1-pro-5g', 'allowance-per-sim')
    const a = await uplink([...c, 'status', 'allowance'], login)
    expect(a.code).toBe(0)
    expect(a.stdout).toMatch(/^2\s+SIM A\s+yes\s+.*10 GB a month from day 1; e-mails$/m)
    expect(a.stdout).toMatch(/^2\s+SIM B\s+yes\s+.*5 GB a month from day 15; e-mails; disconnects when used up$/m)
    const m = await uplink([...c, 'status', 'modules'], login)
    expect(m.stdout).toMatch(/^2\s+Cellular\s+Quectel RM520N-GL \(firmware RM520NGLAAR03A07M4G\)\s+861234567890123$/m)
    const j = JSON.parse((await uplink([...c, 'status', 'wan', '--json'], login)).stdout)
    expect(j[1].cellular.sims[1].allowanceMonitor).toEqual({ enable: true, hasSmtp: true, action: ['email', 'disconnect'], start: 15, monthlyAllowance: { value: 5120, unit: 'MB' } })
    expect(j[1].cellular.module.manufacturer).toBe('Quectel')
    expect(j[1].state).toBe('connected')
  })

  it('says plainly when the readings are stale', async () => {
    const r = await uplink([...(await family('br1-pro-5g', 'stale-readings')), 'status', 'signal'], login)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Stale: the router's last report is 15 min old; the modem has not refreshed it.")
  })

  it('emulator --model list describes every family and scenario', async () => {
    const r = await uplink(['emulator', '--model', 'list'])
    expect(r.code).toBe(0)
    for (const text of ['br1-pro-5g', 'max-hd2', 'balance-710', 'fusionhub', 'Peplink MAX HD2', 'cold-standby', 'esim-in-use']) expect(r.stdout).toContain(text)
    const bad = await uplink(['emulator', '--model', 'balance-9000'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--model must be one of')
  })
})
