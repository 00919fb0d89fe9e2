/**
 * Two processes on one state folder (two browser hosts, a host and a CLI run): neither loses
 * the other's saved devices, and one's crash clean-up never deletes the other's file mid-save.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeStaleTemps, removeStaleTempsIn } from '../../../src-main/devices/atomic-file'
import { VisitStore } from '../../../src-main/diagnosis/visit-store'

const ROOT = join(__dirname, '../../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')

/**
 * A child process that loads the registry in `dir`, says "ready", waits for a line on stdin
 * (so both children write at the same time), then adds `n` devices one save at a time.
 */
function adder(dir: string, tag: string, n: number): { ready: Promise<void>; go: () => void; done: Promise<number> } {
  const script = `
    const { DeviceRegistry } = require(${JSON.stringify(join(ROOT, 'src-main/devices/registry.ts'))})
    ;(async () => {
      const reg = new DeviceRegistry(${JSON.stringify(dir)})
      await reg.load()
      process.stdout.write('ready\\n')
      await new Promise((r) => process.stdin.once('data', r))
      for (let i = 0; i < ${n}; i++) await reg.add({ name: '${tag}-' + i, host: '127.0.0.1', port: 443, scheme: 'https', authMethod: 'admin' })
      process.exit(0)
    })().catch((e) => { console.error(e); process.exit(1) })
  `
  const child = spawn(TSX, ['--eval', script], { stdio: ['pipe', 'pipe', 'inherit'] })
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve())
    child.on('error', reject)
  })
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)))
  return { ready, go: () => child.stdin.write('go\n'), done }
}

describe('one state folder, two processes', () => {
  it('keeps every device both processes saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uplink-shared-'))
    const a = adder(dir, 'a', 25)
    const b = adder(dir, 'b', 25)
    await Promise.all([a.ready, b.ready])
    a.go()
    b.go()
    expect(await Promise.all([a.done, b.done])).toEqual([0, 0])
    const names = (JSON.parse(readFileSync(join(dir, 'devices.json'), 'utf8')) as { devices: { name: string }[] }).devices.map((d) => d.name)
    expect(names).toHaveLength(50)
    expect(new Set(names).size).toBe(50)
  })

  it('sweeps a crashed writer\'s temp file but never one a running process owns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uplink-sweep-'))
    const path = join(dir, 'devices.json')
    const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'])
    try {
      const live = join(dir, `.devices.json.${sleeper.pid}.aaaa1111.tmp`)
      const dead = join(dir, '.devices.json.2147483646.bbbb2222.tmp')
      writeFileSync(live, '{}')
      writeFileSync(dead, '{}')
      await removeStaleTemps(path)
      expect(existsSync(live)).toBe(true)
      expect(existsSync(dead)).toBe(false)
    } finally {
      sleeper.kill()
    }
  })

  it('the visit store sweeps the temp files a crash left in a device\'s visit folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uplink-visit-sweep-'))
    const store = new VisitStore(dir)
    const folder = store.deviceDir('dev-1')
    mkdirSync(folder, { recursive: true })
    const leftovers = [1, 2, 3].map((i) => join(folder, `.20250301T10000${i}Z-ab12.json.2147483646.cccc000${i}.tmp`))
    for (const f of leftovers) writeFileSync(f, '{')
    await store.listReports('dev-1')
    expect(leftovers.filter((f) => existsSync(f))).toEqual([])
    await removeStaleTempsIn(folder)
  })
})
