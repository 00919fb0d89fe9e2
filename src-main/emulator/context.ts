/**
 * What every endpoint handler receives, and the one way a handler says "fail".
 * Handlers throw `ApiFail`; the dispatcher turns it into the router's envelope.
 */
import type { Json, JsonObject } from './json'
import type { EmulatorState, Session, AccessToken } from './state-types'
import type { ResolvedOptions } from './types'

export type Principal =
  | { kind: 'session'; session: Session; write: boolean; admin: boolean }
  | { kind: 'token'; token: AccessToken; write: boolean; admin: false }

export interface Ctx {
  state: EmulatorState
  opts: ResolvedOptions
  now: number
  method: 'GET' | 'POST'
  endpoint: string
  query: URLSearchParams
  body: JsonObject
  principal: Principal | null
  https: boolean
  cookieHeader: string | undefined
}

export interface HandlerResult {
  response?: Json
  setCookie?: string
}

export type Handler = (ctx: Ctx) => HandlerResult | Json | undefined

/** A failed API call: `{"stat":"fail","code":code,"message":message}` (either may be absent). */
export class ApiFail extends Error {
  constructor(
    readonly code: number | undefined,
    readonly failMessage: string | undefined,
  ) {
    super(failMessage ?? 'fail')
  }
}

/** Code 400 with a message naming the bad parameter. */
export function invalid(message: string): ApiFail {
  return new ApiFail(400, message)
}

/** The endpoint is absent on this firmware or hardware. */
export function unsupported(): ApiFail {
  return new ApiFail(404, 'Unsupported request')
}

/** A WAN that cannot do the operation: `{"stat":"fail"}` with no code or message. */
export function cannotDo(): ApiFail {
  return new ApiFail(undefined, undefined)
}

/** Read a parameter from the POST body or, for GET, the query string. */
export function param(ctx: Ctx, name: string): Json | undefined {
  if (ctx.method === 'POST') return ctx.body[name]
  const value = ctx.query.get(name)
  return value === null ? undefined : value
}

/**
 * Multi-value GET parameter in any of the spellings seen in the wild:
 * `id=1 2` (space, + or %20), `id=1&id=2` and `id=1,2`.
 */
export function listParam(query: URLSearchParams, name: string): string[] | null {
  const raw = query.getAll(name)
  if (raw.length === 0) return null
  return raw.flatMap((v) => v.split(/[\s,]+/)).filter((v) => v !== '')
}

/** Accept a number or a numeric string (as the reference examples send connId "4"). */
export function toInt(value: Json | undefined): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim())
  return null
}

/** `yes`/`true`/1 style flags as query strings or JSON booleans. */
export function truthy(value: Json | undefined): boolean {
  return value === true || value === 1 || value === 'yes' || value === 'true' || value === '1'
}
