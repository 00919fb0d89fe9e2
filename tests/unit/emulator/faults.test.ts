import { mkdtempSync, existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'
import { Agent, request } from 'undici'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../../../src-main/emulator'
import { adminApi, poll, type Api } from './helpers'

let api: Api | null = null
afterEach(async () => {
  await api?.close()
  api = null
})

function peerFingerprint(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host, port, rejectUnauthorized: false }, () => {
      resolve(s.getPeerCertificate().fingerprint256)
      s.destroy()
    })
    s.on('error', reject)
  })
}

/** GET with short timeouts on a fresh agent; resolves to the envelope text or the error code. */
async function quickGet(url: string, cookie: string | null): Promise<string> {
  const agent = new Agent({ connect: { rejectUnauthorized: false, timeout: 200 }, headersTimeout: 200, bodyTimeout: 200 })
  try {
    const r = await request(url, { dispatcher: agent, headers: cookie ? { cookie } : {} })
    return await r.body.text()
  } catch (e) {
    return `error:${(e as { code?: string }).code ?? String(e)}`
  } finally {
    await agent.destroy()
  }
}

describe('emulator: response faults', () => {
  it('latency delays every answer; reset turns it off', async () => {
    api = await adminApi()
    api.em.faults.setLatency(250)
    const t0 = Date.now()
    expect((await api.get('cmd.ap')).stat).toBe('ok')
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240)
    api.em.faults.reset()
    expect((await api.get('cmd.ap')).stat).toBe('ok')
  })

  it('broken response modes: html, garbage, truncated, wrong-types, huge', async () => {
    api = await adminApi()
    const f = api.em.faults
    f.setResponseMode('html')
    const html = await api.raw('/api/status.wan.connection')
    expect(html.status).toBe(200)
    expect(String(html.headers['content-type'])).toMatch(/text\/html/)
    expect(html.text).toMatch(/<html/i)
    f.setResponseMode('garbage')
    const junk = (await api.raw('/api/cmd.ap')).text
    expect(() => JSON.parse(junk)).toThrow()
    f.setResponseMode('truncated')
    const cut = (await api.raw('/api/cmd.ap')).text
    expect(cut.startsWith('{"stat":"ok"')).toBe(true)
    expect(() => JSON.parse(cut)).toThrow()
    f.setResponseMode('wrong-types')
    expect(JSON.parse((await api.raw('/api/status.wan.connection')).text)).toEqual({ stat: 'ok', response: 'OK' })
    f.setResponseMode('huge')
    const big = await api.raw('/api/status.wan.connection')
    expect(big.text.length).toBeGreaterThanOrEqual(20 * 1024 * 1024)
    expect(JSON.parse(big.text).stat).toBe('ok')
    f.setResponseMode('json')
    expect((await api.get('cmd.ap')).stat).toBe('ok')
  })

  it('failNext fails exactly the next call of that endpoint', async () => {
    api = await adminApi()
    api.em.faults.failNext('status.wan.connection', { code: 401, message: 'Internal Error' })
    api.em.faults.failNext('cmd.ap', {})
    expect(await api.get('status.wan.connection')).toEqual({ stat: 'fail', code: 401, message: 'Internal Error' })
    expect(await api.get('cmd.ap')).toEqual({ stat: 'fail' })
    expect((await api.get('status.wan.connection')).stat).toBe('ok')
  })

  it('expireSessions invalidates cookies and tokens', async () => {
    api = await adminApi()
    const token = (await api.post('auth.token.grant', { clientId: api.em.state.auth.seeded.readWrite.clientId, clientSecret: api.em.state.auth.seeded.readWrite.clientSecret })).response.accessToken
    api.em.faults.expireSessions()
    expect(await api.get('cmd.ap')).toEqual({ stat: 'fail', code: 401, message: 'Unauthorized' })
    expect((await api.get('cmd.ap', `accessToken=${token}`)).message).toBe('Invalid access token')
  })
})

describe('emulator: network faults', () => {
  it('goSilent holds connections without a byte, then comes back with sessions lost', async () => {
    api = await adminApi()
    const { em } = api
    const cookie = api.cookie ?? ''
    em.faults.goSilent(800)
    // A new connection: accepted, but not even the TLS handshake is answered.
    const handshake = await new Promise<string>((resolve) => {
      const s = tls.connect({ host: em.host, port: em.port, rejectUnauthorized: false }, () => resolve('handshake'))
      s.on('error', () => resolve('dropped'))
      s.on('close', () => resolve('dropped'))
      setTimeout(() => {
        resolve('silent')
        s.destroy()
      }, 150)
    })
    expect(handshake).toBe('silent')
    // The client's open keep-alive connection gets no answer either: the request runs into its
    // own 200 ms deadline (and is cancelled by it, not left hanging).
    const held = await request(`${em.url}/api/cmd.ap`, { dispatcher: api.agent, headers: { cookie }, signal: AbortSignal.timeout(200) }).then(
      () => 'answered',
      (e: unknown) => ((e as Error).name === 'TimeoutError' ? 'no answer' : `error: ${(e as Error).name}`),
    )
    expect(held).toBe('no answer')
    const back = await poll(() => quickGet(`${em.url}/api/cmd.ap`, cookie), (t) => !t.startsWith('error:'))
    expect(JSON.parse(back)).toMatchObject({ stat: 'fail', code: 401 })
  })

  it('refuseConnections refuses, then listens again on the same port', async () => {
    api = await adminApi()
    const { em } = api
    await em.faults.refuseConnections(300)
    expect(await quickGet(`${em.url}/api/info.firmware`, null)).toBe('error:ECONNREFUSED')
    const back = await poll(() => quickGet(`${em.url}/api/info.firmware`, null), (t) => !t.startsWith('error:'))
    expect(JSON.parse(back).stat).toBe('ok')
  })

  it('replaceCertificate serves a new fingerprint', async () => {
    api = await adminApi()
    const { em } = api
    const before = em.fingerprint256
    expect(await peerFingerprint(em.host, em.port)).toBe(before)
    expect(before).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    const next = await em.faults.replaceCertificate()
    expect(next).not.toBe(before)
    expect(em.fingerprint256).toBe(next)
    expect(await peerFingerprint(em.host, em.port)).toBe(next)
  })

  it('keeps a stable fingerprint across restarts with stateDir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uplink-emu-'))
    try {
      const a = await startEmulator({ stateDir: dir })
      const fp = a.fingerprint256
      await a.close()
      expect(existsSync(join(dir, 'emulator-cert.pem'))).toBe(true)
      expect(existsSync(join(dir, 'emulator-key.pem'))).toBe(true)
      const b = await startEmulator({ stateDir: dir })
      expect(b.fingerprint256).toBe(fp)
      expect(await peerFingerprint(b.host, b.port)).toBe(fp)
      await b.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses to bind to a non-loopback address', async () => {
    await expect(startEmulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback/)
  })
})
