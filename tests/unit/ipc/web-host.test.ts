import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { CHANNELS } from '../../../src-preload/contract'
import type { Handlers } from '../../../src-main/ipc/dispatch'
import { startWebHost, type WebHost } from '../../../src-main/ipc/web-host'

let host: WebHost
const list = vi.fn(async () => [])

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'uplink-renderer-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<html><head><title>Uplink</title></head><body></body></html>')
  writeFileSync(join(dir, 'web-bridge.js'), 'window.uplink = {}')
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => ({}))])) as unknown as Handlers
  handlers['devices:list'] = list
  host = await startWebHost({ handlers, rendererDir: dir })
})
afterAll(() => host.close())

/** Opens the launch URL like a browser and returns the cookie it set. */
async function cookie(): Promise<string> {
  const res = await fetch(host.launchUrl, { redirect: 'manual' })
  expect(res.status).toBe(302)
  const set = res.headers.get('set-cookie')!
  expect(set).toMatch(/HttpOnly/)
  expect(set).toMatch(/SameSite=Strict/)
  return set.split(';')[0]!
}

function ipc(headers: Record<string, string>, body = '{}') {
  return fetch(`${host.url}/ipc/devices:list`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
}

describe('browser host', () => {
  it('serves the app and the IPC only to the page that opened the tokened URL', async () => {
    const c = await cookie()
    const page = await fetch(`${host.url}/`, { headers: { cookie: c } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<script type="module" src="/web-bridge.js"></script>')
    const res = await ipc({ cookie: c, origin: host.url })
    expect(await res.json()).toEqual({ ok: true, data: [] })
  })

  it('refuses requests without the cookie, or with a wrong token', async () => {
    expect((await fetch(`${host.url}/`)).status).toBe(403)
    expect((await ipc({})).status).toBe(403)
    expect((await fetch(`${host.url}/?token=guess`, { redirect: 'manual' })).status).toBe(403)
    expect((await ipc({ cookie: 'uplink_host=guess' })).status).toBe(403)
  })

  it('refuses a foreign Origin even with the cookie', async () => {
    const c = await cookie()
    const before = list.mock.calls.length
    const res = await ipc({ cookie: c, origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(list.mock.calls.length).toBe(before)
  })

  it('refuses a Host other than the loopback address (DNS rebinding)', async () => {
    const c = await cookie()
    const http = await import('node:http')
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${host.url}/ipc/devices:list`, { method: 'POST', headers: { host: `evil.example:${host.port}`, cookie: c, 'content-type': 'application/json' } }, (r) => {
        r.resume()
        resolve(r.statusCode!)
      })
      req.on('error', reject)
      req.end('{}')
    })
    expect(status).toBe(403)
  })

  it('accepts the event socket only with the cookie', async () => {
    const c = await cookie()
    const wsUrl = `${host.url.replace('http', 'ws')}/events?client=a`
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(wsUrl)
      ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)))
      ws.on('error', () => resolve('error'))
    })
    expect(refused).toBe('403')
    const opened = await new Promise<boolean>((resolve) => {
      const ws = new WebSocket(wsUrl, { headers: { cookie: c, origin: host.url } })
      ws.on('open', () => (ws.close(), resolve(true)))
      ws.on('error', () => resolve(false))
    })
    expect(opened).toBe(true)
  })

  it('counts a tab as gone only when its event socket stays away, not on a reconnect', async () => {
    const gone = vi.fn()
    const dir = mkdtempSync(join(tmpdir(), 'uplink-renderer-'))
    writeFileSync(join(dir, 'index.html'), '<html></html>')
    const h = await startWebHost({ handlers: Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => ({}))])) as unknown as Handlers, rendererDir: dir, onClientGone: gone, clientGoneAfterMs: 1500 })
    try {
      const res = await fetch(h.launchUrl, { redirect: 'manual' })
      const c = res.headers.get('set-cookie')!.split(';')[0]!
      const open = () => new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`${h.url.replace('http', 'ws')}/events?client=tab-b`, { headers: { cookie: c, origin: h.url } })
        ws.on('open', () => resolve(ws))
        ws.on('error', reject)
      })
      const closed = (ws: WebSocket) => new Promise<void>((resolve) => { ws.once('close', () => resolve()); ws.close() })
      // A drop and an immediate reconnect (the bridge's first retry): the tab is not gone.
      await closed(await open())
      const again = await open()
      // Then the tab closes for good.
      await closed(again)
      await expect.poll(() => gone.mock.calls.length, { timeout: 5000 }).toBe(1)
      expect(gone).toHaveBeenCalledWith('tab-b')
    } finally {
      await h.close()
    }
  })
})
