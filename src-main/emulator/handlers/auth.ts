/**
 * login, logout and the client-credentials family (auth.client, auth.client.token,
 * auth.token.grant, auth.token.revoke).
 */
import { atLeast } from '../firmware'
import type { JsonObject } from '../json'
import { ApiFail, invalid, type Ctx, type HandlerResult } from '../context'
import { logEvent } from '../event-log'
import { cookieName, grantToken, hash32, login, logout } from '../sessions'
import type { AccessToken } from '../state-types'

/** 8.5.x sends expiresIn/authorizationType as strings ("172800", "3"). */
function numberOrString(ctx: Ctx, n: number): number | string {
  return atLeast(ctx.state.firmware, '8.5.0') ? String(n) : n
}

function str(ctx: Ctx, name: string, required: true): string
function str(ctx: Ctx, name: string, required: false): string | undefined
function str(ctx: Ctx, name: string, required: boolean): string | undefined {
  const v = ctx.body[name]
  if (v === undefined || v === null) {
    if (required) throw invalid(`${name} is required`)
    return undefined
  }
  if (typeof v !== 'string') throw invalid(`${name} must be a string`)
  return v
}

/** POST login: opens a cookie session (bauth over HTTPS, pauth over HTTP). */
export function handleLogin(ctx: Ctx): HandlerResult {
  const username = ctx.body.username
  const password = ctx.body.password
  if (typeof username !== 'string' || typeof password !== 'string') throw new ApiFail(301, 'Unauthorized')
  const session = login(ctx.state.auth, ctx.opts, username, password, ctx.now)
  if (!session) {
    logEvent(ctx.state, ctx.now, 'Admin', `Failed API login attempt for "${username}"`)
    throw new ApiFail(301, 'Unauthorized')
  }
  logEvent(ctx.state, ctx.now, 'Admin', `API login by "${username}"`)
  const secure = ctx.https ? '; Secure' : ''
  return {
    response: { permission: { GET: 1, POST: session.write ? 1 : 0 } },
    setCookie: `${cookieName(ctx.https)}=${session.id}; Path=/; HttpOnly${secure}`,
  }
}

/** POST logout: ends the caller's session (harmless without one). */
export function handleLogout(ctx: Ctx): HandlerResult {
  logout(ctx.state.auth, ctx.cookieHeader, ctx.https)
  return { setCookie: `${cookieName(ctx.https)}=; Path=/; Max-Age=0` }
}

/** GET/POST auth.client: list, add or remove API clients (admin only). */
export function handleAuthClient(ctx: Ctx): HandlerResult {
  const auth = ctx.state.auth
  if (ctx.method === 'GET') return { response: auth.clients.map((c) => ({ ...c })) }
  const action = ctx.body.action
  if (action === 'add') {
    const name = str(ctx, 'name', true)
    const scope = str(ctx, 'scope', true)
    if (name.trim() === '') throw invalid('name is required')
    if (scope !== 'api' && scope !== 'api.read-only') throw invalid('scope must be api or api.read-only')
    const client = {
      name,
      clientId: hash32(),
      clientSecret: hash32(),
      confidential: false,
      createTimestamp: Math.floor(ctx.now / 1000),
      scope: scope as 'api' | 'api.read-only',
    }
    auth.clients.push(client)
    return { response: { ...client } }
  }
  if (action === 'remove') {
    const clientId = str(ctx, 'clientId', true)
    if (!auth.clients.some((c) => c.clientId === clientId)) throw invalid('Client not found')
    auth.clients = auth.clients.filter((c) => c.clientId !== clientId)
    auth.tokens = auth.tokens.filter((t) => t.clientId !== clientId)
    return {}
  }
  throw invalid('action must be add or remove')
}

function tokenInfo(ctx: Ctx, t: AccessToken): JsonObject {
  const client = ctx.state.auth.clients.find((c) => c.clientId === t.clientId)
  return {
    accessToken: t.accessToken,
    clientId: t.clientId,
    clientName: client?.name ?? '',
    authorizationType: numberOrString(ctx, 3),
    scope: t.scope,
    createTimestamp: Math.floor(t.createdAt / 1000),
  }
}

/** GET auth.client.token: live tokens, optionally of one client (admin only). */
export function handleClientToken(ctx: Ctx): HandlerResult {
  const clientId = ctx.query.get('clientId')
  const live = ctx.state.auth.tokens.filter((t) => ctx.now < t.expiresAt && (clientId === null || t.clientId === clientId))
  return { response: live.map((t) => tokenInfo(ctx, t)) }
}

/** POST auth.token.grant: client id + secret -> access token. */
export function handleTokenGrant(ctx: Ctx): HandlerResult {
  const clientId = str(ctx, 'clientId', true)
  const clientSecret = str(ctx, 'clientSecret', true)
  const scope = str(ctx, 'scope', false)
  const token = grantToken(ctx.state.auth, ctx.opts, clientId, clientSecret, scope, ctx.now)
  return {
    response: {
      accessToken: token.accessToken,
      authorizationType: numberOrString(ctx, 3),
      scope: token.scope,
      expiresIn: numberOrString(ctx, ctx.opts.tokenExpiresInSec),
    },
  }
}

/** POST auth.token.revoke: admin sessions may revoke any token, a token may revoke itself. */
export function handleTokenRevoke(ctx: Ctx): HandlerResult {
  const target = str(ctx, 'accessToken', true)
  const p = ctx.principal
  const self = p?.kind === 'token' && p.token.accessToken === target
  if (!self && !p?.admin) throw new ApiFail(401, 'Permission denied')
  const auth = ctx.state.auth
  if (!auth.tokens.some((t) => t.accessToken === target)) throw invalid('Access token not found')
  auth.tokens = auth.tokens.filter((t) => t.accessToken !== target)
  return {}
}
