import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RouterClient } from '../../../src-main/peplink/client'
import { ENDPOINTS, type EndpointKey } from '../../../src-main/peplink/endpoints'
import { ProtocolError, UplinkError } from '../../../src-main/peplink/errors'
import type { HttpResponse, Transport } from '../../../src-main/peplink/transport'

/** A router whose answer to every call after login is whatever the test hands it. */
function clientAnswering(answer: () => HttpResponse) {
  const transport: Transport = {
    origin: 'https://127.0.0.1:1',
    async request(req) {
      if (req.path.startsWith('/api/login')) return { status: 200, contentType: 'application/json', body: '{"stat":"ok","response":{"permission":{"GET":1,"POST":1}}}', setCookies: ['bauth=x'] }
      return answer()
    },
    close: async () => {},
  }
  return new RouterClient({ host: '127.0.0.1', credentials: { kind: 'admin', username: 'admin', password: 'admin' }, transport })
}

const json = (body: string): HttpResponse => ({ status: 200, contentType: 'application/json', body, setCookies: [] })

// Requests that pass validation for every GET endpoint (reads are safe to replay).
const READS: [EndpointKey, object][] = [
  ['GET status.wan.connection', {}], ['GET status.wan.connection.allowance', {}], ['GET status.wan.connection.signal', {}],
  ['GET info.firmware', {}], ['GET info.location', {}], ['GET status.client', {}], ['GET status.lan.profile', {}],
  ['GET status.pepvpn', {}], ['GET cmd.sms.get', { connId: 2 }], ['GET cmd.wifi.scan', { connId: 3 }], ['GET cmd.wifi.result', { connId: 3 }],
  ['GET cmd.carrier.scan', { connId: 2 }], ['GET cmd.wan.cellular', { connId: 2 }], ['GET cmd.ap', {}], ['GET config.ssid.profile', {}],
  ['GET auth.client', {}], ['GET auth.client.token', {}],
]

describe('malformed and hostile answers', () => {
  it('covers every GET endpoint of the table', () => {
    const gets = Object.keys(ENDPOINTS).filter((k) => k.startsWith('GET '))
    expect(READS.map(([k]) => k).sort()).toEqual(gets.sort())
  })

  it('names what came back: HTML, not JSON, cut short, not the envelope', async () => {
    const cases: [HttpResponse, RegExp][] = [
      [{ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><body>Login</body></html>', setCookies: [] }, /did not answer with JSON \(an HTML page came back\)/],
      [json('{"stat":"ok","response":{"1":'), /the JSON was cut short or damaged/],
      [json('\u0000\u0001garbage'), /did not answer with JSON/],
      [json('[1,2,3]'), /JSON that is not a Peplink answer \(a list/],
      [json('{"status":"ok"}'), /without the router API's "stat" field/],
      [json('{"stat":"ok","response":"surprise"}'), /shape Uplink does not recognise/],
    ]
    for (const [res, message] of cases) {
      const client = clientAnswering(() => res)
      const err = await client.api.wanStatus().then(() => undefined, (e: unknown) => e)
      expect(err).toBeInstanceOf(ProtocolError)
      expect((err as Error).message).toMatch(message)
    }
  })

  it('any answer to any read gives data or an UplinkError, never a crash', async () => {
    const anyJson = fc.oneof(
      fc.jsonValue(),
      fc.record({ stat: fc.constantFrom('ok', 'fail', 'weird'), response: fc.jsonValue(), code: fc.oneof(fc.integer(), fc.string()), message: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: ['stat'] }),
    )
    const body = fc.oneof(anyJson.map((v) => JSON.stringify(v)), fc.string(), anyJson.map((v) => JSON.stringify(v).slice(0, 7)))
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(...READS), async (text, [key, params]) => {
        const client = clientAnswering(() => json(text))
        try {
          await client.call(key, params as never)
        } catch (err) {
          if (!(err instanceof UplinkError)) throw err
        }
      }),
      { numRuns: Number(process.env.HOSTILE_RUNS ?? 300) },
    )
  })
})
