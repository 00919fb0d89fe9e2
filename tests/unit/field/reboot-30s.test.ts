/**
 * The one field-condition test at full scale: the router stops answering for 30 s (a reboot)
 * with the app's real timeouts. The dashboard must say so within one status timeout rather
 * than hang for the whole reboot, and work again by itself once the router is back.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Channel, IpcResult, Req, Res } from '../../../src-preload/contract'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { createServices, type Services } from '../../../src-main/services'
import { createHandlers } from '../../../src-main/ipc/handlers'
import { dispatch } from '../../../src-main/ipc/dispatch'
import { MemoryStore } from '../../../src-main/devices/vault'

let emu: RunningEmulator
let services: Services

async function call<C extends Channel>(channel: C, req: Req<C>): Promise<IpcResult<Res<C>>> {
  return (await dispatch(createHandlers(services), channel, req, { clientId: 't', emit: () => {} })) as IpcResult<Res<C>>
}

beforeAll(async () => {
  emu = await startEmulator({})
  services = await createServices({ userDataDir: mkdtempSync(join(tmpdir(), 'uplink-reboot-')), host: 'browser', version: 't', keychain: { store: new MemoryStore(), status: { keychain: true } }, pdfPrinter: null })
})
afterAll(async () => {
  await services.close()
  await emu.close()
})

it('a 30-second reboot: the overview says the router is not answering, then recovers on its own', { timeout: 90_000 }, async () => {
  const add = await call('devices:add', { name: 'Mast', host: '127.0.0.1', port: emu.port, authMethod: 'admin', username: 'admin' })
  if (!add.ok) throw new Error(add.error.message)
  const deviceId = add.data.id
  await call('devices:trust', { id: deviceId, fingerprint256: emu.fingerprint256 })
  expect((await call('session:connect', { deviceId, secret: 'admin' })).ok).toBe(true)
  expect((await call('status:overview', { deviceId })).ok).toBe(true)

  const rebootStarted = Date.now()
  emu.faults.goSilent(30_000)
  const during = await call('status:overview', { deviceId })
  expect(during.ok).toBe(false)
  if (!during.ok) {
    expect(during.error.kind).toBe('network')
    expect(during.error.message).toMatch(/^(No answer from https:\/\/127\.0\.0\.1:\d+ within 8 s|https:\/\/127\.0\.0\.1:\d+ did not accept a connection in time)\. .*rebooting/)
  }
  // It answered (with the error) long before the reboot ended: no spinner for 30 s.
  expect(Date.now() - rebootStarted).toBeLessThan(30_000)
  // The dashboard keeps refreshing; once the router is back it works again, re-logging in.
  await expect.poll(async () => (await call('status:overview', { deviceId })).ok, { timeout: 60_000, interval: 1000 }).toBe(true)
  expect(Date.now() - rebootStarted).toBeGreaterThanOrEqual(30_000)
})
