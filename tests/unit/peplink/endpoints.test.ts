import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ENDPOINTS, REFERENCE_KEYS } from '../../../src-main/peplink/endpoints'

const reference = readFileSync(join(__dirname, '../../../../shared/reference/peplink-router-api.txt'), 'utf8')

describe('endpoint table', () => {
  it('has one row for each of the 44 method + endpoint pairs in the reference list', () => {
    const list = reference.slice(reference.indexOf('API Reference List'), reference.indexOf('API Reference\n\nPOST'))
    const pairs = [...list.matchAll(/^- (GET|POST) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`)
    expect(pairs).toHaveLength(44)
    // The list misspells status.pepvpn as status.pevpn; the section heading has it right.
    const expected = pairs.map((p) => (p === 'GET status.pevpn' ? 'GET status.pepvpn' : p)).sort()
    expect([...REFERENCE_KEYS].sort()).toEqual(expected)
  })

  it('records the firmware each endpoint appeared in, as its section says', () => {
    for (const key of REFERENCE_KEYS) {
      const spec = ENDPOINTS[key]
      const at = reference.indexOf(`${spec.method} /api/${spec.name}\n`)
      expect(at, key).toBeGreaterThan(0)
      const since = /Available in ([\d.]+)/.exec(reference.slice(at, at + 3000))![1]!
      expect(spec.since.startsWith(since === '8' ? '8.0.0' : since), `${key}: ${spec.since} vs ${since}`).toBe(true)
    }
  })

  it('gives every row a unique typed method name and a scope', () => {
    const fns = Object.values(ENDPOINTS).map((s) => s.fn)
    expect(new Set(fns).size).toBe(fns.length)
    for (const [key, s] of Object.entries(ENDPOINTS)) {
      expect(['public', 'read', 'write', 'admin'], key).toContain(s.scope)
      if (s.method === 'POST' && !['login', 'logout', 'auth.token.grant', 'auth.token.revoke'].includes(s.name)) expect(s.scope, key).not.toBe('read')
    }
  })
})
