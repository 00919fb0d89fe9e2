import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../../src-main/peplink/errors'
import {
  accessTokenRef, normalizeAccessTokens, normalizeAuthClients, normalizeCreatedAuthClient, normalizeLogin, normalizeTokenGrant,
} from '../../../src-main/peplink/normalize'
import { accessTokensReference, authClientsReference, SECRETS } from './normalize-fixtures'

describe('normalizeLogin', () => {
  it('reads the reference example (permissions as 1/0)', () => {
    expect(normalizeLogin({ permission: { GET: 1, POST: 1 } })).toEqual({ permission: { read: true, write: true }, permissionReported: true })
    expect(normalizeLogin({ permission: { GET: 1, POST: 0 } }).permission).toEqual({ read: true, write: false })
  })
  it('assumes read-only when no permission is reported', () => {
    expect(normalizeLogin(undefined)).toEqual({ permission: { read: true, write: false }, permissionReported: false })
  })
})

describe('normalizeTokenGrant (auth.token.grant)', () => {
  const reference = { accessToken: SECRETS.accessToken, authorizationType: 3, scope: 'api', expiresIn: 172800 }
  it('reads numbers and numeric strings alike', () => {
    expect(normalizeTokenGrant(reference)).toEqual(reference)
    expect(normalizeTokenGrant({ ...reference, expiresIn: '172800', authorizationType: '3' })).toEqual(reference)
  })
  it('throws ProtocolError without a token or a usable expiry, never echoing the token', () => {
    expect(() => normalizeTokenGrant({ ...reference, accessToken: '' })).toThrow(ProtocolError)
    try {
      normalizeTokenGrant({ ...reference, expiresIn: 'soon' })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ProtocolError)
      expect(JSON.stringify({ m: (e as ProtocolError).message, x: (e as ProtocolError).excerpt })).not.toContain(SECRETS.accessToken)
    }
  })
})

describe('normalizeAuthClients / normalizeCreatedAuthClient (auth.client)', () => {
  it('lists clients without their secrets', () => {
    const out = normalizeAuthClients(authClientsReference())
    expect(out).toEqual([{ name: 'Client 1', clientId: '9270c250111cabab02058007bb72217e', confidential: false, createTimestamp: 32172904, scope: 'api.read-only' }])
    expect(JSON.stringify(out)).not.toContain(SECRETS.clientSecret)
  })
  it('shows the secret of a client just created', () => {
    const created = { name: 'Client 2', clientId: '0396c250111dcaef02058007bb72217e', clientSecret: 'de5cd1c51252a13854d6bd7ddeabbcf5', confidential: false, createTimestamp: 32175831, scope: 'api' }
    expect(normalizeCreatedAuthClient(created)).toEqual(created)
    expect(() => normalizeCreatedAuthClient({ ...created, clientSecret: undefined })).toThrow(ProtocolError)
  })
})

describe('normalizeAccessTokens (auth.client.token)', () => {
  it('shows a hint and an opaque ref, and keeps the full token aside for revoking', () => {
    const { tokens, fullTokens } = normalizeAccessTokens(accessTokensReference())
    expect(tokens).toEqual([
      { ref: accessTokenRef(SECRETS.accessToken), clientId: '0396c250111dcaef02058007bb72217e', clientName: 'Client 1', authorizationType: 3, scope: 'api.read-only', createTimestamp: 32177831, tokenHint: '…1794' },
    ])
    expect(JSON.stringify(tokens)).not.toContain(SECRETS.accessToken)
    expect(fullTokens.get(tokens[0]!.ref)).toBe(SECRETS.accessToken)
    expect(JSON.stringify({ tokens, fullTokens })).not.toContain(SECRETS.accessToken)
  })
  it('gives the same token the same ref on every listing', () => {
    const a = normalizeAccessTokens(accessTokensReference()).tokens[0]!.ref
    expect(normalizeAccessTokens(accessTokensReference()).tokens[0]!.ref).toBe(a)
    expect(a).toMatch(/^tok_[0-9a-f]{16}$/)
  })
})
