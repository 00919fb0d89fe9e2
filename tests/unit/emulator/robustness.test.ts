import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EMULATED_ENDPOINTS as ROUTES } from '../../../src-main/emulator'
import { adminApi, type Api } from './helpers'

const POSTS = [...new Set(ROUTES.filter((r) => r.method === 'POST' && r.name !== 'logout' && r.name !== 'login').map((r) => r.name))]
const GETS = [...new Set(ROUTES.filter((r) => r.method === 'GET').map((r) => r.name))]

let api: Api
beforeAll(async () => {
  api = await adminApi({ firmware: '8.2.0' })
})
afterAll(async () => {
  await api.close()
})

const fieldNames = fc.constantFrom('connId', 'simId', 'id', 'list', 'sim', 'port', 'selectedCarrier', 'ssid', 'securityPolicy', 'key', 'action', 'enable', 'ussd', 'address', 'simPriority', 'enabledSim', 'preferredSim', 'security', 'reference', 'instantActive')
const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(2, '2', 3, 'start', 'update', null, [1, 2], [{ id: 1 }], { id: 1, value: null }))
const body = fc.dictionary(fieldNames, value, { maxKeys: 5 })

function isEnvelope(e: { stat?: unknown; code?: unknown }): boolean {
  return (e.stat === 'ok' || e.stat === 'fail') && e.code !== 500
}

describe('emulator: never crashes on bad input', () => {
  it('answers every POST endpoint with an envelope for arbitrary bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...POSTS), body, async (endpoint, b) => {
        const r = await api.post(endpoint, b)
        expect(isEnvelope(r), `${endpoint} ${JSON.stringify(b)} -> ${JSON.stringify(r)}`).toBe(true)
        api.em.applyScenario('healthy')
      }),
      { numRuns: 250 },
    )
  })

  it('answers every GET endpoint with an envelope for arbitrary query strings', async () => {
    const key = fc.constantFrom('connId', 'id', 'lite', 'infoType', 'tunnelOption', 'size', 'vlanId', 'sortBy', 'reference', 'start')
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...GETS), fc.array(fc.tuple(key, fc.string({ maxLength: 6 })), { maxLength: 3 }), async (endpoint, pairs) => {
        const q = new URLSearchParams(pairs).toString()
        const r = await api.get(endpoint, q)
        expect(isEnvelope(r), `${endpoint}?${q} -> ${JSON.stringify(r)}`).toBe(true)
      }),
      { numRuns: 150 },
    )
  })

  it('answers non-JSON and non-object bodies with stat fail', async () => {
    for (const raw of ['{', '[1,2]', '"x"', 'null', '\u0000\u00ff']) {
      const r = JSON.parse((await api.raw('/api/cmd.ap', { method: 'POST', body: raw })).text)
      expect(r.stat).toBe('fail')
    }
  })
})
