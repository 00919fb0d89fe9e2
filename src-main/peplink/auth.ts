/**
 * The two ways into a router: an admin login (cookie `bauth` over HTTPS, `pauth` over HTTP)
 * and client credentials (`auth.token.grant`, then `accessToken` on every call). Both end up
 * as a Session that knows what it may do and how to decorate a request.
 */
import { AuthenticationError, CancelledError, redact } from './errors'
import type { Envelope } from './envelope'

export type Credentials =
  | { kind: 'admin'; username: string; password: string }
  | { kind: 'client'; clientId: string; clientSecret: string; scope?: 'api' | 'api.read-only' }

/** What the current session may do, as the router granted it. */
export interface Permission {
  read: boolean
  write: boolean
  /** Client and token administration; only an admin login can have it. */
  admin: boolean
  via: 'login' | 'token'
  /** The token's scope (`api` or `api.read-only`) for token sessions. */
  scope?: string
}

/** Sends one unauthenticated endpoint call and returns its envelope and any cookies set. */
export type EnvelopeSender = (
  method: 'GET' | 'POST',
  name: string,
  body: Record<string, unknown>,
  signal?: AbortSignal,
  /** Carry the current session (logout must say which session ends). */
  withSession?: boolean,
) => Promise<{ env: Envelope; setCookies: string[] }>

/** Refresh an access token this long before it expires (mature clients use ~10 minutes). */
const RENEW_MARGIN_MS = 10 * 60 * 1000

/** Keeps one authenticated session alive: logs in, renews, and decorates requests. */
export class Authenticator {
  private cookie?: string
  private token?: { value: string; expiresAt: number; grantedAt: number; query: string }
  private inflight?: Promise<void>
  permission?: Permission
  /** Counts the logins begun: a call remembers it to tell whether its 401 is already dealt with. */
  generation = 0

  constructor(
    private readonly send: EnvelopeSender,
    private readonly credentials: Credentials,
    private readonly scheme: 'https' | 'http',
    private readonly now: () => number = Date.now,
  ) {}

  get kind(): Credentials['kind'] {
    return this.credentials.kind
  }

  /** True while a session exists that does not need renewing. */
  get fresh(): boolean {
    if (this.credentials.kind === 'admin') return this.cookie !== undefined
    if (!this.token) return false
    const lifetime = this.token.expiresAt - this.token.grantedAt
    const margin = Math.min(RENEW_MARGIN_MS, lifetime / 2)
    return this.now() < this.token.expiresAt - margin
  }

  /** True within a few seconds of a token grant, when routers answer spurious failures. */
  get justGranted(): boolean {
    return this.token !== undefined && this.now() - this.token.grantedAt < 5000
  }

  /** Makes sure a usable session exists, logging in or renewing the token as needed. */
  async ensure(signal?: AbortSignal): Promise<void> {
    if (!this.fresh) await this.authenticate(signal)
  }

  /**
   * Drops the current session and authenticates again (used once after a 401). Calls that
   * overlap share one login: after a reboot every call of a dashboard refresh gets a 401 at
   * once, and each logging in on its own would leave extra sessions on the router. The shared
   * login is not tied to any one caller's cancel signal; each caller still stops on its own.
   */
  async authenticate(signal?: AbortSignal): Promise<void> {
    if (!this.inflight) {
      this.cookie = undefined
      this.token = undefined
      this.generation++
      const run = this.credentials.kind === 'admin' ? this.login(this.credentials) : this.grant(this.credentials)
      this.inflight = run.finally(() => {
        this.inflight = undefined
      })
    }
    await untilAborted(this.inflight, signal)
  }

  /**
   * After a 401 on a request sent during login `generation`: logs in again, unless another
   * call already has since (its login in flight is joined; a finished one is used as it is).
   * Replies to calls sent side by side arrive at different times, and a 401 that arrives after
   * the shared login finished must not start a second one.
   */
  async reauthenticate(generation: number, signal?: AbortSignal): Promise<void> {
    if (this.generation !== generation && this.fresh) return
    await this.authenticate(signal)
  }

