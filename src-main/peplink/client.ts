/**
 * The router API client: one request function over the endpoint table. It validates before
 * sending, knows the router's firmware and the session's permission, logs in again once on
 * a 401, and turns every failure into one UplinkError.
 */
import type { z } from 'zod'
import { Authenticator, type Credentials, type Permission } from './auth'
import { ENDPOINTS, type EndpointKey, type EndpointSpec, type RequestOf, type ResponseOf, type TimeoutClass } from './endpoints'
import { parseEnvelope, type Envelope } from './envelope'
import { AuthenticationError, CertificateError, DeviceError, NetworkError, PermissionError, ProtocolError, UnsupportedError, ValidationError, toUplinkError } from './errors'
import { createTransport, type HttpRequest, type HttpResponse, type Transport } from './transport'
import { atLeast } from './version'

export interface ClientOptions {
  host: string
  /** Default 443 for HTTPS, 80 for HTTP. */
  port?: number
  /** Plain HTTP only when the caller asks for it. */
  scheme?: 'https' | 'http'
  /** Pinned SHA-256 certificate fingerprint (required for HTTPS). */
  pin?: string
  credentials: Credentials
  /** Injected transport (tests, benchmarks); by default an undici keep-alive transport. */
  transport?: Transport
  now?: () => number
  timeouts?: Partial<Record<TimeoutClass, number>>
  /** Told when the router presents a certificate other than the pin (the session should end). */
  onCertificateError?: (err: CertificateError) => void
  /** Told when the router stops answering (a network failure) and when it answers again. */
  onReachability?: (reachable: boolean, err?: NetworkError) => void
}

export interface CallOptions {
  signal?: AbortSignal
  timeoutMs?: number
}

/** A normalised answer with the router's raw response beside it. */
export interface CallResult<T> {
  data: T
  raw: unknown
}

const NO_OPTIONS: CallOptions = Object.freeze({})
const DEFAULT_TIMEOUTS: Record<TimeoutClass, number> = { status: 8000, action: 20000, scan: 60000 }

type ApiFn<K extends EndpointKey> = {} extends RequestOf<K>
  ? (params?: RequestOf<K>, opts?: CallOptions) => Promise<ResponseOf<K>>
  : (params: RequestOf<K>, opts?: CallOptions) => Promise<ResponseOf<K>>
/** One typed method per endpoint, named by the table's `fn`. */
export type Api = { [K in EndpointKey as (typeof ENDPOINTS)[K]['fn']]: ApiFn<K> }

/** A client for one router. Call `open()` first; `close()` logs out. */
export class RouterClient {
  readonly host: string
  readonly port: number
  readonly scheme: 'https' | 'http'
  /** The running firmware version, read from `info.firmware` before login. */
  firmware?: string
  readonly api: Api
  private readonly transport: Transport
  private readonly auth: Authenticator
  private readonly timeouts: Record<TimeoutClass, number>
  private readonly onCertificateError?: (err: CertificateError) => void
  private readonly onReachability?: (reachable: boolean, err?: NetworkError) => void
  /** True from a network failure until the router answers again. */
  private unreachable = false
  /** Endpoints whose firmware range was checked, with the firmware they were checked against. */
  private readonly firmwareChecked = new Map<EndpointSpec, string>()

