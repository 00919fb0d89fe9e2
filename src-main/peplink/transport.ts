/**
 * HTTP(S) to one router: an undici Agent with keep-alive whose TLS connector accepts the
 * router's self-signed certificate only when its SHA-256 fingerprint equals the pin. The
 * check runs on the socket before undici writes a byte of the request, so a changed
 * certificate never sees credentials.
 */
import tls from 'node:tls'
import { Pool, buildConnector, errors as undiciErrors } from 'undici'
import { CancelledError, CertificateError, NetworkError, ProtocolError, type NetworkFailure } from './errors'

export interface TransportOptions {
  host: string
  port: number
  scheme: 'https' | 'http'
  /** SHA-256 fingerprint the router's certificate must have (any case, colons optional). */
  pin?: string
  connectTimeoutMs?: number
  /** Answers larger than this are refused as a protocol error. */
  maxResponseBytes?: number
  /** Parallel keep-alive connections; the dashboard issues its calls side by side. */
  connections?: number
}

export interface HttpRequest {
  method: 'GET' | 'POST'
  /** Path and query, e.g. `/api/status.wan.connection?id=1`. */
  path: string
  headers?: Record<string, string>
  body?: string
  signal?: AbortSignal
  timeoutMs: number
}

export interface HttpResponse {
  status: number
  contentType: string
  body: string
  setCookies: string[]
}

/** How long close() lets requests in flight finish before cutting them. */
const CLOSE_GRACE_MS = 1500

/** Sends requests to one router. Injected into the client so tests can substitute it. */
export interface Transport {
  readonly origin: string
  request(req: HttpRequest): Promise<HttpResponse>
  close(): Promise<void>
}

/** The certificate a router presents, for a person to approve before it is pinned. */
export interface PresentedCertificate {
  fingerprint256: string
  subject: string
  issuer: string
  validFrom: string
  validTo: string
  selfSigned: boolean
}

/** Canonical fingerprint form: uppercase hex pairs joined by colons (Node's format). */
export function normalizeFingerprint(fp: string): string {
  const hex = fp.replace(/[^0-9a-fA-F]/g, '').toUpperCase()
  if (hex.length !== 64) throw new CertificateError(`"${fp}" is not a SHA-256 fingerprint (64 hexadecimal digits, colons optional).`)
  return hex.match(/../g)!.join(':')
}

const DEFAULT_MAX_BYTES = 8 * 1024 * 1024

/** Creates the keep-alive transport for one router. */
export function createTransport(opts: TransportOptions): Transport {
  const origin = `${opts.scheme}://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${opts.port}`
  const pin = opts.pin ? normalizeFingerprint(opts.pin) : undefined
  const maxBytes = opts.maxResponseBytes ?? DEFAULT_MAX_BYTES
  const connectTimeout = opts.connectTimeoutMs ?? 5000
  const base = buildConnector({ rejectUnauthorized: false, maxCachedSessions: 0, timeout: connectTimeout })
  const connect: buildConnector.connector = (o, cb) => {
    if (o.protocol !== 'https:') return base(o, cb)
    if (!pin) {
      cb(new CertificateError('No certificate is pinned for this router. Look at the certificate it presents and approve it first.'), null)
      return
    }
    base(o, (err, socket) => {
      if (err) return cb(err, null)
      const cert = (socket as tls.TLSSocket).getPeerCertificate()
      const presented = cert?.fingerprint256
      if (presented !== pin) {
        socket!.destroy()
        cb(new CertificateError(
          `The router's certificate has changed: expected ${pin}, presented ${presented ?? 'none'}. ` +
            'Nothing was sent. If the router was reset or its certificate replaced, check it on site and approve the new one.',
          { expected: pin, presented, subject: subjectText(cert?.subject) },
        ), null)
        return
      }
      cb(null, socket!)
    })
  }
  // One transport talks to one router, so a Pool for that origin (no per-request routing).
  const agent = new Pool(origin, {
    connect,
    connections: opts.connections ?? 6,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    pipelining: 1,
    // Bigger answers are refused (a router never sends megabytes); see mapNetworkError.
    maxResponseSize: maxBytes,
  })

  return {
    origin,
    async request(req) {
      try {
        return await send(req)
      } catch (err) {
        // A keep-alive socket the router closed (reboot, new certificate) can be picked just
        // before its close is seen. A GET is safe to repeat once on a fresh connection.
        if (req.method === 'GET' && err instanceof NetworkError && err.failure === 'reset' && !req.signal?.aborted) return send(req)
        throw err
      }
    },
    // Waits for requests in flight to end, but a long one (a 60 s scan) must not hold up a
    // disconnect or quit: after a short grace they are cut.
    async close() {
      let timer: NodeJS.Timeout | undefined
      const cut = new Promise<void>((resolve) => {
        timer = setTimeout(() => resolve(agent.destroy().catch(() => undefined)), CLOSE_GRACE_MS)
      })
      try {
        await Promise.race([agent.close(), cut])
      } finally {
        clearTimeout(timer)
      }
    },
  }

  async function send(req: HttpRequest): Promise<HttpResponse> {
    // undici's own header/body timers bound the call; they tick coarsely (~0.5-1 s), so a
    // sub-second timeout gets a precise timer of its own. An AbortSignal per request costs
    // more than the rest of the client on a fast LAN, so none is made unless needed.
    let timedOut = false
    let ac: AbortController | undefined
    let timer: NodeJS.Timeout | undefined
    if (req.timeoutMs < 1000) {
      ac = new AbortController()
      timer = setTimeout(() => {
        timedOut = true
        ac!.abort()
      }, req.timeoutMs)
    }
    const forward = () => ac?.abort()
    if (ac && req.signal) {
      req.signal.addEventListener('abort', forward, { once: true })
      if (req.signal.aborted) ac.abort()
    }
    try {
      const res = await agent.request({
        method: req.method,
        path: req.path,
        headers: req.headers,
        body: req.body,
        signal: ac?.signal ?? req.signal,
        headersTimeout: req.timeoutMs,
        bodyTimeout: req.timeoutMs,
      })
      const body = await res.body.text()
      const sc = res.headers['set-cookie']
      const ct = res.headers['content-type']
      return {
        status: res.statusCode,
        contentType: (Array.isArray(ct) ? ct[0] : ct) ?? '',
        body,
        setCookies: sc === undefined ? [] : Array.isArray(sc) ? sc : [sc],
      }
    } catch (err) {
      if (req.signal?.aborted) throw new CancelledError()
      const code = (err as { code?: string }).code
      if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
        throw new NetworkError('timeout', `No answer from ${origin} within ${Math.max(1, Math.round(req.timeoutMs / 1000))} s. Check the cable or Wi-Fi to the router; it may be busy or rebooting.`, { cause: err })
      throw mapNetworkError(err, origin)
    } finally {
      if (timer) clearTimeout(timer)
      if (ac) req.signal?.removeEventListener('abort', forward)
    }
  }
}

