/**
 * Properties every normaliser keeps, whatever a router (or something pretending to be one)
 * sends: it returns or throws ProtocolError, nothing else; and secrets never come out.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../../src-main/peplink/errors'
import * as n from '../../../src-main/peplink/normalize'
import {
  accessTokensReference, allowanceAnswer, ALL_CELLULAR_VARIANTS, authClientsReference, carrierScanReference, cellularWanAnswer,
  firmwareReference, gpioAnswer, pepvpnReference, smsReference, ssidReference, wanConfigReference, wanStatusReference,
} from './normalize-fixtures'

type Normalizer = (raw: unknown) => unknown
// Raise for a deeper hunt: NORMALIZE_RUNS=5000 npx vitest run tests/unit/peplink/normalize-properties
const RUNS = Number(process.env.NORMALIZE_RUNS ?? 300)

/** Each normaliser with answers shaped like the real thing, to mutate. */
const TABLE: [string, Normalizer, unknown[]][] = [
  ['normalizeWanStatus', (r) => n.signalReportsFromWans(n.normalizeWanStatus(r)), [wanStatusReference(), cellularWanAnswer(ALL_CELLULAR_VARIANTS[0]!), cellularWanAnswer(ALL_CELLULAR_VARIANTS[63]!)]],
  ['normalizeSignal', n.normalizeSignal, [{ '1': { band: [{ name: 'B7', signal: { rssi: -60, sinr: 9 } }] }, '2': { virtualType: 'wireless', wifi: { ssid: 's' }, signal: { strength: -60, level: 4 } }, order: [1, 2] }]],
  ['normalizeAllowance', n.normalizeAllowance, [allowanceAnswer()]],
  ['normalizeCarrierScan', n.normalizeCarrierScan, [carrierScanReference()]],
  ['normalizeChannelPciScan', n.normalizeChannelPciScan, [{ scanStatus: 'done', list: [{ pci: 1, earfcn: 2, plmn: [{ mcc: '454', mnc: '00' }] }] }]],
  ['normalizeSimSelection', n.normalizeSimSelection, [{ enabledSim: [1, 2], preferredSim: 1 }, { simPriority: ['1', 'remoteSim'] }]],
  ['normalizeSms', (r) => n.normalizeSms(r), [smsReference()]],
  ['normalizeUssd', (r) => n.normalizeUssd(r), [{ message: 'ok' }]],
  ['normalizeWifiScan', n.normalizeWifiScan, [[{ ssid: 'a', bssid: 'b', signal: -60, status: { inUse: true }, config: { profileId: 1 } }]]],
  ['normalizeWifiResult', n.normalizeWifiResult, [{ result: 'CONNECTED', ssid: 's' }]],
  ['normalizeClients', n.normalizeClients, [{ list: [{ mac: 'm', active: true, signal: { strength: -50, level: 5 }, speed: { download: 1, upload: 2 }, lease: { expiresIn: 1 } }] }]],
  ['normalizeLanProfiles', n.normalizeLanProfiles, [{ '0': { ip: '10.0.0.1', mask: 16 }, order: [0] }]],
  ['normalizePepVpn', n.normalizePepVpn, [pepvpnReference()]],
  ['normalizeLocation', n.normalizeLocation, [{ gps: true, location: { latitude: 1 } }]],
  ['normalizeFirmware', n.normalizeFirmware, [firmwareReference()]],
  ['normalizeSsidProfiles', n.normalizeSsidProfiles, [ssidReference()]],
  ['normalizeSsidProfileSecrets', n.normalizeSsidProfileSecrets, [ssidReference()]],
  ['normalizeGpio', n.normalizeGpio, [gpioAnswer()]],
  ['normalizeAccessPoint', n.normalizeAccessPoint, [{ support: true, enable: false }]],
  ['normalizeWanPriority', n.normalizeWanPriority, [{ '1': { name: 'W', priority: 1, enable: true }, order: [1] }]],
  ['normalizeConfigApply', n.normalizeConfigApply, [{ warning: 'w' }]],
  ['normalizeLogin', n.normalizeLogin, [{ permission: { GET: 1, POST: 0 } }]],
  ['normalizeTokenGrant', n.normalizeTokenGrant, [{ accessToken: 'abcdefabcdef1234', scope: 'api', expiresIn: '60', authorizationType: 3 }]],
  ['normalizeAuthClients', n.normalizeAuthClients, [authClientsReference()]],
  ['normalizeCreatedAuthClient', n.normalizeCreatedAuthClient, [authClientsReference()[0]]],
  ['normalizeAccessTokens', n.normalizeAccessTokens, [accessTokensReference()]],
  ['normalizeWanConfig', n.normalizeWanConfig, [wanConfigReference()]],
]