  constructor(opts: ClientOptions) {
    this.scheme = opts.scheme ?? 'https'
    this.host = opts.host
    this.port = opts.port ?? (this.scheme === 'https' ? 443 : 80)
    this.transport = opts.transport ?? createTransport({ host: this.host, port: this.port, scheme: this.scheme, pin: opts.pin })
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts }
    this.onCertificateError = opts.onCertificateError
    this.onReachability = opts.onReachability
    this.auth = new Authenticator((m, name, body, signal, withSession) => this.send(m, name, body, withSession ?? false, signal), opts.credentials, this.scheme, opts.now)
    this.api = this.buildApi()
  }

  /** The session's permission once authenticated. */
  get permission(): Permission | undefined {
    return this.auth.permission
  }

  get origin(): string {
    return this.transport.origin
  }

  /** Reads the firmware (no login needed) and authenticates. */
  async open(opts: CallOptions = {}): Promise<void> {
    await this.detectFirmware(opts)
    await this.auth.ensure(opts.signal)
  }

  /** Reads the running firmware version; `info.firmware` answers before login. */
  async detectFirmware(opts: CallOptions = {}): Promise<string | undefined> {
    try {
      const fw = await this.call('GET info.firmware', {}, opts)
      this.firmware = fw.data.running
    } catch (err) {
      // Firmware older than 7.1.1 lacks info.firmware; carry on without fail-fast checks.
      if (!(err instanceof UnsupportedError)) throw err
    }
    return this.firmware
  }

  /** Logs out (best effort, unless told not to) and closes the connections. */
  async close(opts: { logout?: boolean } = {}): Promise<void> {
    try {
      if (opts.logout !== false) await this.auth.logout(AbortSignal.timeout(3000))
    } catch {
      // The router may already be gone; closing must still succeed.
    } finally {
      await this.transport.close()
    }
  }

  /** True when the running firmware is at least `version` (unknown firmware counts as new). */
  supports(version: string): boolean {
    return this.firmware === undefined || atLeast(this.firmware, version)
  }

  /** Calls one endpoint: validate, check firmware and permission, send, re-login once on 401. */
  async call<K extends EndpointKey>(key: K, params: RequestOf<K>, opts: CallOptions = NO_OPTIONS): Promise<CallResult<ResponseOf<K>>> {
    const spec = ENDPOINTS[key] as unknown as EndpointSpec<z.ZodType, ResponseOf<K>>
    const raw = await this.exchange(spec, params, opts)
    return { data: normalizeAnswer(spec, raw), raw }
  }

  /**
   * One endpoint call up to the router's raw answer (`response` of an ok envelope); `call` and
   * the `api` methods normalise it. The usual call (a live session, an ok answer) awaits only
   * the transport: a status poll goes through as few promises as the work allows.
   */
  private async exchange(spec: EndpointSpec, params: unknown, opts: CallOptions = NO_OPTIONS): Promise<unknown> {
    const body = validate(spec, params)
    this.checkFirmware(spec, body)
    this.checkPermission(spec)
    const timeoutMs = opts.timeoutMs ?? this.timeouts[spec.timeout]
    const isPublic = spec.scope === 'public'
    // A live session needs no await.
    if (!isPublic && !this.auth.fresh) await this.auth.authenticate(opts.signal)
    // Public endpoints still carry the session when there is one: info.firmware then lists both slots.
    const withSession = !isPublic || (spec.name === 'info.firmware' && this.auth.fresh)
    const generation = this.auth.generation
    let env: Envelope
    try {
      env = this.answered(await this.transport.request(this.httpRequest(spec.method, spec.name, body, withSession, opts.signal, timeoutMs)), spec.name)
    } catch (err) {
      throw this.notAnswered(err, spec.name)
    }
    if (env.stat === 'fail' && !isPublic) {
      if (isUnauthorized(env)) {
        if (this.deniedByPermission(spec)) throw this.permissionError(spec)
        await this.auth.reauthenticate(generation, opts.signal)
        ;({ env } = await this.send(spec.method, spec.name, body, true, opts.signal, timeoutMs))
        if (isUnauthorized(env)) throw this.permissionError(spec)
      } else if (this.auth.justGranted && (env.code === undefined || env.message === 'Internal Error')) {
        ;({ env } = await this.send(spec.method, spec.name, body, true, opts.signal, timeoutMs))
      }
    }
    if (env.stat === 'fail') throw this.failure(spec, env)
    return env.response
  }

  private async send(method: 'GET' | 'POST', name: string, body: Record<string, unknown>, withAuth: boolean, signal?: AbortSignal, timeoutMs?: number): Promise<{ env: Envelope; setCookies: string[] }> {
    try {
      const res = await this.transport.request(this.httpRequest(method, name, body, withAuth, signal, timeoutMs))
      return { env: this.answered(res, name), setCookies: res.setCookies }
    } catch (err) {
      throw this.notAnswered(err, name)
    }
  }

  private httpRequest(method: 'GET' | 'POST', name: string, body: Record<string, unknown>, withAuth: boolean, signal?: AbortSignal, timeoutMs?: number): HttpRequest {
    const headers: Record<string, string> = {}
    let qs = ''
    if (method === 'GET') qs = queryOf(body)
    else headers['content-type'] = 'application/json'
    if (withAuth) {
      const token = this.auth.decorate(headers)
      if (token) qs = qs ? `${qs}&${token}` : token
    }
    return {
      method,
      path: qs ? `/api/${name}?${qs}` : `/api/${name}`,
      headers,
      body: method === 'POST' ? JSON.stringify(body) : undefined,
      signal,
      timeoutMs: timeoutMs ?? this.timeouts.status,
    }
  }

  /** The router answered: it is reachable (say so if it was not) and its envelope is read. */
  private answered(res: HttpResponse, name: string): Envelope {
    if (this.unreachable) {
      this.unreachable = false
      this.onReachability?.(true)
    }
    return parseEnvelope(res, name)
  }

  /** A call that got no usable answer, as the UplinkError to throw (told to the listeners first). */
  private notAnswered(err: unknown, name: string): Error {
    const e = toUplinkError(err, name)
    if (e instanceof CertificateError && e.presented) this.onCertificateError?.(e)
    else if (e instanceof NetworkError && !this.unreachable) {
      this.unreachable = true
      this.onReachability?.(false, e)
    }
    return e
  }

  /** One method per endpoint: the call's raw answer, normalised (without building a CallResult). */
  private buildApi(): Api {
    const api: Record<string, unknown> = {}
    for (const key of Object.keys(ENDPOINTS) as EndpointKey[]) {
      const spec = ENDPOINTS[key] as unknown as EndpointSpec
      const normalize = (raw: unknown) => normalizeAnswer(spec, raw)
      api[spec.fn] = (params?: unknown, opts?: CallOptions) => this.exchange(spec, params ?? {}, opts).then(normalize)
    }
    return api as Api
  }

  private checkFirmware(spec: EndpointSpec, body: Record<string, unknown>): void {
    const fw = this.firmware
    if (!fw) return
    // The verdict depends only on the endpoint and the firmware: remembered per endpoint.
    if (this.firmwareChecked.get(spec) !== fw) {
      if (!atLeast(fw, spec.since))
        throw new UnsupportedError(`${spec.name} needs firmware ${spec.since} or later; this router runs ${fw}. Upgrade the firmware to use it.`, { endpoint: spec.name, requiredFirmware: spec.since, firmware: fw })
      if (spec.until && atLeast(fw, spec.until))
        throw new UnsupportedError(`${spec.name} (${spec.method}) is not available from firmware ${spec.until}; this router runs ${fw}.`, { endpoint: spec.name, firmware: fw })
      this.firmwareChecked.set(spec, fw)
    }
    if (spec.name === 'cmd.channelPci.lock' && atLeast(fw, '8.5.0')) checkPci85(body)
  }

  private checkPermission(spec: EndpointSpec): void {
    const p = this.auth.permission
    if (!p) return
    if (spec.scope === 'write' && !p.write) throw this.permissionError(spec)
    if (spec.scope === 'admin' && !p.admin) throw this.permissionError(spec)
  }

  private deniedByPermission(spec: EndpointSpec): boolean {
    const p = this.auth.permission
    if (!p) return false
    if (spec.scope === 'admin' && !p.admin) return true
    return !p.write && (spec.scope === 'write' || spec.name.startsWith('config.'))
  }

  private permissionError(spec: EndpointSpec): PermissionError {
    const p = this.auth.permission
    const who = p?.via === 'token' ? `this client's scope (${p.scope})` : 'this login'
    const need = spec.scope === 'admin' ? 'admin permission (log in as the admin user)' : 'read-write permission'
    return new PermissionError(`${spec.name} needs ${need}; ${who} does not have it.`, spec.name)
  }

  private failure(spec: EndpointSpec, env: Extract<Envelope, { stat: 'fail' }>): Error {
    if (env.message && /unsupported request/i.test(env.message))
      return new UnsupportedError(`This router does not support ${spec.name} (it answered "Unsupported request"): its firmware${this.firmware ? ` (${this.firmware})` : ''} or model lacks it.`, { endpoint: spec.name, firmware: this.firmware })
    if (spec.scope === 'public' && isUnauthorized(env))
      return new AuthenticationError(`The router refused ${spec.name}: ${env.message ?? 'Unauthorized'}.`, { code: env.code, endpoint: spec.name })
    return new DeviceError(spec.name, env.code, env.message)
  }
}

