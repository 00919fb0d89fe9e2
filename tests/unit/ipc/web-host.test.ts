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

let session: string | undefined

/** Opens the launch URL like a browser (once: the token is good once) and returns the cookie it set. */
async function cookie(): Promise<string> {
  if (session) return session
  const res = await fetch(host.launchUrl, { redirect: 'manual' })
  expect(res.status).toBe(302)
  const set = res.headers.get('set-cookie')!
  expect(set).toMatch(/HttpOnly/)
  expect(set).toMatch(/SameSite=Strict/)
  expect(set).toMatch(/Max-Age=43200/)
  session = set.split(';')[0]!
  return session
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

  it('trades the launch token once, for a separate session value in a cookie named for this host', async () => {
    const c = await cookie()
    const [name, value] = c.split('=') as [string, string]
    expect(name).toMatch(/^uplink_[0-9a-f]{12}$/)
    expect(value).not.toBe(new URL(host.launchUrl).searchParams.get('token'))
    const again = await fetch(host.launchUrl, { redirect: 'manual' })
    expect(again.status).toBe(403)
    expect(await again.text()).toMatch(/launch link has been used already/)
    // The token itself is no cookie value either.
    expect((await ipc({ cookie: `${name}=${new URL(host.launchUrl).searchParams.get('token')}`, origin: host.url })).status).toBe(403)
  })

  it('lets two hosts in one browser coexist: each knows only its own cookie', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uplink-renderer-'))
    writeFileSync(join(dir, 'index.html'), '<html><head></head></html>')
    const other = await startWebHost({ handlers: Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => [])])) as unknown as Handlers, rendererDir: dir })
    try {
      const theirs = (await fetch(other.launchUrl, { redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]!
      const mine = await cookie()
      expect(theirs.split('=')[0]).not.toBe(mine.split('=')[0])
      const both = `${mine}; ${theirs}`
      expect((await fetch(`${other.url}/ipc/devices:list`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: both, origin: other.url }, body: '{}' })).status).toBe(200)
      expect((await ipc({ cookie: both, origin: host.url })).status).toBe(200)
      expect((await fetch(`${other.url}/ipc/devices:list`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: mine, origin: other.url }, body: '{}' })).status).toBe(403)
    } finally {
      await other.close()
    }
  })

  it('forbids framing, and refuses a POST that says nothing of its Origin', async () => {
    const c = await cookie()
    const page = await fetch(`${host.url}/`, { headers: { cookie: c } })
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'")
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    const before = list.mock.calls.length
    const res = await ipc({ cookie: c })
    expect(res.status).toBe(403)
    expect(await res.text()).toMatch(/Origin/)
    expect(list.mock.calls.length).toBe(before)
  })

  it('answers 413 with the limit for a body over it, and 400 for broken percent-encoding', async () => {
    const c = await cookie()
    const big = await ipc({ cookie: c, origin: host.url }, JSON.stringify({ x: 'a'.repeat(1024 * 1024 + 10) }))
    expect(big.status).toBe(413)
    expect(await big.text()).toBe('The request body is over the 1 MB limit.')
    const broken = await fetch(`${host.url}/assets/%E0%A4%A`, { headers: { cookie: c } })
    expect(broken.status).toBe(400)
    expect((await ipc({ cookie: c, origin: host.url })).status).toBe(200)
  })

  it('serves an icon for the tab instead of a 404', async () => {
    const res = await fetch(`${host.url}/favicon.ico`)
    expect(res.status).not.toBe(404)
  })

  it('drops a WebSocket client that sends a malformed or oversized frame, and serves on', async () => {
    const c = await cookie()
    const wsUrl = `${host.url.replace('http', 'ws')}/events?client=bad`
    const open = () => new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(wsUrl, { headers: { cookie: c, origin: host.url } })
      ws.on('open', () => resolve(ws))
      ws.on('error', reject)
    })
    const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    // 70 KB: over the 64 KB limit.
    const big = await open()
    const bigClosed = closeCode(big)
    big.send('x'.repeat(70 * 1024))
    expect(await bigClosed).toBe(1009)
    // Raw frames on the socket underneath: invalid UTF-8 text, then an unmasked frame, then RSV1.
    for (const frame of [
      Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0xc3, 0x28]),
      Buffer.from([0x81, 0x02, 0x68, 0x69]),
      Buffer.from([0xc1, 0x82, 0, 0, 0, 0, 0x68, 0x69]),
    ]) {
      const ws = await open()
      const closed = closeCode(ws)
      ;(ws as unknown as { _socket: import('node:net').Socket })._socket.write(frame)
      expect([1002, 1006, 1007]).toContain(await closed)
    }
    expect((await ipc({ cookie: c, origin: host.url })).status).toBe(200)
  })

  it('refuses requests without the cookie, or with a wrong token', async () => {
    expect((await fetch(`${host.url}/`)).status).toBe(403)
    expect((await ipc({})).status).toBe(403)
    expect((await fetch(`${host.url}/?token=guess`, { redirect: 'manual' })).status).toBe(403)
    expect((await ipc({ cookie: 'uplink_host=guess', origin: host.url })).status).toBe(403)
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
