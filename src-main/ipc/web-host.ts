/**
 * The browser host: the same handlers as the Electron window, served to a browser on
 * 127.0.0.1. Requests are `POST /ipc/<channel>`, events go over one WebSocket. Like Jupyter,
 * it prints a URL with a random per-launch token. The token is good once: opening it trades it
 * for a separate random session value in an HttpOnly, SameSite=Strict cookie named for this host
 * instance (cookies ignore ports, so two hosts, or another server on 127.0.0.1, never see each
 * other's), which lives 12 hours. Requests without it, from a foreign Origin, a POST or socket
 * without an Origin, or with a Host other than the loopback address get 403. No page may frame
 * the app. A bad client (a malformed or oversized WebSocket frame, a huge body, a broken path)
 * is answered or dropped; the host serves on.
 */
import http from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import type { EventName, Events } from '../../src-preload/contract'
import { dispatch, type Handlers } from './dispatch'

export interface WebHostOptions {
  handlers: Handlers
  /** The built renderer (out/renderer). */
  rendererDir: string
  port?: number
  /** Only loopback addresses are accepted. */
  host?: string
  /** Called when a tab's socket closes and it does not reconnect, so its watches and sweeps can stop. */
  onClientGone?: (clientId: string) => void
  /** How long a tab may be away before it counts as gone (default 15 s; its bridge reconnects sooner). */
  clientGoneAfterMs?: number
  /** The app icon, served as /favicon.ico when the renderer has no favicon.png. */
  iconFile?: string
  /** Subscribes to events for every tab (session state). */
  onBroadcast?: (listener: <E extends EventName>(event: E, payload: Events[E]) => void) => () => void
}

export interface WebHost {
  url: string
  /** The URL to open: carries the per-launch token. */
  launchUrl: string
  port: number
  close(): Promise<void>
}

/** How long a browser session lasts before the technician must start the host again. */
export const SESSION_SECONDS = 12 * 3600
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.json': 'application/json',
}
const MAX_BODY = 1024 * 1024
/** The largest WebSocket message the host accepts (the bridge sends none; events go the other way). */
const MAX_WS_MESSAGE = 64 * 1024
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
}