function isUnauthorized(env: Envelope): boolean {
  return env.stat === 'fail' && env.code === 401 && env.message !== 'Internal Error'
}

// What an empty request parses to, per endpoint: status polls send no parameters, and the
// answer (defaults included) never changes, so it is worked out once.
const emptyParsed = new WeakMap<EndpointSpec, Record<string, unknown> | null>()

function isEmpty(params: unknown): boolean {
  if (params === undefined || params === null) return true
  if (typeof params !== 'object') return false
  for (const _k in params) return false
  return true
}

function validate(spec: EndpointSpec, params: unknown): Record<string, unknown> {
  if (isEmpty(params)) {
    let cached = emptyParsed.get(spec)
    if (cached === undefined) {
      const r = spec.request.safeParse({})
      cached = r.success ? Object.freeze(r.data as Record<string, unknown>) : null
      emptyParsed.set(spec, cached)
    }
    // Shared and frozen: nothing adds to a body (the access token goes in the query).
    if (cached) return cached
  }
  const res = spec.request.safeParse(params ?? {})
  if (res.success) return res.data as Record<string, unknown>
  const issue = res.error.issues[0]!
  const field = issue.path.length ? formatPath(issue.path) : 'request'
  throw new ValidationError(field, issue.message, spec.name)
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('')
}