/** Runs `f`; a ProtocolError counts as an answer, any other throw fails the property. */
function returnsOrProtocolError(f: Normalizer, raw: unknown): { ok: true; value: unknown } | { ok: false; error: ProtocolError } {
  try {
    return { ok: true, value: f(raw) }
  } catch (e) {
    if (e instanceof ProtocolError) return { ok: false, error: e }
    throw e
  }
}

type Path = (string | number)[]

/** Every path to a node of a JSON value, root included. */
function pathsOf(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at]
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])))
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]))
  return out
}

/** A copy of `root` with the node at `path` replaced by `value`. */
function replaceAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) }
  const [head, ...rest] = path
  copy[head as any] = replaceAt(copy[head as any], rest, value)
  return copy
}

/** Fixtures with random nodes replaced by random JSON. */
function mutated(fixtures: unknown[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...fixtures), fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 })), { minLength: 1, maxLength: 6 }))
    .map(([fixture, edits]) => {
      let v: unknown = fixture
      for (const [i, value] of edits) {
        const paths = pathsOf(v)
        v = replaceAt(v, paths[i % paths.length]!, value)
      }
      return v
    })
}

describe('every normaliser returns or throws ProtocolError, never anything else', () => {
  it.each(TABLE)('%s on any JSON value', (_name, f) => {
    fc.assert(fc.property(fc.jsonValue(), (raw) => void returnsOrProtocolError(f, raw)), { numRuns: RUNS })
  })

  it.each(TABLE)('%s on its real answers with random parts replaced', (_name, f, fixtures) => {
    fc.assert(fc.property(mutated(fixtures), (raw) => void returnsOrProtocolError(f, raw)), { numRuns: RUNS })
  })

  it.each(TABLE)('%s accepts its unmutated fixtures', (_name, f, fixtures) => {
    for (const raw of fixtures) expect(returnsOrProtocolError(f, raw).ok).toBe(true)
  })

  it('ProtocolError messages name the endpoint and say what was wrong', () => {
    const r = returnsOrProtocolError(n.normalizeLanProfiles, 'Unsupported request')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.message).toBe('status.lan.profile answered in a shape Uplink does not recognise: expected an object, got a string.')
      expect(r.error.endpoint).toBe('status.lan.profile')
      expect(r.error.excerpt).toBe('"Unsupported request"')
    }
  })
})

// Normalisers whose job is to hand a secret over (main process only).
const REVEALS = new Set(['normalizeTokenGrant', 'normalizeCreatedAuthClient', 'normalizeSsidProfileSecrets'])
const SECRET_KEYS = ['password', 'key', 'clientSecret', 'accessToken', 'simPin', 'psk', 'Password'] as const
const MARK = 'S3cr3t-Marker-0xC0FFEE'

/** Fixtures with secret-named fields planted in random objects. */
function withPlantedSecrets(fixtures: unknown[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...fixtures), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SECRET_KEYS)), { minLength: 1, maxLength: 8 }))
    .map(([fixture, plants]) => {
      let v: unknown = fixture
      for (const [i, key] of plants) {
        const objects = pathsOf(v).filter((p) => {
          let node: any = v
          for (const k of p) node = node[k]
          return node !== null && typeof node === 'object' && !Array.isArray(node)
        })
        if (objects.length === 0) break
        const p = objects[i % objects.length]!
        v = replaceAt(v, [...p, key], `${MARK}-${i}`)
      }
      return v
    })
}

describe('secrets never come out', () => {
  it.each(TABLE.filter(([name]) => !REVEALS.has(name)))('%s drops planted passwords, keys, client secrets and tokens', (_name, f, fixtures) => {
    fc.assert(
      fc.property(withPlantedSecrets(fixtures), (raw) => {
        const r = returnsOrProtocolError(f, raw)
        const out = r.ok ? JSON.stringify(r.value) ?? '' : `${r.error.message} ${r.error.excerpt}`
        expect(out).not.toContain(MARK)
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    )
  })

  it.each(TABLE)('%s keeps secrets out of its ProtocolErrors', (_name, f, fixtures) => {
    fc.assert(
      fc.property(withPlantedSecrets(fixtures), fc.constantFrom('str', 42, null), (raw, junk) => {
        // Make the answer unusable at the top while it still carries the secrets.
        const r = returnsOrProtocolError(f, [raw, junk])
        if (!r.ok) expect(`${r.error.message} ${r.error.excerpt}`).not.toContain(MARK)
      }),
      { numRuns: Math.ceil(RUNS / 6) },
    )
  })
})
