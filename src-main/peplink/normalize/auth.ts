/**
 * Authentication answers: `login`, `auth.token.grant`, `auth.client`, `auth.client.token`.
 * Client secrets appear only in CreatedAuthClient (shown once); access tokens listed by
 * `auth.client.token` leave as a hint plus an opaque ref, the full tokens in a side map.
 */
import { createHash } from 'node:crypto'
import type { AccessTokenInfo, AuthClient, CreatedAuthClient, LoginResult, TokenGrant } from '../model'
import { bool, compact, describe, expectList, expectObj, fail, isObj, num, str, text, type Obj } from './read'

/**
 * Normalises `login`. GET/POST arrive as 1/0. Without a permission object the session is
 * taken as read-only (as auth.ts does); the router refuses writes it does not allow anyway.
 */
export function normalizeLogin(raw: unknown): LoginResult {
  if (raw !== undefined && raw !== null && !isObj(raw)) fail('login', `expected an object, got ${describe(raw)}`, raw)
  const perm = isObj(raw) && isObj(raw.permission) ? raw.permission : undefined
  if (!perm) return { permission: { read: true, write: false }, permissionReported: false }
  return { permission: { read: bool(perm.GET) ?? false, write: bool(perm.POST) ?? false }, permissionReported: true }
}

/** Normalises `auth.token.grant`; `expiresIn` and `authorizationType` may be numeric strings. */
export function normalizeTokenGrant(raw: unknown): TokenGrant {
  const o = expectObj(raw, 'auth.token.grant')
  const accessToken = text(o.accessToken)
  if (accessToken === undefined) fail('auth.token.grant', 'no "accessToken"', raw)
  const expiresIn = num(o.expiresIn)
  if (expiresIn === undefined) fail('auth.token.grant', `"expiresIn" is ${describe(o.expiresIn)}, not a number`, raw)
  // "Always 3 for client credentials grant" says the reference.
  return { accessToken, scope: text(o.scope) ?? '', expiresIn, authorizationType: num(o.authorizationType) ?? 3 }
}

function readClient(o: Obj): AuthClient | undefined {
  const clientId = text(o.clientId)
  if (clientId === undefined) return undefined
  return compact({
    name: str(o.name) ?? '',
    clientId,
    confidential: bool(o.confidential),
    createTimestamp: num(o.createTimestamp),
    scope: text(o.scope) ?? '',
  })
}

/** Normalises `auth.client` (GET): the list, without client secrets. */
export function normalizeAuthClients(raw: unknown): AuthClient[] {
  return expectList(raw, 'auth.client', 'list').flatMap((c) => {
    const client = isObj(c) ? readClient(c) : undefined
    return client ? [client] : []
  })
}

/** Normalises `auth.client` (POST add): the new client with its secret, shown once. */
export function normalizeCreatedAuthClient(raw: unknown): CreatedAuthClient {
  const o = expectObj(raw, 'auth.client')
  const client = readClient(o)
  const clientSecret = text(o.clientSecret)
  if (!client || clientSecret === undefined) fail('auth.client', 'no "clientId" or "clientSecret"', raw)
  return { ...client, clientSecret }
}

/**
 * The listed tokens for display, and (main only) ref -> full token for revoking. The map
 * serialises as {} so an accidental JSON.stringify of the listing leaks nothing.
 */
export interface AccessTokenListing {
  tokens: AccessTokenInfo[]
  fullTokens: ReadonlyMap<string, string>
}

/** A stable, non-reversible handle for a token: the same token gets the same ref on every listing. */
export function accessTokenRef(token: string): string {
  return `tok_${createHash('sha256').update(token).digest('hex').slice(0, 16)}`
}

/** Normalises `auth.client.token`: hints and refs for the screen, full tokens kept aside. */
export function normalizeAccessTokens(raw: unknown): AccessTokenListing {
  const fullTokens = new Map<string, string>()
  const tokens = expectList(raw, 'auth.client.token', 'list').flatMap((t): AccessTokenInfo[] => {
    if (!isObj(t)) return []
    const token = text(t.accessToken)
    const clientId = text(t.clientId)
    if (token === undefined || clientId === undefined) return []
    const ref = accessTokenRef(token)
    fullTokens.set(ref, token)
    return [
      compact({
        ref,
        clientId,
        clientName: text(t.clientName),
        scope: text(t.scope) ?? '',
        createTimestamp: num(t.createTimestamp),
        authorizationType: num(t.authorizationType),
        // Four characters identify a token to a person; a short token gets no hint at all.
        tokenHint: token.length > 8 ? `…${token.slice(-4)}` : '…',
      }),
    ]
  })
  return { tokens, fullTokens }
}
