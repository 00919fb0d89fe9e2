/**
 * Test helpers: a tiny router API caller over real HTTPS (undici, certificate checks
 * off — these tests exercise the emulator only) and a poller.
 */
import { Agent, request } from 'undici'
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src-main/emulator'

export interface Envelope {
  stat: 'ok' | 'fail'
  code?: number
  message?: string
  notice?: { status: string }
  response?: any
}

export interface Api {
  em: RunningEmulator
  agent: Agent
  cookie: string | null
  get(endpoint: string, query?: string): Promise<Envelope>
  post(endpoint: string, body?: unknown, query?: string): Promise<Envelope>
  raw(path: string, init?: { method?: string; body?: string }): Promise<{ status: number; headers: Record<string, unknown>; text: string }>
  login(username?: string, password?: string): Promise<Envelope>
  close(): Promise<void>
}

/** Fast timings so the suite stays quick. */
export const FAST: EmulatorOptions = { scanDurationMs: 200, reconnectMs: 100, wifiConnectMs: 100 }

/** Start an emulator and a caller bound to it. */
export async function startApi(opts: EmulatorOptions = {}): Promise<Api> {
  const em = await startEmulator({ ...FAST, ...opts })
  const agent = new Agent({ connect: { rejectUnauthorized: false } })
  const api: Api = {
    em,
    agent,
    cookie: null,
    async raw(path, init = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (api.cookie) headers.cookie = api.cookie
      const r = await request(em.url + path, { method: (init.method ?? 'GET') as 'GET', body: init.body, headers, dispatcher: agent })
      const setCookie = r.headers['set-cookie']
      if (setCookie) {
        const first = (Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]
        api.cookie = first.endsWith('=') ? null : first
      }
      return { status: r.statusCode, headers: r.headers, text: await r.body.text() }
    },
    async get(endpoint, query) {
      const r = await api.raw(`/api/${endpoint}${query ? `?${query}` : ''}`)
      return JSON.parse(r.text) as Envelope
    },
    async post(endpoint, body, query) {
      const r = await api.raw(`/api/${endpoint}${query ? `?${query}` : ''}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) })
      return JSON.parse(r.text) as Envelope
    },
    login(username = em.credentials.username, password = em.credentials.password) {
      return api.post('login', { username, password })
    },
    async close() {
      await agent.close()
      await em.close()
    },
  }
  return api
}

/** Start and log in as admin. */
export async function adminApi(opts: EmulatorOptions = {}): Promise<Api> {
  const api = await startApi(opts)
  const r = await api.login()
  if (r.stat !== 'ok') throw new Error('login failed')
  return api
}

/** Call fn until check passes (or fail after timeoutMs); returns the last value. */
export async function poll<T>(fn: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 5000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await fn()
    if (check(v)) return v
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(v).slice(0, 500)}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

/** A controllable clock for expiry tests. */
export function fakeClock(start = Date.UTC(2025, 1, 17, 13, 55)) {
  let t = start
  return { now: () => t, advance: (ms: number) => void (t += ms) }
}
