import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DeviceRegistry, type NewDevice } from '../../../src-main/devices/registry'

const router: NewDevice = { name: 'Depot BR1', host: '192.0.2.10', port: 443, scheme: 'https', authMethod: 'admin', username: 'admin' }

function tempDir() {
  return mkdtempSync(join(tmpdir(), 'uplink-registry-'))
}

describe('device registry', () => {
  it('saves, edits, lists and forgets devices across restarts', async () => {
    const dir = tempDir()
    const reg = new DeviceRegistry(dir)
    await reg.load()
    const d = await reg.add(router)
    await reg.update(d.id, { notes: 'Mast on the north roof', name: 'Depot' })
    const again = new DeviceRegistry(dir)
    expect(await again.load()).toEqual({})
    expect(again.list()).toMatchObject([{ id: d.id, name: 'Depot', notes: 'Mast on the north roof', host: '192.0.2.10' }])
    expect(JSON.parse(readFileSync(join(dir, 'devices.json'), 'utf8')).schemaVersion).toBe(1)
    expect(await again.remove(d.id)).toBe(true)
    expect(again.list()).toEqual([])
  })

  it('keeps the previous list intact when the app dies between write and rename', async () => {
    const dir = tempDir()
    const reg = new DeviceRegistry(dir)
    await reg.load()
    await reg.add(router)
    const before = readFileSync(join(dir, 'devices.json'), 'utf8')
    const crashing = new DeviceRegistry(dir, {
      beforeRename: (tmp) => {
        // The new content is durable in the temporary file, then the process "dies".
        expect(readFileSync(tmp, 'utf8')).toContain('Second site')
        throw new Error('simulated crash')
      },
    })
    await crashing.load()
    await expect(crashing.add({ ...router, name: 'Second site' })).rejects.toThrow('simulated crash')
    expect(readFileSync(join(dir, 'devices.json'), 'utf8')).toBe(before)
    // A crash that left a temporary file behind: it is cleaned up and ignored on the next start.
    writeFileSync(join(dir, '.devices.json.999.deadbeef.tmp'), '{"half":')
    const next = new DeviceRegistry(dir)
    expect(await next.load()).toEqual({})
    expect(next.list().map((d) => d.name)).toEqual(['Depot BR1'])
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('moves a corrupt file aside with a clear message instead of overwriting it', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'devices.json'), '{"schemaVersion": 1, "devices": [ {"name": ')
    const reg = new DeviceRegistry(dir)
    const report = await reg.load()
    expect(report.movedAside?.reason).toMatch(/could not be read \(it is not valid JSON\)\. It was kept as .*devices\.json\.corrupt-/)
    const aside = readdirSync(dir).find((n) => n.startsWith('devices.json.corrupt-'))!
    expect(readFileSync(join(dir, aside), 'utf8')).toContain('"devices": [ {"name": ')
    expect(reg.list()).toEqual([])
    await reg.add(router)
    expect(readFileSync(join(dir, aside), 'utf8')).toContain('"devices": [ {"name": ')
  })

  it('treats a file of the wrong shape as corrupt too', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'devices.json'), JSON.stringify({ schemaVersion: 1, devices: [{ name: 'no host' }] }))
    const report = await new DeviceRegistry(dir).load()
    expect(report.movedAside?.reason).toMatch(/do not match the expected format/)
  })
})
