/**
 * A stored secret belongs to the endpoint it was saved for. A saved device re-pointed to
 * another address (or down to plain HTTP) must not send its stored password there until the
 * technician types it again for the new address; plain HTTP is said every time.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { DeviceRegistry } from '../../../src-main/devices/registry'
import { MemoryStore, Vault } from '../../../src-main/devices/vault'
import { SessionManager } from '../../../src-main/devices/sessions'

let home: RunningEmulator
let stranger: RunningEmulator
let plain: RunningEmulator
let registry: DeviceRegistry
let vault: Vault
let keychain: MemoryStore
let sessions: SessionManager

beforeAll(async () => {
  home = await startEmulator({ adminPassword: 'Home-Secret-1' })
  stranger = await startEmulator({ adminPassword: 'Home-Secret-1' })
  plain = await startEmulator({ adminPassword: 'Home-Secret-1', http: true })
  registry = new DeviceRegistry(mkdtempSync(join(tmpdir(), 'uplink-secret-endpoint-')))
  await registry.load()
  keychain = new MemoryStore()
  vault = new Vault(keychain, { keychain: true })
  sessions = new SessionManager(registry, vault)
})
afterAll(async () => {
  await sessions.closeAll()
  await Promise.all([home.close(), stranger.close(), plain.close()])
})

it('does not send a stored password to the address a device was re-pointed to', async () => {
  const d = await registry.add({ name: 'Mast', host: '127.0.0.1', port: home.port, scheme: 'https', authMethod: 'admin', username: 'admin', pin: home.fingerprint256 })
  expect((await sessions.connect(d.id, { secret: 'Home-Secret-1', remember: true })).status).toBe('connected')
  await sessions.disconnect(d.id)
  expect(await vault.get(d.id, 'password')).toBe('Home-Secret-1')

  // Re-pointed (and re-pinned) to another router: the stored password stays home.
  await registry.update(d.id, { port: stranger.port, pin: stranger.fingerprint256 })
  const before = stranger.state.log.length
  const outcome = await sessions.connect(d.id)
  expect(outcome).toEqual({ status: 'secret-required', reason: expect.stringMatching(/^This router's address changed from https:\/\/127\.0\.0\.1:\d+ to https:\/\/127\.0\.0\.1:\d+ since its password was saved\. Uplink does not send a saved password to a new address/) })
  expect(stranger.state.auth.sessions.size).toBe(0)
  expect(stranger.state.log.slice(before).some((e) => /login/i.test(e.message))).toBe(false)

  // Typed again for the new address, it is used there, and belongs there from now on.
  expect((await sessions.connect(d.id, { secret: 'Home-Secret-1', remember: true })).status).toBe('connected')
  await sessions.disconnect(d.id)
  expect((await sessions.connect(d.id)).status).toBe('connected')
  await sessions.disconnect(d.id)
})

it('drops the old address\'s stored password once one is typed for the new address without remembering it', async () => {
  const d = await registry.add({ name: 'Depot', host: '127.0.0.1', port: home.port, scheme: 'https', authMethod: 'admin', username: 'admin', pin: home.fingerprint256 })
  expect((await sessions.connect(d.id, { secret: 'Home-Secret-1', remember: true })).status).toBe('connected')
  await sessions.disconnect(d.id)
  await registry.update(d.id, { port: stranger.port, pin: stranger.fingerprint256 })
  expect((await sessions.connect(d.id, { secret: 'Home-Secret-1', remember: false })).status).toBe('connected')
  await sessions.disconnect(d.id)
  // The app starts again: this session's copy is gone, and the keychain holds nothing for the old address.
  const fresh = new SessionManager(registry, new Vault(keychain, { keychain: true }))
  expect((await fresh.connect(d.id)).status).toBe('secret-required')
  await fresh.closeAll()
})

it('says so every time a password goes over plain HTTP', async () => {
  const d = await registry.add({ name: 'Old BR1', host: '127.0.0.1', port: plain.port, scheme: 'http', authMethod: 'admin', username: 'admin' })
  for (const opts of [{ secret: 'Home-Secret-1', remember: true }, {}]) {
    const outcome = await sessions.connect(d.id, opts)
    expect(outcome).toMatchObject({ status: 'connected', notice: expect.stringContaining('The password went to the router over plain HTTP') })
    await sessions.disconnect(d.id)
  }
})
