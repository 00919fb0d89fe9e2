/**
 * HTTP(S) to one router: an undici Agent with keep-alive whose TLS connector accepts the
 * router's self-signed certificate only when its SHA-256 fingerprint equals the pin. The
 * check runs on the socket before undici writes a byte of the request, so a changed
 * certificate never sees credentials.
 */
import tls from 'node:tls'
import { Client, buildConnector, errors as undiciErrors, type Dispatcher } from 'undici'
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
  const agent = new Connections(origin, opts.connections ?? 6, {
    connect,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    pipelining: 1,
    // Bigger answers are refused (a router never sends megabytes); see mapNetworkError.
    maxResponseSize: maxBytes,
  })

  return {
    origin,
    request(req) {
      return new Promise<HttpResponse>((resolve, reject) => send(req, resolve, reject, true))
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

  /**
   * Dispatches one request. A keep-alive socket the router closed (reboot, new certificate)
   * can be picked just before its close is seen: a GET is safe to repeat once on a fresh
   * connection, so `retry` lets a reset GET go out once more.
   */
  function send(req: HttpRequest, resolve: (res: HttpResponse) => void, reject: (err: unknown) => void, retry: boolean): void {
    const onError = (err: Error) => {
      if (retry && req.method === 'GET' && err instanceof NetworkError && err.failure === 'reset' && !req.signal?.aborted) queueMicrotask(() => send(req, resolve, reject, false))
      else reject(err)
    }
    agent.dispatch(
      { origin, method: req.method, path: req.path, headers: req.headers, body: req.body, headersTimeout: req.timeoutMs, bodyTimeout: req.timeoutMs },
      new ResponseCollector(req, origin, resolve, onError),
    )
  }
}

interface Connection {
  client: Client
  /** Requests given to this connection and not yet settled (0 or 1: no pipelining). */
  busy: number
}

/**
 * Up to `max` keep-alive connections to one router, one undici Client each. A request goes to
 * an idle connection (a new one while there is room), else waits for the first to come free,
 * so a long scan never holds up a status poll queued behind it. undici's Pool does the same
 * with more bookkeeping (a connection lookup before and after every dispatch, a drain event
 * after every answer): measured at 5 to 8 µs a call, as much as normalising the answer.
 */
class Connections {
  private readonly open: Connection[] = []
  private readonly waiting: { opts: Dispatcher.DispatchOptions; handler: ResponseCollector }[] = []
  private closing = false

  constructor(
    private readonly origin: string,
    private readonly max: number,
    private readonly options: Client.Options,
  ) {}

  dispatch(opts: Dispatcher.DispatchOptions, handler: ResponseCollector): void {
    if (this.closing) return handler.onError(new undiciErrors.ClientClosedError())
    const conn = this.idle()
    if (conn) return this.start(conn, opts, handler)
    if (handler.cutReason) return handler.onError(handler.cutReason)
    // Cancelled or timed out while waiting: it leaves the queue and fails at once.
    const w = { opts, handler }
    handler.onCutWhileWaiting = (err) => {
      const i = this.waiting.indexOf(w)
      if (i < 0) return
      this.waiting.splice(i, 1)
      handler.onError(err)
    }
    this.waiting.push(w)
  }

  /** Lets the requests under way and waiting finish, then closes every connection. */
  close(): Promise<void> {
    this.closing = true
    // Each waiting request joins a connection's own queue; the connection closes after it.
    for (const w of this.waiting.splice(0)) this.start(this.leastBusy(), w.opts, w.handler)
    // A closed connection ends destroyed; closing it again would be an error.
    return Promise.all(this.open.map((c) => (c.client.destroyed ? undefined : c.client.close()))).then(() => undefined)
  }

  /** Cuts every connection; requests under way and waiting fail. */
  destroy(): Promise<void> {
    this.closing = true
    const err = new undiciErrors.ClientDestroyedError()
    for (const w of this.waiting.splice(0)) w.handler.onError(err)
    return Promise.all(this.open.map((c) => (c.client.destroyed ? undefined : c.client.destroy(err)))).then(() => undefined)
  }

  private idle(): Connection | undefined {
    for (let i = 0; i < this.open.length; i++) if (this.open[i]!.busy === 0) return this.open[i]
    if (this.open.length >= this.max) return undefined
    const conn: Connection = { client: new Client(this.origin, this.options), busy: 0 }
    this.open.push(conn)
    return conn
  }

  /** After close(): the connection with the fewest requests (there is always at least one). */
  private leastBusy(): Connection {
    let best = this.idle()
    for (const c of this.open) if (!best || c.busy < best.busy) best = c
    return best!
  }

  private start(conn: Connection, opts: Dispatcher.DispatchOptions, handler: ResponseCollector): void {
    handler.onCutWhileWaiting = undefined
    conn.busy++
    handler.onSettled = () => {
      conn.busy--
      // Not from inside undici's callback: it may be failing the connection's queue just then.
      if (this.waiting.length > 0) queueMicrotask(() => this.next())
    }
    conn.client.dispatch(opts, handler)
  }

  /** Gives the longest-waiting request to a free connection, if one is free. */
  private next(): void {
    if (this.closing || this.waiting.length === 0) return
    const conn = this.idle()
    if (!conn) return
    const w = this.waiting.shift()!
    this.start(conn, w.opts, w.handler)
  }
}

/**
 * One request's handler on undici's dispatcher: collects the status, the two headers the
 * client reads and the body. Dispatching directly skips undici's request() wrapper (an async
 * resource, a parsed header object and a Readable stream per call), which on a fast LAN costs
 * more than the rest of the client. undici's own header/body timers bound the call; they tick
 * coarsely (~0.5-1 s), so a sub-second timeout gets a precise timer of its own. The caller's
 * signal is followed with one listener, removed when the request ends.
 */
class ResponseCollector {
  private status = 0
  private contentType: string | undefined
  private setCookies: string[] = []
  private chunks: Buffer[] = []
  private length = 0
  private abortFn: ((err?: Error) => void) | undefined
  /** Why the request was cut before undici handed over its abort function. */
  private reason: Error | undefined
  private timedOut = false
  private timer: NodeJS.Timeout | undefined
  private onAbort: (() => void) | undefined
  private done = false
  /** Told once when the request ends, however it ends (frees its connection). */
  onSettled: (() => void) | undefined
  /** Set while the request waits for a free connection: told when it is cancelled or times out. */
  onCutWhileWaiting: ((err: Error) => void) | undefined

  constructor(
    private readonly req: HttpRequest,
    private readonly origin: string,
    private readonly resolve: (res: HttpResponse) => void,
    private readonly reject: (err: Error) => void,
  ) {
    const signal = req.signal
    if (signal) {
      if (signal.aborted) this.reason = new CancelledError()
      else {
        this.onAbort = () => this.cut(new CancelledError())
        signal.addEventListener('abort', this.onAbort, { once: true })
      }
    }
    if (req.timeoutMs < 1000) {
      this.timer = setTimeout(() => {
        this.timedOut = true
        this.cut(new CancelledError())
      }, req.timeoutMs)
    }
  }

  /** Why the request was cut before it reached a connection, if it was. */
  get cutReason(): Error | undefined {
    return this.abortFn ? undefined : this.reason
  }

  private cut(err: Error): void {
    if (this.abortFn) this.abortFn(err)
    else {
      this.reason ??= err
      this.onCutWhileWaiting?.(this.reason)
    }
  }

  onConnect(abort: (err?: Error) => void): void {
    if (this.reason) abort(this.reason)
    else this.abortFn = abort
  }

  onHeaders(statusCode: number, raw: Buffer[]): boolean {
    // An informational (1xx) head precedes the answer; only the answer's head counts.
    if (statusCode < 200) return true
    this.status = statusCode
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i]!
      // Only two names matter; their lengths rule out every other header without decoding it.
      if (name.length === 12) {
        if (this.contentType === undefined && name.toString('latin1').toLowerCase() === 'content-type') this.contentType = headerValue(raw[i + 1])
      } else if (name.length === 10 && name.toString('latin1').toLowerCase() === 'set-cookie') {
        this.setCookies.push(headerValue(raw[i + 1]))
      }
    }
    return true
  }

  onData(chunk: Buffer): boolean {
    this.chunks.push(chunk)
    this.length += chunk.length
    return true
  }

  onComplete(): void {
    if (!this.finish()) return
    this.resolve({ status: this.status, contentType: this.contentType ?? '', body: decodeBody(this.chunks, this.length), setCookies: this.setCookies })
  }

  onError(err: Error): void {
    if (!this.finish()) return
    const req = this.req
    if (req.signal?.aborted) return this.reject(new CancelledError())
    const code = (err as { code?: string }).code
    if (this.timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
      return this.reject(new NetworkError('timeout', `No answer from ${this.origin} within ${Math.max(1, Math.round(req.timeoutMs / 1000))} s. Check the cable or Wi-Fi to the router; it may be busy or rebooting.`, { cause: err }))
    this.reject(mapNetworkError(err, this.origin))
  }

  /** Ends the request once: clears the timer and the signal listener. */
  private finish(): boolean {
    if (this.done) return false
    this.done = true
    if (this.timer) clearTimeout(this.timer)
    if (this.onAbort) this.req.signal!.removeEventListener('abort', this.onAbort)
    this.onSettled?.()
    return true
  }
}

function headerValue(v: Buffer | Buffer[] | string | undefined): string {
  if (v === undefined) return ''
  if (typeof v === 'string') return v
  return Array.isArray(v) ? v.map((x) => x.toString('latin1')).join(', ') : v.toString('latin1')
}

/** The body as UTF-8 text, a leading byte-order mark skipped (as undici's body.text() does). */
function decodeBody(chunks: Buffer[], length: number): string {
  if (length === 0) return ''
  const buf = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length)
  const start = buf.length > 2 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0
  return buf.toString('utf8', start)
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
