/**
 * Cookie sessions, API clients and access tokens, with the router's expiry rules:
 * sessions die after the web-admin idle timeout, tokens after expiresIn.
 */
import { randomBytes } from 'node:crypto'
import { ApiFail, type Principal } from './context'
import type { AccessToken, ApiClient, AuthState } from './state-types'
import type { ResolvedOptions } from './types'

/** 32 hex characters, the shape of every id/secret/token the router hands out. */
export function hash32(): string {
  return randomBytes(16).toString('hex')
}

/** Cookie name: `bauth` over HTTPS, `pauth` over plain HTTP. */
export function cookieName(https: boolean): string {
  return https ? 'bauth' : 'pauth'
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return null
}

/** Check username/password and open a session; null when they do not match. */
export function login(auth: AuthState, opts: ResolvedOptions, username: string, password: string, now: number) {
  let admin = false
  if (username === opts.adminUser && password === opts.adminPassword) admin = true
  else if (!(opts.readOnlyUser && username === opts.readOnlyUser.username && password === opts.readOnlyUser.password)) return null
  const session = { id: hash32(), username, admin, write: admin, lastSeen: now }
  auth.sessions.set(session.id, session)
  return session
}

/** End the session named by the request's cookie, if any. */
export function logout(auth: AuthState, cookieHeader: string | undefined, https: boolean): void {
  const id = readCookie(cookieHeader, cookieName(https))
  if (id) auth.sessions.delete(id)
}

function tokenPrincipal(auth: AuthState, value: string, now: number): Principal {
  const token = auth.tokens.find((t) => t.accessToken === value)
  if (!token || now >= token.expiresAt || !auth.clients.some((c) => c.clientId === token.clientId)) {
    if (token) auth.tokens = auth.tokens.filter((t) => t !== token)
    throw new ApiFail(401, 'Invalid access token')
  }
  return { kind: 'token', token, write: token.scope === 'api', admin: false }
}

/**
 * Who is calling: an `accessToken` query parameter wins over the cookie. Returns null
 * when neither is present or the cookie session is unknown or idle too long.
 * An unknown/expired access token throws code 401 "Invalid access token".
 */
export function authenticate(
  auth: AuthState,
  opts: ResolvedOptions,
  query: URLSearchParams,
  cookieHeader: string | undefined,
  https: boolean,
  now: number,
): Principal | null {
  const accessToken = query.get('accessToken')
  if (accessToken !== null) return tokenPrincipal(auth, accessToken, now)
  const id = readCookie(cookieHeader, cookieName(https))
  if (!id) return null
  const session = auth.sessions.get(id)
  if (!session) return null
  if (opts.sessionIdleTimeoutMs > 0 && now - session.lastSeen > opts.sessionIdleTimeoutMs) {
    auth.sessions.delete(id)
    return null
  }
  session.lastSeen = now
  return { kind: 'session', session, write: session.write, admin: session.admin }
}

/** Grant a client-credentials token; throws 401 when the id/secret pair is unknown. */
export function grantToken(
  auth: AuthState,
  opts: ResolvedOptions,
  clientId: string,
  clientSecret: string,
  scope: string | undefined,
  now: number,
): AccessToken {
  const client = auth.clients.find((c) => c.clientId === clientId && c.clientSecret === clientSecret)
  if (!client) throw new ApiFail(401, 'Invalid client ID or client secret')
  let granted: ApiClient['scope'] = client.scope
  if (scope !== undefined) {
    if (scope !== 'api' && scope !== 'api.read-only') throw new ApiFail(400, 'Invalid scope')
    // A client can narrow its scope but never widen it.
    if (scope === 'api' && client.scope === 'api.read-only') throw new ApiFail(400, 'Invalid scope')
    granted = scope
  }
  const token: AccessToken = {
    accessToken: hash32(),
    clientId,
    scope: granted,
    createdAt: now,
    expiresAt: now + opts.tokenExpiresInSec * 1000,
  }
  auth.tokens.push(token)
  return token
}

/** Invalidate every cookie session and (optionally) every access token. */
export function dropAll(auth: AuthState, tokensToo: boolean): void {
  auth.sessions.clear()
  if (tokensToo) auth.tokens = []
}
