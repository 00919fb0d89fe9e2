import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { MemoryStore, openKeychain, SERVICE, Vault } from '../../../src-main/devices/vault'

// In CI (and under `npm test`) a real Secret Service runs in a private D-Bus session, so
// these tests use the OS keychain through keytar. Elsewhere they say why they skip.
const keychain = await openKeychain()
const requireKeychain = process.env.CI === 'true' || process.env.UPLINK_REQUIRE_KEYCHAIN === '1'

describe('vault against the real Secret Service', () => {
  it.skipIf(!keychain.store && !requireKeychain)(`stores, reads and removes per-device secrets in the keychain${keychain.store ? '' : ' (skipped: ' + (keychain.status as { reason: string }).reason + ')'}`, async () => {
    expect(keychain.status).toEqual({ keychain: true })
    const vault = new Vault(keychain.store, keychain.status)
    const id = `test-${randomUUID()}`
    expect(await vault.set(id, 'password', 's3cret-pass')).toBe('keychain')
    expect(await vault.set(id, 'clientSecret', 'client-secret-value')).toBe('keychain')
    // Stored in the OS keychain under service "Uplink", one account per device and kind.
    expect(await keychain.store!.getPassword(SERVICE, `${id}:password`)).toBe('s3cret-pass')
    const fresh = new Vault(keychain.store, keychain.status)
    expect(await fresh.get(id, 'clientSecret')).toBe('client-secret-value')
    await fresh.removeAll(id)
    expect(await keychain.store!.getPassword(SERVICE, `${id}:password`)).toBeNull()
    expect(await fresh.has(id, 'clientSecret')).toBe(false)
  })
})

describe('vault without a keychain', () => {
  it('says plainly why, and keeps a secret for this session only when asked', async () => {
    const { store, status } = await openKeychain(() => {
      throw new Error('Cannot find module keytar')
    })
    expect(store).toBeUndefined()
    expect(status).toMatchObject({ keychain: false, reason: expect.stringMatching(/keytar.*session only/) })
    const vault = new Vault(store, status)
    await expect(vault.set('d1', 'password', 'pw')).rejects.toThrow(/session only/)
    expect(await vault.set('d1', 'password', 'pw', { sessionOnly: true })).toBe('session')
    expect(await vault.get('d1', 'password')).toBe('pw')
    // A new session (a new vault) has forgotten it.
    expect(await new Vault(store, status).get('d1', 'password')).toBeUndefined()
  })

  it('reports an unreachable Secret Service', async () => {
    const { status } = await openKeychain(() => ({ findCredentials: () => Promise.reject(new Error('no dbus')) }))
    expect(status).toMatchObject({ keychain: false, reason: expect.stringMatching(/No OS keychain answered/) })
  })

  it('removes every secret of a forgotten device', async () => {
    const mem = new MemoryStore()
    const vault = new Vault(mem, { keychain: true })
    await vault.set('d2', 'password', 'a')
    await vault.set('d2', 'clientSecret', 'b', { sessionOnly: true })
    await vault.removeAll('d2')
    expect(await vault.has('d2', 'password')).toBe(false)
    expect(await vault.has('d2', 'clientSecret')).toBe(false)
  })
})
