/**
 * The session manager against an emulated router: one session per device however connects
 * overlap, no session left behind by a disconnect during a login, and a client that ends up
 * unused is logged out rather than left open on the router.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { DeviceRegistry } from '../../../src-main/devices/registry'
import { MemoryStore, Vault } from '../../../src-main/devices/vault'
import { SessionManager } from '../../../src-main/devices/sessions'

let emu: RunningEmulator
let registry: DeviceRegistry
let sessions: SessionManager
let id: string

beforeAll(async () => {
  emu = await startEmulator({})
  registry = new DeviceRegistry(mkdtempSync(join(tmpdir(), 'uplink-sessions-')))
  await registry.load()
  sessions = new SessionManager(registry, new Vault(new MemoryStore(), { keychain: true }))
  id = (await registry.add({ name: 'Mast', host: '127.0.0.1', port: emu.port, scheme: 'https', authMethod: 'admin', username: 'admin', pin: emu.fingerprint256 })).id
})
afterAll(async () => {
  await sessions.closeAll()
  await emu.close()
})

it('two connects at once (a double click, two tabs) end with one session and one login on the router', async () => {
  const [a, b] = await Promise.all([sessions.connect(id, { secret: 'admin' }), sessions.connect(id, { secret: 'admin' })])
  expect([a.status, b.status]).toEqual(['connected', 'connected'])
  expect(sessions.list()).toHaveLength(1)
  // The first login was logged out when the second replaced it.
  expect(emu.state.auth.sessions.size).toBe(1)
  await sessions.disconnect(id)
  expect(emu.state.auth.sessions.size).toBe(0)
})

it('a disconnect while the login is in flight leaves no session behind', async () => {
  emu.faults.setLatency(300)
  // The login is on its way (the router answers slowly) when the technician gives up.
  const connecting = sessions.connect(id, { secret: 'admin' })
  expect(await sessions.disconnect(id)).toBe(false)
  await expect(connecting).rejects.toMatchObject({ kind: 'cancelled' })
  emu.faults.reset()
  expect(sessions.find(id)).toBeUndefined()
  expect(sessions.list()).toEqual([])
  // The client that logged in meanwhile was logged out again.
  await expect.poll(() => emu.state.auth.sessions.size, { timeout: 5000 }).toBe(0)
})