/** Starts the browser host and resolves once it listens. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const bind = opts.host ?? '127.0.0.1'
  if (!/^127\.\d+\.\d+\.\d+$/.test(bind) && bind !== '::1') throw new Error('The browser host only listens on a loopback address (127.x.x.x or ::1).')
  const token = randomBytes(24).toString('base64url')
  let tokenUsed = false
  const cookieName = `uplink_${randomBytes(6).toString('hex')}`
  /** Session value -> when it expires (ms). */
  const sessions = new Map<string, number>()
  const sockets = new Map<string, Set<WebSocket>>()
  const goneTimers = new Map<string, NodeJS.Timeout>()
  let port = 0

  const allowedHosts = () => new Set([`${bind}:${port}`, `localhost:${port}`, bind === '::1' ? `[::1]:${port}` : ''])
  const allowedOrigins = () => new Set([...allowedHosts()].filter(Boolean).map((h) => `http://${h}`))
  const authorised = (req: http.IncomingMessage) => {
    const m = new RegExp(`(?:^|;\\s*)${cookieName}=([^;]+)`).exec(req.headers.cookie ?? '')
    if (!m) return false
    for (const [value, expires] of sessions) if (safeEqual(m[1]!, value)) return Date.now() < expires
    return false
  }
  /**
   * The checks every request passes: loopback Host, same Origin (and an Origin at all on a POST
   * or a socket, which browsers always send there), the cookie.
   */
  const refuse = (req: http.IncomingMessage, needsOrigin = false): string | undefined => {
    if (!allowedHosts().has(req.headers.host ?? '')) return 'Host is not the loopback address this host listens on.'
    const origin = req.headers.origin
    if (origin === undefined && needsOrigin) return 'A request that changes something must say where it comes from (Origin).'
    if (origin !== undefined && !allowedOrigins().has(origin)) return 'Requests from other sites are refused.'
    if (!authorised(req)) return 'Open the URL the browser host printed; it carries the access token.'
    return undefined
  }

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (err instanceof BodyTooLarge) {
        res.setHeader('connection', 'close')
        return deny(res, `The request body is over the ${MAX_BODY / 1024 / 1024} MB limit.`, 413)
      }
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end('Internal error')
    })
  })
  // A malformed request line or header: answer 400 and close, never crash.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://local')
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v)
    let pathname: string
    try {
      pathname = decodeURIComponent(url.pathname)
    } catch {
      return deny(res, 'The address has broken percent-encoding.', 400)
    }
    // The launch URL: trade the one-time token for a session cookie, then drop it from the address bar.
    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!allowedHosts().has(req.headers.host ?? '') || !safeEqual(url.searchParams.get('token')!, token)) return deny(res, 'The access token is not valid for this launch.')
      if (tokenUsed) return deny(res, 'This launch link has been used already. Go back to the browser tab where Uplink opened, or start the browser host again for a new link.')
      tokenUsed = true
      const session = randomBytes(32).toString('base64url')
      sessions.set(session, Date.now() + SESSION_SECONDS * 1000)
      res.writeHead(302, { 'set-cookie': `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_SECONDS}`, location: '/' })
      return res.end()
    }
    // The tab's icon: served without the cookie (browsers ask before the page says who it is).
    if (req.method === 'GET' && url.pathname === '/favicon.ico' && allowedHosts().has(req.headers.host ?? '')) return serveIcon(res)
    const why = refuse(req, req.method !== 'GET' && req.method !== 'HEAD')
    if (why) return deny(res, why)
    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return deny(res, 'Use POST.', 405)
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return deny(res, 'Send JSON.', 415)
      const body = await readBody(req)
      let payload: unknown
      try {
        payload = body.length ? JSON.parse(body) : {}
      } catch {
        return json(res, { ok: false, error: { kind: 'validation', message: 'The request body is not JSON.' } })
      }
      const clientId = String(req.headers['x-uplink-client'] ?? 'anonymous').slice(0, 64)
      const result = await dispatch(opts.handlers, pathname.slice(5), payload, { clientId, emit: (e, p) => send(clientId, e, p) })
      return json(res, result)
    }
    if (req.method !== 'GET') return deny(res, 'Method not allowed.', 405)
    return serveStatic(pathname, res)
  }

  async function serveIcon(res: http.ServerResponse) {
    for (const file of [join(opts.rendererDir, 'favicon.png'), ...(opts.iconFile ? [opts.iconFile] : [])]) {
      const data = await fs.readFile(file).catch(() => undefined)
      if (data) {
        res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=86400' })
        return res.end(data)
      }
    }
    res.writeHead(204)
    res.end()
  }

  async function serveStatic(pathname: string, res: http.ServerResponse) {
    const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '')
    const file = normalize(join(opts.rendererDir, rel))
    if (!file.startsWith(normalize(opts.rendererDir) + sep)) return deny(res, 'Not found.', 404)
    let data: Buffer
    try {
      data = await fs.readFile(file)
    } catch {
      return deny(res, 'Not found.', 404)
    }
    if (rel === 'index.html') {
      // The page gets the web bridge before the app script, as Electron's preload would.
      data = Buffer.from(data.toString('utf8').replace('<head>', '<head>\n    <script type="module" src="/web-bridge.js"></script>'))
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    res.end(data)
  }

  function send<E extends EventName>(clientId: string, event: E, payload: Events[E]) {
    const text = JSON.stringify({ event, payload })
    for (const ws of sockets.get(clientId) ?? []) if (ws.readyState === ws.OPEN) ws.send(text)
  }

  const unsubscribe = opts.onBroadcast?.((event, payload) => {
    for (const clientId of sockets.keys()) send(clientId, event, payload)
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE })
  wss.on('error', () => undefined)
  server.on('upgrade', (req, socket, head) => {
    // A socket that fails before or during the upgrade is dropped, never left to crash the host.
    socket.on('error', () => socket.destroy())
    const url = new URL(req.url ?? '/', 'http://local')
    if (url.pathname !== '/events' || refuse(req, true)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      socket.destroy()
      return
    }
    const clientId = (url.searchParams.get('client') ?? 'anonymous').slice(0, 64)
    wss.handleUpgrade(req, socket, head, (ws) => {
      // A malformed frame (bad UTF-8, unmasked, RSV bits, over the size limit): ws closes the
      // socket with the matching code (1002, 1007, 1009) and reports it here; the host serves on.
      ws.on('error', () => ws.terminate())
      clearTimeout(goneTimers.get(clientId))
      goneTimers.delete(clientId)
      const set = sockets.get(clientId) ?? new Set()
      set.add(ws)
      sockets.set(clientId, set)
      ws.on('close', () => {
        set.delete(ws)
        if (set.size > 0) return
        sockets.delete(clientId)
        // The bridge reconnects after a drop (Wi-Fi blip, laptop asleep): only a tab that stays
        // away is gone, and takes its live signal watches with it.
        const timer = setTimeout(() => {
          goneTimers.delete(clientId)
          if (!sockets.has(clientId)) opts.onClientGone?.(clientId)
        }, opts.clientGoneAfterMs ?? 15_000)
        timer.unref()
        goneTimers.set(clientId, timer)
      })
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, bind, () => resolve())
  })
  port = (server.address() as { port: number }).port
  const url = `http://${bind === '::1' ? '[::1]' : bind}:${port}`
  return {
    url,
    launchUrl: `${url}/?token=${token}`,
    port,
    async close() {
      unsubscribe?.()
      for (const set of sockets.values()) for (const ws of set) ws.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function deny(res: http.ServerResponse, message: string, status = 403) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(message)
}

function json(res: http.ServerResponse, body: unknown) {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        // Stop reading but keep the socket, so the 413 answer reaches the client.
        req.removeAllListeners('data')
        req.resume()
        reject(new BodyTooLarge())
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
