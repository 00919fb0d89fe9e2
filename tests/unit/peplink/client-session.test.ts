/**
 * The client's session handling with a scripted transport, so the order in which replies
 * arrive is fixed rather than left to the network: what each request carries, and how many
 * logins a burst of 401s costs.
 */
import { describe, expect, it } from 'vitest'
import { RouterClient } from '../../../src-main/peplink/client'
import type { HttpRequest, HttpResponse, Transport } from '../../../src-main/peplink/transport'
import { until } from '../discovery/fake-servers'

const ok = (response: unknown, setCookies: string[] = []): HttpResponse => ({ status: 200, contentType: 'application/json', body: JSON.stringify({ stat: 'ok', response }), setCookies })
const unauthorized: HttpResponse = { status: 200, contentType: 'application/json', body: '{"stat":"fail","code":401,"message":"Unauthorized"}', setCookies: [] }
const WANS = { 1: { name: 'WAN', type: 'ethernet', enable: true, statusLed: 'green', message: 'Connected', ip: '192.0.2.2' }, order: [1] }

/** A router whose sessions are numbered; `expired` makes every request with an older cookie get a 401. */
function scriptedRouter() {
  const sent: HttpRequest[] = []
  let session = 0
  let logins = 0
  /** Replies held back until released, to order them by hand. */
  const held: (() => void)[] = []
  let hold = false
  const transport: Transport = {
    origin: 'https://192.0.2.1:443',
    request(req) {
      sent.push(req)
      const name = req.path.slice(5).split('?')[0]
      if (name === 'login') {
        logins++
        session++
        return Promise.resolve(ok({ permission: { GET: 1, POST: 1 } }, [`bauth=s${session}; Path=/`]))
      }
      if (name === 'auth.token.grant') {
        logins++
        return Promise.resolve(ok({ accessToken: 'a b&c', expiresIn: 3600, scope: 'api' }))
      }
      if (name === 'info.firmware') return Promise.resolve(ok({ 1: { version: '8.1.1 build 1', inUse: true, bootable: true }, order: [1] }))
      const answer = req.headers?.cookie !== undefined && req.headers.cookie !== `bauth=s${session}` ? unauthorized : ok(WANS)
      if (!hold) return Promise.resolve(answer)
      return new Promise((resolve) => held.push(() => resolve(answer)))
    },
    close: async () => {},
  }
  return {
    transport, sent,
    get logins() { return logins },
    expire() { session++ },
    holdReplies(on: boolean) { hold = on },
    get heldReplies() { return held.length },
    release() { held.shift()!() },
  }
}

describe('client sessions', () => {
  it('sends a status poll with the session cookie and no query, and a token as an encoded accessToken parameter', async () => {
    const r = scriptedRouter()
    const admin = new RouterClient({ host: '192.0.2.1', credentials: { kind: 'admin', username: 'admin', password: 'admin' }, transport: r.transport })
    await admin.open()
    await admin.api.wanStatus()
    await admin.api.wanStatus({ id: [1, 2] })
    expect(r.sent.slice(-2).map((q) => [q.method, q.path, q.headers])).toEqual([
      ['GET', '/api/status.wan.connection', { cookie: 'bauth=s1' }],
      ['GET', '/api/status.wan.connection?id=1+2', { cookie: 'bauth=s1' }],
    ])
    const client = new RouterClient({ host: '192.0.2.1', credentials: { kind: 'client', clientId: 'id', clientSecret: 'secret' }, transport: r.transport })
    await client.open()
    await client.api.wanStatus()
    await client.api.wanStatus({ id: [1] })
    expect(r.sent.slice(-2).map((q) => q.path)).toEqual(['/api/status.wan.connection?accessToken=a+b%26c', '/api/status.wan.connection?id=1&accessToken=a+b%26c'])
  })

  it('logs in once when calls sent side by side all find the session gone, whenever their 401s arrive', async () => {
    const r = scriptedRouter()
    const c = new RouterClient({ host: '192.0.2.1', credentials: { kind: 'admin', username: 'admin', password: 'admin' }, transport: r.transport })
    await c.open()
    expect(r.logins).toBe(1)
    r.expire()
    r.holdReplies(true)
    const first = c.api.wanStatus()
    const second = c.api.wanStatus()
    await until(() => r.heldReplies === 2)
    r.holdReplies(false)
    // The first 401 arrives, its login finishes and the call is repeated; only then the second 401.
    r.release()
    expect(await first).toHaveLength(1)
    r.release()
    expect(await second).toHaveLength(1)
    expect(r.logins).toBe(2)
    // A later expiry is a new session gone: it logs in again.
    r.expire()
    expect(await c.api.wanStatus()).toHaveLength(1)
    expect(r.logins).toBe(3)
  })
})
