/**
 * The transport on its own, against a plain HTTP server whose answers each test shapes: the
 * response it hands the client, the headers it reads, cancelling, timeouts, size limits and
 * the one repeat of a GET on a dropped keep-alive connection.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CancelledError, NetworkError, ProtocolError } from '../../../src-main/peplink/errors'
import { createTransport, type Transport } from '../../../src-main/peplink/transport'

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void
let handler: Handler = (_req, _body, res) => res.end('{}')
let server: http.Server
let port = 0
let requests = 0

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests++
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (d: string) => (body += d))
    req.on('end', () => handler(req, body, res))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

function transport(extra: { maxResponseBytes?: number; connections?: number } = {}): Transport {
  return createTransport({ host: '127.0.0.1', port, scheme: 'http', ...extra })
}

describe('transport', () => {
  it('sends the method, path, headers and body, and returns status, content type, cookies and text', async () => {
    let seen: { method?: string; url?: string; cookie?: string; ct?: string; body?: string } = {}
    handler = (req, body, res) => {
      seen = { method: req.method, url: req.url, cookie: req.headers.cookie, ct: req.headers['content-type'], body }
      res.setHeader('Content-Type', 'application/json; charset=utf-8')
      res.setHeader('Set-Cookie', ['bauth=abc; Path=/', 'other=1'])
      res.end('{"stat":"ok","response":"ü"}')
    }
    const t = transport()
    const res = await t.request({ method: 'POST', path: '/api/login?x=1', headers: { 'content-type': 'application/json', cookie: 'c=1' }, body: '{"a":1}', timeoutMs: 5000 })
    expect(seen).toEqual({ method: 'POST', url: '/api/login?x=1', cookie: 'c=1', ct: 'application/json', body: '{"a":1}' })
    expect(res).toEqual({ status: 200, contentType: 'application/json; charset=utf-8', body: '{"stat":"ok","response":"ü"}', setCookies: ['bauth=abc; Path=/', 'other=1'] })
    await t.close()
  })

  it('reads a body that arrives in pieces, skips a byte-order mark, and reports no cookies and no type as empty', async () => {
    const long = JSON.stringify({ stat: 'ok', response: 'x'.repeat(200_000) })
    handler = (_req, _body, res) => {
      res.write(Buffer.from([0xef, 0xbb, 0xbf]))
      res.write(long.slice(0, 1000))
      setTimeout(() => res.end(long.slice(1000)), 5)
    }
    const t = transport()
    const res = await t.request({ method: 'GET', path: '/api/x', timeoutMs: 5000 })
    expect(res.body).toBe(long)
    expect(res.setCookies).toEqual([])
    expect(res.contentType).toBe('')
    handler = (_req, _body, res) => res.writeHead(401).end()
    expect(await t.request({ method: 'GET', path: '/api/x', timeoutMs: 5000 })).toMatchObject({ status: 401, body: '' })
    await t.close()
  })

  it('reads the answer, not an informational head sent before it', async () => {
    handler = (_req, _body, res) => {
      res.writeEarlyHints({ link: '</style.css>; rel=preload', 'set-cookie': 'early=1' })
      res.setHeader('Content-Type', 'application/json')
      res.setHeader('Set-Cookie', 'bauth=final')
      res.end('{"stat":"ok"}')
    }
    const t = transport()
    expect(await t.request({ method: 'GET', path: '/api/x', timeoutMs: 5000 })).toEqual({ status: 200, contentType: 'application/json', body: '{"stat":"ok"}', setCookies: ['bauth=final'] })
    await t.close()
  })

  it('stops at once when the caller cancels, before or during the request', async () => {
    // The router never answers: only the cancel can end the call (the timeout would end it as a NetworkError, a minute on).
    handler = () => undefined
    const t = transport()
    const ac = new AbortController()
    const pending = t.request({ method: 'GET', path: '/api/slow', signal: ac.signal, timeoutMs: 60_000 })
    setTimeout(() => ac.abort(), 50)
    await expect(pending).rejects.toBeInstanceOf(CancelledError)
    await expect(t.request({ method: 'GET', path: '/api/slow', signal: AbortSignal.abort(), timeoutMs: 5000 })).rejects.toBeInstanceOf(CancelledError)
    await t.close()
  })

  it('times out a sub-second call precisely, as a network timeout', async () => {
    // The router never answers: only the 200 ms timeout can end the call, as a network timeout.
    handler = () => undefined
    const t = transport()
    const err = await t.request({ method: 'GET', path: '/api/slow', timeoutMs: 200 }).then(() => undefined, (e: unknown) => e)
    expect(err).toBeInstanceOf(NetworkError)
    expect((err as NetworkError).failure).toBe('timeout')
    await t.close()
  })

  it('refuses an answer larger than the limit as a protocol error', async () => {
    handler = (_req, _body, res) => res.end('x'.repeat(10_000))
    const t = transport({ maxResponseBytes: 1000 })
    await expect(t.request({ method: 'GET', path: '/api/big', timeoutMs: 5000 })).rejects.toBeInstanceOf(ProtocolError)
    await t.close()
  })

  it('repeats a GET once when the connection is dropped, but not a POST', async () => {
    let drop = 0
    handler = (req, _body, res) => {
      if (drop > 0) {
        drop--
        req.socket.destroy()
        return
      }
      res.end('{"ok":true}')
    }
    const t = transport()
    drop = 1
    const before = requests
    expect((await t.request({ method: 'GET', path: '/api/x', timeoutMs: 5000 })).body).toBe('{"ok":true}')
    expect(requests - before).toBe(2)
    drop = 2
    const err = await t.request({ method: 'GET', path: '/api/x', timeoutMs: 5000 }).then(() => undefined, (e: unknown) => e)
    expect(err).toBeInstanceOf(NetworkError)
    expect((err as NetworkError).failure).toBe('reset')
    drop = 1
    await expect(t.request({ method: 'POST', path: '/api/x', body: '{}', timeoutMs: 5000 })).rejects.toBeInstanceOf(NetworkError)
    await t.close()
  })

  describe('connections', () => {
    // Requests the server holds until a test answers them, with the socket each came on.
    let held: { path: string; socket: object; res: http.ServerResponse }[] = []
    let arrived: (() => void)[] = []
    const hold: Handler = (req, _body, res) => {
      held.push({ path: req.url!, socket: req.socket, res })
      for (const f of arrived.splice(0)) f()
    }
    /** Resolves once `n` requests are held. */
    const heldCount = (n: number) => new Promise<void>((resolve) => {
      const check = () => (held.length >= n ? resolve() : arrived.push(check))
      check()
    })
    const answer = (path: string) => {
      const i = held.findIndex((h) => h.path === path)
      held.splice(i, 1)[0]!.res.end(`{"path":"${path}"}`)
    }
    const get = (t: Transport, path: string) => t.request({ method: 'GET', path, timeoutMs: 10_000 })
    beforeEach(() => {
      held = []
      handler = hold
    })

    it('runs calls side by side on up to `connections` keep-alive connections; the next waits for the first to come free', async () => {
      const t = transport({ connections: 2 })
      const a = get(t, '/a')
      const b = get(t, '/b')
      const c = get(t, '/c')
      await heldCount(2)
      expect(held.map((h) => h.path).sort()).toEqual(['/a', '/b'])
      const socketOfA = held.find((h) => h.path === '/a')!.socket
      const socketOfB = held.find((h) => h.path === '/b')!.socket
      expect(socketOfB).not.toBe(socketOfA)
      answer('/b')
      expect((await b).body).toBe('{"path":"/b"}')
      // /c went out on the connection /b freed (not a third), while /a is still under way.
      await heldCount(2)
      const socketOfC = held.find((h) => h.path === '/c')!.socket
      expect(socketOfC).toBe(socketOfB)
      answer('/a')
      answer('/c')
      expect((await a).body).toBe('{"path":"/a"}')
      expect((await c).body).toBe('{"path":"/c"}')
      // One call after the others reuses a connection: still two sockets in all.
      const d = get(t, '/d')
      await heldCount(1)
      expect([socketOfA, socketOfB]).toContain(held[0]!.socket)
      answer('/d')
      await d
      await t.close()
    })

    it('a call cancelled or timed out while it waits for a connection fails at once and leaves the queue', async () => {
      const t = transport({ connections: 1 })
      const a = get(t, '/a')
      await heldCount(1)
      const stop = new AbortController()
      const cancelled = t.request({ method: 'GET', path: '/cancelled', timeoutMs: 10_000, signal: stop.signal })
      const late = t.request({ method: 'GET', path: '/late', timeoutMs: 200 })
      stop.abort()
      await expect(cancelled).rejects.toBeInstanceOf(CancelledError)
      const err = await late.then(() => undefined, (e: unknown) => e)
      expect(err).toBeInstanceOf(NetworkError)
      expect((err as NetworkError).failure).toBe('timeout')
      // Neither reached the router, and the connection goes on to the next call.
      expect(held.map((h) => h.path)).toEqual(['/a'])
      const c = get(t, '/c')
      answer('/a')
      await a
      await heldCount(1)
      expect(held.map((h) => h.path)).toEqual(['/c'])
      answer('/c')
      expect((await c).body).toBe('{"path":"/c"}')
      await t.close()
    })

    it('close lets the calls under way and waiting finish, then refuses new ones', async () => {
      const t = transport({ connections: 1 })
      const a = get(t, '/a')
      const b = get(t, '/b')
      await heldCount(1)
      let closed = false
      const closing = t.close().then(() => (closed = true))
      answer('/a')
      expect((await a).body).toBe('{"path":"/a"}')
      await heldCount(1)
      expect(held[0]!.path).toBe('/b')
      expect(closed).toBe(false)
      answer('/b')
      expect((await b).body).toBe('{"path":"/b"}')
      await closing
      const err = await get(t, '/c').then(() => undefined, (e: unknown) => e)
      expect(err).toBeInstanceOf(NetworkError)
    })
  })
})
