/**
 * The command line's own words and limits: usage errors exit 2 with a sentence (never a Node
 * internal), secrets are redacted as values and sentences are left alone, one rule per limit for
 * the app and the CLI, and a wait prints a line when something changes, not at every poll.
 */
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { progressTo } from '../../../src-main/cli/run-with-client'
import type { Output } from '../../../src-main/cli/output'
import { redact } from '../../../src-main/peplink/errors'
import { CLI, uplink } from './run-cli'
import { carrierSelect, wanPriority } from '../../../src-main/peplink/requests'

describe.skipIf(!existsSync(CLI))('usage errors (the built CLI)', () => {
  it.each([
    [['emulator', '--port', 'abc'], /--port must be a whole number from 0 to 65535/],
    [['emulator', '--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [['emulator', '--firmware', 'latest'], /--firmware must be a version like 8\.1\.1/],
    [['emulator', '--model', 'x'], /--model must be one of/],
    [['web', '--port', '-1'], /--port must be a whole number from 0 to 65535/],
    [['--host', '127.0.0.1', '--timeout', '1e309', 'status'], /--timeout must be a number of milliseconds from 1 to 3600000/],
  ])('uplink %j exits 2 with a sentence', async (args, said) => {
    const r = await uplink(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(said)
    expect(r.stderr).not.toMatch(/at .*\.js:\d+|ERR_|RangeError|TypeError/)
  })
})

describe('redact', () => {
  it('redacts values of secret keys, never the words of a sentence', () => {
    expect(redact('No password: set UPLINK_PASSWORD or use --password-stdin.')).toBe('No password: set UPLINK_PASSWORD or use --password-stdin.')
    expect(redact('key: must be 8 to 63 characters')).toBe('key: must be 8 to 63 characters')
    expect(redact('{"password":"hunter2","user":"admin"}')).toBe('{"password":"[redacted]","user":"admin"}')
    expect(redact('GET /api/x?accessToken=abc123&y=1')).toBe('GET /api/x?accessToken="[redacted]"&y=1')
    expect(redact('password: "hunter2"')).toBe('password: "[redacted]"')
    expect(redact('cookie bauth=abcdef; path=/')).toBe('cookie bauth="[redacted]"; path=/')
  })
})

describe('one rule for the app and the CLI', () => {
  it('a carrier name is at most 64 characters', () => {
    const ok = carrierSelect.safeParse({ connId: 2, selectedCarrier: { mcc: '454', mnc: '06', pcs: 0, name: 'x'.repeat(64) } })
    const long = carrierSelect.safeParse({ connId: 2, selectedCarrier: { mcc: '454', mnc: '06', pcs: 0, name: 'x'.repeat(5000) } })
    expect(ok.success).toBe(true)
    expect(long.success).toBe(false)
  })

  it('a WAN priority list names each WAN once', () => {
    expect(wanPriority.safeParse({ list: [{ connId: 1, priority: 1 }, { connId: 1, priority: 2 }, { connId: 1, priority: 3 }] }).success).toBe(false)
    expect(wanPriority.safeParse({ list: [{ connId: 1, priority: 1 }, { connId: 2, priority: 2 }] }).success).toBe(true)
  })
})

describe('waiting on the router', () => {
  it('prints a line when the message changes, then a heartbeat at most every 10 s', () => {
    const lines: string[] = []
    const out = { progress: (m: string) => lines.push(m) } as unknown as Output
    let t = 0
    const tick = progressTo(out, 10_000, () => t)
    for (let i = 0; i < 100; i++) {
      t = i * 1000
      tick({ message: i < 3 ? 'WAN 2 is coming back…' : 'WAN 2 is down for now (the router says "Unable to connect to the locked channel"); still waiting…' })
    }
    expect(lines.length).toBeLessThanOrEqual(12)
    expect(lines[0]).toBe('WAN 2 is coming back…')
    expect(lines[1]).toMatch(/^WAN 2 is down for now/)
    expect(lines.slice(2).every((l) => l.endsWith('(still waiting)'))).toBe(true)
  })
})