  /**
   * Adds the session to a request: sets the cookie header, or returns the `accessToken=…`
   * query parameter ('' when there is none), encoded once when the token was granted.
   */
  decorate(headers: Record<string, string>): string {
    if (this.cookie) headers.cookie = this.cookie
    return this.token ? this.token.query : ''
  }

  /** Ends the session on the router (best effort) and forgets it locally. */
  async logout(signal?: AbortSignal): Promise<void> {
    const hadCookie = this.cookie !== undefined
    try {
      if (hadCookie) await this.send('POST', 'logout', {}, signal, true)
    } finally {
      this.cookie = undefined
      this.token = undefined
    }
  }

  private async login(c: { username: string; password: string }, signal?: AbortSignal): Promise<void> {
    const { env, setCookies } = await this.send('POST', 'login', { username: c.username, password: c.password }, signal)
    if (env.stat !== 'ok') {
      // Routers report a wrong password as 301, 401 or otherwise; any failed login is an auth failure.
      throw new AuthenticationError(
        `The router refused the login for user "${c.username}"${env.message ? ` (${redact(env.message)})` : ''}. Check the user name and password (a factory-fresh router uses admin / admin).`,
        { code: env.code, endpoint: 'login' },
      )
    }
    const cookie = pickSessionCookie(setCookies, this.scheme)
    if (!cookie) throw new AuthenticationError('The router accepted the login but set no session cookie. Its web admin may be behind a proxy; connect to the router directly.', { endpoint: 'login' })
    this.cookie = cookie
    const perm = (env.response as { permission?: { GET?: unknown; POST?: unknown } } | undefined)?.permission
    const write = Number(perm?.POST) === 1
    this.permission = { read: perm === undefined ? true : Number(perm.GET) === 1, write, admin: write, via: 'login' }
  }

  private async grant(c: { clientId: string; clientSecret: string; scope?: string }, signal?: AbortSignal): Promise<void> {
    // Sending `scope` fails on some firmware; only send it when the caller asked for a narrower one.
    const body: Record<string, unknown> = { clientId: c.clientId, clientSecret: c.clientSecret }
    if (c.scope === 'api.read-only') body.scope = c.scope
    let { env } = await this.send('POST', 'auth.token.grant', body, signal)
    if (env.stat !== 'ok' && env.code === undefined) ({ env } = await this.send('POST', 'auth.token.grant', body, signal))
    if (env.stat !== 'ok') {
      throw new AuthenticationError(
        `The router refused the client id and secret${env.message ? ` (${redact(env.message)})` : ''}. Check them in the router's API access settings, or create a new client.`,
        { code: env.code, endpoint: 'auth.token.grant' },
      )
    }
    const r = (env.response ?? {}) as Record<string, unknown>
    const value = typeof r.accessToken === 'string' ? r.accessToken : ''
    if (!value) throw new AuthenticationError('The router granted a token but sent none back. Try again.', { endpoint: 'auth.token.grant' })
    const expiresIn = Number(r.expiresIn)
    const now = this.now()
    this.token = { value, grantedAt: now, expiresAt: now + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000, query: new URLSearchParams({ accessToken: value }).toString() }
    const scope = typeof r.scope === 'string' ? r.scope : (c.scope ?? 'api')
    this.permission = { read: true, write: scope === 'api', admin: false, via: 'token', scope }
  }
}

/** The session cookie a login set: `bauth` over HTTPS, `pauth` over HTTP (either is accepted). */
function pickSessionCookie(setCookies: string[], scheme: 'https' | 'http'): string | undefined {
  const preferred = scheme === 'https' ? 'bauth' : 'pauth'
  let found: string | undefined
  for (const c of setCookies) {
    const m = /^\s*(bauth|pauth)=([^;]+)/.exec(c)
    if (!m) continue
    found = `${m[1]}=${m[2]}`
    if (m[1] === preferred) return found
  }
  return found
}

/** `p`, or a CancelledError as soon as `signal` aborts (p carries on for its other waiters). */
function untilAborted(p: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return p
  if (signal.aborted) return Promise.reject(new CancelledError())
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError())
    signal.addEventListener('abort', onAbort, { once: true })
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
