import { afterEach, describe, expect, it } from 'vitest'
import { adminApi, fakeClock, startApi, type Api } from './helpers'

let api: Api | null = null
afterEach(async () => {
  await api?.close()
  api = null
})

describe('emulator: cookie login', () => {
  it('logs in with bauth over HTTPS and answers status afterwards', async () => {
    api = await startApi()
    expect((await api.get('status.wan.connection')).code).toBe(401)
    const r = await api.login()
    expect(r).toEqual({ stat: 'ok', response: { permission: { GET: 1, POST: 1 } } })
    expect(api.cookie).toMatch(/^bauth=[0-9a-f]{32}$/)
    const s = await api.get('status.wan.connection')
    expect(s.stat).toBe('ok')
    expect(s.response.order).toEqual([1, 2, 3])
  })

  it('refuses wrong credentials with code 301 and accepts the extra challenge field', async () => {
    api = await startApi()
    expect(await api.login('admin', 'nope')).toEqual({ stat: 'fail', code: 301, message: 'Unauthorized' })
    const r = await api.post('login', { username: 'admin', password: 'admin', challenge: 'challenge' })
    expect(r.stat).toBe('ok')
  })

  it('uses pauth over plain HTTP', async () => {
    api = await startApi({ http: true })
    expect(api.em.url.startsWith('http://')).toBe(true)
    await api.login()
    expect(api.cookie).toMatch(/^pauth=/)
    expect((await api.get('cmd.ap')).stat).toBe('ok')
  })

  it('logout ends the session', async () => {
    api = await adminApi()
    const cookie = api.cookie
    expect((await api.post('logout')).stat).toBe('ok')
    api.cookie = cookie
    expect((await api.get('cmd.ap')).code).toBe(401)
  })

  it('expires an idle session after the idle timeout (injected clock)', async () => {
    const clock = fakeClock()
    api = await adminApi({ now: clock.now, sessionIdleTimeoutMs: 60_000 })
    clock.advance(59_000)
    expect((await api.get('cmd.ap')).stat).toBe('ok')
    clock.advance(59_000)
    expect((await api.get('cmd.ap')).stat).toBe('ok')
    clock.advance(61_000)
    expect(await api.get('cmd.ap')).toEqual({ stat: 'fail', code: 401, message: 'Unauthorized' })
  })

  it('read-only login may read status but not write or touch config.*', async () => {
    api = await startApi()
    expect((await api.login('viewer', 'viewer')).response.permission).toEqual({ GET: 1, POST: 0 })
    expect((await api.get('status.wan.connection')).stat).toBe('ok')
    expect((await api.post('cmd.ap', { enable: false })).code).toBe(401)
    expect((await api.get('config.ssid.profile')).code).toBe(401)
    expect((await api.get('auth.client')).code).toBe(401)
    expect(api.em.state.ap.enable).toBe(true)
  })

  it('info.firmware answers before login with only the running version', async () => {
    api = await startApi({ firmware: '8.2.0' })
    const before = await api.get('info.firmware')
    expect(before.response.order).toEqual([1])
    expect(before.response['1'].version).toMatch(/^8\.2\.0 build \d+$/)
    await api.login()
    const after = await api.get('info.firmware')
    expect(after.response.order).toEqual([1, 2])
    expect(after.response['2'].inUse).toBe(false)
  })
})

describe('emulator: client credentials', () => {
  it('grants a token to a seeded client; the token works on GET and POST as ?accessToken=', async () => {
    api = await startApi()
    const { clientId, clientSecret } = api.em.state.auth.seeded.readWrite
    const g = await api.post('auth.token.grant', { clientId, clientSecret })
    expect(g.stat).toBe('ok')
    expect(g.response).toMatchObject({ authorizationType: 3, scope: 'api', expiresIn: 172800 })
    const token = g.response.accessToken as string
    expect((await api.get('status.wan.connection', `accessToken=${token}`)).stat).toBe('ok')
    expect((await api.post('cmd.ap', { enable: false }, `accessToken=${token}`)).response.enable).toBe(false)
    // Tokens never carry admin permission.
    expect((await api.get('auth.client', `accessToken=${token}`)).code).toBe(401)
  })

  it('read-only tokens cannot write; unknown or expired tokens get "Invalid access token"', async () => {
    const clock = fakeClock()
    api = await startApi({ now: clock.now, tokenExpiresInSec: 600 })
    const { clientId, clientSecret } = api.em.state.auth.seeded.readOnly
    const token = (await api.post('auth.token.grant', { clientId, clientSecret })).response.accessToken
    expect((await api.get('status.client', `accessToken=${token}`)).stat).toBe('ok')
    expect((await api.post('cmd.ap', { enable: false }, `accessToken=${token}`)).code).toBe(401)
    expect((await api.post('config.gpio', { list: [] }, `accessToken=${token}`)).code).toBe(401)
    expect(await api.get('cmd.ap', 'accessToken=0123')).toEqual({ stat: 'fail', code: 401, message: 'Invalid access token' })
    clock.advance(601_000)
    expect(await api.get('cmd.ap', `accessToken=${token}`)).toEqual({ stat: 'fail', code: 401, message: 'Invalid access token' })
  })

  it('refuses a wrong secret and a widened scope', async () => {
    api = await startApi()
    const ro = api.em.state.auth.seeded.readOnly
    expect((await api.post('auth.token.grant', { clientId: ro.clientId, clientSecret: 'x' })).stat).toBe('fail')
    expect((await api.post('auth.token.grant', { ...pick(ro), scope: 'api' })).stat).toBe('fail')
  })

  it('admin manages clients and tokens; a token may revoke itself', async () => {
    api = await adminApi()
    const added = await api.post('auth.client', { action: 'add', name: 'Laptop', scope: 'api' })
    expect(added.response).toMatchObject({ name: 'Laptop', scope: 'api', confidential: false })
    expect(added.response.clientId).toMatch(/^[0-9a-f]{32}$/)
    const list = await api.get('auth.client')
    expect(list.response.map((c: { name: string }) => c.name)).toContain('Laptop')
    const token = (await api.post('auth.token.grant', pick(added.response))).response.accessToken
    const tokens = await api.get('auth.client.token', `clientId=${added.response.clientId}`)
    expect(tokens.response).toEqual([expect.objectContaining({ accessToken: token, clientName: 'Laptop', authorizationType: 3 })])
    expect((await api.post('auth.token.revoke', { accessToken: token }, `accessToken=${token}`)).stat).toBe('ok')
    expect((await api.get('cmd.ap', `accessToken=${token}`)).message).toBe('Invalid access token')
    expect((await api.post('auth.client', { action: 'remove', clientId: added.response.clientId })).stat).toBe('ok')
    expect((await api.post('auth.token.grant', pick(added.response))).stat).toBe('fail')
  })

  it('8.5.x sends expiresIn and authorizationType as strings', async () => {
    api = await startApi({ firmware: '8.5.2' })
    const g = await api.post('auth.token.grant', pick(api.em.state.auth.seeded.readWrite))
    expect(g.response).toMatchObject({ authorizationType: '3', expiresIn: '172800' })
  })
})

function pick(c: { clientId: string; clientSecret: string }) {
  return { clientId: c.clientId, clientSecret: c.clientSecret }
}
