/**
 * One API call from request to envelope: find the endpoint for this firmware, apply
 * an injected failure, parse the body, authenticate, check permission, run the handler.
 * Never throws: every problem becomes `{"stat":"fail",...}`.
 */
import { ApiFail, unsupported, type Ctx, type Principal } from './context'
import { isObject, type Json, type JsonObject } from './json'
import { findRoute, type Route } from './routes'
import { authenticate } from './sessions'
import type { EmulatorState } from './state-types'
import type { ResolvedOptions } from './types'
import { settleAll } from './wan-link'

export interface ApiRequest {
  method: string
  endpoint: string
  query: URLSearchParams
  rawBody: string
  cookieHeader: string | undefined
  https: boolean
}

export interface ApiAnswer {
  envelope: JsonObject
  setCookie?: string
}

export interface DispatchDeps {
  state: EmulatorState
  opts: ResolvedOptions
  /** Returns an injected failure for this endpoint, consuming it. */
  takeFailure(endpoint: string): { code?: number; message?: string } | undefined
}

function failEnvelope(code: number | undefined, message: string | undefined): JsonObject {
  const e: JsonObject = { stat: 'fail' }
  if (code !== undefined) e.code = code
  if (message !== undefined) e.message = message
  return e
}

function parseBody(method: string, raw: string): JsonObject {
  if (method !== 'POST' || raw.trim() === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new ApiFail(400, 'Invalid JSON in request body')
  }
  if (!isObject(parsed)) throw new ApiFail(400, 'Request body must be a JSON object')
  return parsed
}

function checkAccess(route: Route, principal: Principal | null): void {
  if (route.access === 'public' || route.access === 'optional') return
  if (!principal) throw new ApiFail(401, 'Unauthorized')
  if (route.access === 'admin' && !principal.admin) throw new ApiFail(401, 'Permission denied')
  if ((route.access === 'write' || route.access === 'config') && !principal.write) throw new ApiFail(401, 'Permission denied')
}

function run(deps: DispatchDeps, req: ApiRequest, now: number): ApiAnswer {
  const { state, opts } = deps
  const method = req.method === 'POST' ? 'POST' : 'GET'
  const route = req.method === 'GET' || req.method === 'POST' ? findRoute(req.endpoint, method, state.firmware) : undefined
  if (!route) throw unsupported()
  const injected = deps.takeFailure(req.endpoint)
  if (injected) return { envelope: failEnvelope(injected.code, injected.message) }
  const body = parseBody(method, req.rawBody)
  let principal: Principal | null = null
  if (route.name !== 'login' && route.name !== 'auth.token.grant') {
    try {
      principal = authenticate(state.auth, opts, req.query, req.cookieHeader, req.https, now)
    } catch (e) {
      // An invalid token still lets public endpoints (logout, info.firmware) answer.
      if (route.access !== 'public' && route.access !== 'optional') throw e
    }
  }
  checkAccess(route, principal)
  const ctx: Ctx = { state, opts, now, method, endpoint: route.name, query: req.query, body, principal, https: req.https, cookieHeader: req.cookieHeader }
  const result = route.run(ctx)
  const envelope: JsonObject = { stat: 'ok' }
  if (route.beta) envelope.notice = { status: 'beta' }
  if (result.response !== undefined) envelope.response = result.response as Json
  return { envelope, setCookie: result.setCookie }
}

/** Answer one API request; failures come back as fail envelopes, never as exceptions. */
export function dispatch(deps: DispatchDeps, req: ApiRequest): ApiAnswer {
  const now = deps.opts.now()
  try {
    settleAll(deps.state, now)
    return run(deps, req, now)
  } catch (e) {
    if (e instanceof ApiFail) return { envelope: failEnvelope(e.code, e.failMessage) }
    // A bug in the emulator, not a router behaviour: say so loudly but keep serving.
    console.error('[emulator] handler error', e)
    return { envelope: failEnvelope(500, 'Internal Error') }
  }
}