function subjectText(s: tls.Certificate | undefined): string {
  if (!s) return ''
  return Object.entries(s).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join(', ')
}

const FAILURES: Record<string, [NetworkFailure, string]> = {
  ECONNREFUSED: ['refused', 'refused the connection. Check the address and port (the web admin port, often 443) and that the router is up.'],
  ECONNRESET: ['reset', 'dropped the connection. The router may be rebooting; try again in a minute.'],
  EPIPE: ['reset', 'dropped the connection. The router may be rebooting; try again in a minute.'],
  UND_ERR_SOCKET: ['reset', 'closed the connection unexpectedly. The router may be rebooting; try again in a minute.'],
  UND_ERR_CLOSED: ['reset', 'closed the connection unexpectedly. Try again.'],
  EHOSTUNREACH: ['unreachable', 'is unreachable. Check that the laptop is on the router\'s LAN (cable or Wi-Fi) and has an address in its subnet.'],
  ENETUNREACH: ['unreachable', 'is unreachable. Check that the laptop is on the router\'s LAN (cable or Wi-Fi) and has an address in its subnet.'],
  ENOTFOUND: ['dns', 'is not a known host name. Use the router\'s IP address.'],
  EAI_AGAIN: ['dns', 'could not be looked up. Use the router\'s IP address.'],
  ETIMEDOUT: ['timeout', 'did not answer in time. Check the cable or Wi-Fi to the router.'],
  UND_ERR_CONNECT_TIMEOUT: ['timeout', 'did not accept a connection in time. Check the address, the cable or Wi-Fi, and that the router is up (it may be rebooting).'],
  UND_ERR_HEADERS_TIMEOUT: ['timeout', 'accepted the connection but did not answer in time. It may be busy or rebooting.'],
  UND_ERR_BODY_TIMEOUT: ['timeout', 'stopped answering mid-reply. It may be busy or rebooting.'],
}

/** Maps a socket/undici failure to a NetworkError (or passes certificate errors through). */
export function mapNetworkError(err: unknown, origin: string): Error {
  if (err instanceof CertificateError || err instanceof ProtocolError || err instanceof CancelledError) return err
  const cause = (err as { cause?: unknown })?.cause
  if (cause instanceof CertificateError) return cause
  const code = (err as { code?: string })?.code ?? (cause as { code?: string } | undefined)?.code ?? ''
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE')
    return new ProtocolError(`${origin} sent a larger answer than a router ever does; is this really a Peplink router?`)
  const known = FAILURES[code]
  if (known) return new NetworkError(known[0], `${origin} ${known[1]}`, { cause: err })
  if (err instanceof undiciErrors.UndiciError || (err as Error)?.name === 'SocketError')
    return new NetworkError('reset', `${origin} closed the connection unexpectedly. Try again.`, { cause: err })
  if (/SSL|TLS|certificate|handshake|EPROTO/i.test(String((err as Error)?.message) + code))
    return new NetworkError('other', `${origin} did not complete a secure (HTTPS) connection. If the router serves plain HTTP on this port, connect with HTTP.`, { cause: err })
  return new NetworkError('other', `Could not talk to ${origin}: ${(err as Error)?.message ?? String(err)}`, { cause: err })
}

/** Connects once over TLS, sends nothing, and returns the certificate the router presents. */
export function probeCertificate(host: string, port: number, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<PresentedCertificate> {
  return new Promise((resolve, reject) => {
    const origin = `https://${host}:${port}`
    const socket = tls.connect({ host, port, rejectUnauthorized: false, servername: isIp(host) ? undefined : host })
    const fail = (err: unknown) => {
      cleanup()
      reject(err instanceof Error && 'kind' in err ? err : mapNetworkError(err, origin))
    }
    const timer = setTimeout(() => fail(Object.assign(new Error('timeout'), { code: 'UND_ERR_CONNECT_TIMEOUT' })), opts.timeoutMs ?? 5000)
    const onAbort = () => fail(new CancelledError())
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    function cleanup() {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      socket.destroy()
    }
    socket.once('secureConnect', () => {
      const c = socket.getPeerCertificate()
      cleanup()
      resolve({
        fingerprint256: c.fingerprint256,
        subject: subjectText(c.subject),
        issuer: subjectText(c.issuer),
        validFrom: c.valid_from,
        validTo: c.valid_to,
        selfSigned: subjectText(c.subject) === subjectText(c.issuer),
      })
    })
    socket.once('error', fail)
  })
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':')
}