function checkPci85(body: Record<string, unknown>): void {
  const sims = (body.sim ?? []) as { value: { pci?: number } | null }[]
  sims.forEach((s, i) => {
    if (s.value === null) return
    if (s.value.pci === undefined) throw new ValidationError(`sim[${i}].value.pci`, 'is required from firmware 8.5.0', 'cmd.channelPci.lock')
    if (s.value.pci > 503) throw new ValidationError(`sim[${i}].value.pci`, 'must be a whole number from 0 to 503 on firmware 8.5.0 and later', 'cmd.channelPci.lock')
  })
}

/**
 * A GET's parameters as a query string ('' for none, without building anything). Multi-value
 * parameters are sent space separated, as the reference writes them (`id=1 2`).
 */
function queryOf(params: Record<string, unknown>): string {
  let q: URLSearchParams | undefined
  for (const k in params) {
    const v = params[k]
    if (v === undefined || v === null) continue
    ;(q ??= new URLSearchParams()).set(k, Array.isArray(v) ? v.join(' ') : String(v))
  }
  return q ? q.toString() : ''
}

/** The router's answer in the model; any failure to read it is a ProtocolError naming the endpoint. */
function normalizeAnswer<R>(spec: EndpointSpec<z.ZodType, R>, raw: unknown): R {
  try {
    return spec.normalize(raw)
  } catch (err) {
    throw err instanceof ProtocolError ? err : new ProtocolError(`${spec.name} answered in a shape Uplink does not recognise.`, { endpoint: spec.name })
  }
}
