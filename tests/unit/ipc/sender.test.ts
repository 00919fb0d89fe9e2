import { describe, expect, it, vi } from 'vitest'
import { isTrustedSender } from '../../../src-main/ipc/sender'
import { bindIpcMain, type InvokeEvent } from '../../../src-main/ipc/electron-binding'
import { CHANNELS } from '../../../src-preload/contract'
import type { Handlers } from '../../../src-main/ipc/dispatch'

const rendererFile = '/opt/Uplink/resources/app/out/renderer/index.html'

describe('sender frame check', () => {
  it('trusts only the app page in the top frame', () => {
    expect(isTrustedSender({ url: 'file:///opt/Uplink/resources/app/out/renderer/index.html', top: true }, { rendererFile })).toBe(true)
    expect(isTrustedSender({ url: 'file:///opt/Uplink/resources/app/out/renderer/index.html', top: false }, { rendererFile })).toBe(false)
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', top: true }, { rendererFile })).toBe(false)
    expect(isTrustedSender({ url: 'https://example.com/', top: true }, { rendererFile })).toBe(false)
    expect(isTrustedSender({ url: 'http://localhost:5173/', top: true }, { rendererFile })).toBe(false)
    expect(isTrustedSender({ url: 'http://localhost:5173/#/x', top: true }, { rendererFile, devServerUrl: 'http://localhost:5173' })).toBe(true)
    expect(isTrustedSender(null, { rendererFile })).toBe(false)
  })

  it('the Electron binding refuses calls from an untrusted frame without running the handler', async () => {
    const registered = new Map<string, (e: InvokeEvent, p: unknown) => Promise<unknown>>()
    const list = vi.fn(async () => [])
    const handlers = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => ({}))])) as unknown as Handlers
    handlers['devices:list'] = list
    bindIpcMain({ handle: (c, l) => void registered.set(c, l) }, handlers, (f) => isTrustedSender(f, { rendererFile }))
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort())
    const sender = { id: 1, send: vi.fn() }
    const evil = await registered.get('devices:list')!({ sender, senderFrame: { url: 'https://evil.example/', parent: null } }, {})
    expect(evil).toMatchObject({ ok: false, error: { kind: 'permission' } })
    expect(list).not.toHaveBeenCalled()
    const good = await registered.get('devices:list')!({ sender, senderFrame: { url: `file://${rendererFile}`, parent: null } }, {})
    expect(good).toEqual({ ok: true, data: [] })
  })
})
