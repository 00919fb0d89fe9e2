import { Command } from 'commander'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { formatFindings, registerDiagnoseCommand } from '../../../src-main/cli/diagnose-command'
import { addGlobalOptions } from '../../../src-main/cli/connection'
import { diagnose, findingsForWan } from '../../../src-main/diagnosis/rules'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { down, healthy, snap } from './snapshots'

describe('formatFindings', () => {
  it('prints a header, counts, and each finding with evidence and actions', () => {
    const s = snap((s) => down(s, 2, 'Disconnected'))
    const text = formatFindings(diagnose(s), s, '192.168.50.1')
    expect(text).toContain('Router 192.168.50.1, firmware 8.1.1 build 5121, checked 2025-03-01T10:00:00.000Z')
    expect(text).toContain('1 problem, 0 warnings, 0 notes')
    expect(text).toContain('PROBLEM WAN 2 (Cellular) is down: Disconnected')
    expect(text).toContain('Evidence: message=Disconnected, statusLed=red')
    expect(text).toContain('Try: Rescan the cellular network (may interrupt the link)')
  })

  it('says so when everything passed', () => {
    expect(formatFindings([], healthy())).toMatch(/No findings: every check passed\./)
  })

  it('keeps the findings of one WAN and the router-wide ones', () => {
    const s = snap((s) => {
      down(s, 1, 'No Cable Detected')
      down(s, 2, 'Disconnected')
      s.location = { gps: false }
    })
    expect(findingsForWan(diagnose(s), 2).map((f) => f.id)).toEqual(['cellular-down:2', 'gps-no-fix'])
  })
})

describe('uplink diagnose', () => {
  let emu: RunningEmulator
  let out = ''
  beforeAll(async () => {
    emu = await startEmulator({ http: true, scanDurationMs: 200, reconnectMs: 100, wifiConnectMs: 100 })
    emu.applyScenario('no-cable')
  })
  afterAll(() => emu.close())
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllEnvs()
  })

  async function run(...args: string[]): Promise<string> {
    out = ''
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true))
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    vi.stubEnv('UPLINK_PASSWORD', emu.credentials.password)
    const program = addGlobalOptions(new Command('uplink').exitOverride())
    registerDiagnoseCommand(program)
    await program.parseAsync(['--host', `${emu.host}:${emu.port}`, '--http', '--user', emu.credentials.username, ...args], { from: 'user' })
    return out
  }

  it('prints exactly the findings array with --json', async () => {
    const findings = JSON.parse(await run('--json', 'diagnose'))
    expect(Array.isArray(findings)).toBe(true)
    expect(findings.filter((f: { severity: string }) => f.severity !== 'info').map((f: { id: string }) => f.id)).toEqual(['no-cable:1'])
    expect(findings[0]).toMatchObject({ rule: 'no-cable', severity: 'warning', evidence: { message: 'No Cable Detected' } })
  })

  it('prints a readable list, and --conn narrows it to one WAN', async () => {
    expect(await run('diagnose')).toContain('WARNING No cable on WAN 1')
    const only2 = JSON.parse(await run('diagnose', '--conn', '2', '--json'))
    expect(only2.every((f: { wanId?: number }) => f.wanId === undefined || f.wanId === 2)).toBe(true)
  })
})
