import { describe, expect, it } from 'vitest'
import { parseResponse } from '../../../src-main/discovery/http-response'
import { identifyRouter } from '../../../src-main/discovery/identify'

const json = (body: unknown, status = 200) => ({ status, contentType: 'application/json', body: JSON.stringify(body), setCookies: [] })

describe('identifyRouter', () => {
  it('reads the running version from an info.firmware answer', () => {
    const reference = { stat: 'ok', response: { '1': { version: '7.0.3 build 2765', bootable: true, inUse: false }, '2': { version: '7.1.0 build 2860', bootable: true, inUse: true }, order: [1, 2] } }
    expect(identifyRouter(json(reference))).toEqual({ firmware: '7.1.0 build 2860' })
    // Before login a router lists only the running version.
    expect(identifyRouter(json({ stat: 'ok', response: { '1': { version: '8.1.1 build 5121' }, order: [1] } }))).toEqual({ firmware: '8.1.1 build 5121' })
    expect(identifyRouter(json({ stat: 'ok', response: { version: '8.2.0' } }))).toEqual({ firmware: '8.2.0' })
  })

  it('counts a router that refuses the call, firmware unknown', () => {
    expect(identifyRouter(json({ stat: 'fail', code: 401, message: 'Unauthorized' }))).toEqual({})
    expect(identifyRouter(json({ stat: 'fail', message: 'Unsupported request' }))).toEqual({})
  })

  it('does not count other servers', () => {
    expect(identifyRouter({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Login</title>', setCookies: [] })).toBeNull()
    expect(identifyRouter(json({ status: 'ok' }))).toBeNull()
    expect(identifyRouter(json([{ stat: 'ok' }]))).toBeNull()
    expect(identifyRouter(json({ stat: 'ok', response: { hello: 'world' } }))).toBeNull()
    expect(identifyRouter(json({ stat: 'ok', response: [] }))).toBeNull()
    // Any web server may answer 401; only an envelope in the body makes it a router.
    expect(identifyRouter({ status: 401, contentType: 'text/plain', body: 'Unauthorized', setCookies: [] })).toBeNull()
    expect(identifyRouter({ status: 401, contentType: '', body: '', setCookies: [] })).toBeNull()
  })
})

describe('parseResponse', () => {
  const buf = (s: string) => Buffer.from(s, 'latin1')

  it('frames a body by Content-Length, waiting for all of it', () => {
    const head = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n'
    expect(parseResponse(buf(`${head}ab`), false)).toEqual({ state: 'incomplete' })
    expect(parseResponse(buf(`${head}ab`), true)).toEqual({ state: 'invalid' })
    expect(parseResponse(buf(`${head}abcde`), false)).toEqual({ state: 'complete', response: { status: 200, headers: { 'content-type': 'application/json', 'content-length': '5' }, body: 'abcde' } })
  })

  it('decodes chunked bodies', () => {
    const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'
    expect(parseResponse(buf(`${head}3\r\nabc\r\n`), false).state).toBe('incomplete')
    const done = parseResponse(buf(`${head}3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n`), false)
    expect(done.state === 'complete' && done.response.body).toBe('abcde')
    expect(parseResponse(buf(`${head}zz\r\nabc\r\n`), false).state).toBe('invalid')
  })

  it('reads to the end when the server just closes', () => {
    const r = parseResponse(buf('HTTP/1.0 200 OK\r\n\r\n{"a":1}'), true)
    expect(r.state === 'complete' && r.response.body).toBe('{"a":1}')
    expect(parseResponse(buf('HTTP/1.0 200 OK\r\n\r\n{"a":1}'), false).state).toBe('incomplete')
  })

  it('skips an interim 100 answer and refuses what is not HTTP', () => {
    const r = parseResponse(buf('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'), false)
    expect(r.state === 'complete' && r.response.status).toBe(404)
    expect(parseResponse(buf('SSH-2.0-OpenSSH_9.6\r\n'), true).state).toBe('invalid')
    expect(parseResponse(buf('garbage\r\n\r\n'), false).state).toBe('invalid')
  })
})
