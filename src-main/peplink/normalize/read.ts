/**
 * Small, forgiving readers for router JSON. Optional fields that are malformed read as
 * undefined (and are dropped); only an unusable overall shape throws, always as a
 * ProtocolError so callers have one thing to catch.
 */
import { ProtocolError } from '../errors'

export type Obj = Record<string, unknown>

/** True for a JSON object (not null, not an array). */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const NUMERIC = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/

/** A finite number from a number or a numeric string ("50", "-3.5"); -0 reads as 0. */
export function num(v: unknown): number | undefined {
  let n: number | undefined
  if (typeof v === 'number') n = v
  else if (typeof v === 'string' && NUMERIC.test(v)) n = Number(v)
  if (n === undefined || !Number.isFinite(n)) return undefined
  return n === 0 ? 0 : n
}

/** An integer from a number or numeric string; fractions read as undefined. */
export function int(v: unknown): number | undefined {
  const n = num(v)
  return n !== undefined && Number.isInteger(n) ? n : undefined
}

/** Rounds to 2 decimals: removes float artefacts such as 19.399999999999999. */
export function round2(n: number | undefined): number | undefined {
  if (n === undefined) return undefined
  const r = Math.round(n * 100) / 100
  return r === 0 ? 0 : r
}

/** A string; numbers are accepted and written out (an SSID of digits may arrive as one). */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return undefined
}

/** A non-empty string, else undefined. */
export function text(v: unknown): string | undefined {
  const s = str(v)
  return s === undefined || s.trim() === '' ? undefined : s
}

/** A non-empty string and only a string: for addresses, where a number means a broken answer. */
export function addr(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined
  const t = v.trim()
  return t === '' ? undefined : t
}

const TRUE = new Set(['true', 'yes', '1', 'on'])
const FALSE = new Set(['false', 'no', '0', 'off'])

/** A boolean from true/false, 1/0 (login permissions) or "yes"/"no"/"true"/"false". */
export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v
  if (v === 1 || v === 0) return v === 1
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase()
    if (TRUE.has(s)) return true
    if (FALSE.has(s)) return false
  }
  return undefined
}

/** The strings of an array (non-strings skipped); a lone string reads as a list of one. */
export function strList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v]
  return Array.isArray(v) ? readable(v, str) : undefined
}

/** What `read` makes of each element of `v`, the unreadable ones left out. */
function readable<T>(v: unknown[], read: (x: unknown) => T | undefined): T[] {
  const out = sized<T>(v.length)
  let n = 0
  for (let i = 0; i < v.length; i++) {
    const x = read(v[i])
    if (x !== undefined) out[n++] = x
  }
  return trimmed(out, n)
}

/**
 * An array of room for `n`, to fill from the start and then pass through trimmed(): every
 * poll builds many short lists, and one grown by push() reserves room for 16 or more.
 */
export function sized<T>(n: number): T[] {
  return new Array<T>(n)
}

/** `a` cut to its first `n` elements. */
export function trimmed<T>(a: T[], n: number): T[] {
  if (a.length !== n) a.length = n
  return a
}

/** The numbers of an array (numeric strings converted, the rest skipped); a lone number reads as one. */
export function numList(v: unknown): number[] | undefined {
  const one = num(v)
  if (one !== undefined) return [one]
  return Array.isArray(v) ? readable(v, num) : undefined
}

/** Prefix length from 24, "24" or "255.255.255.0". */
export function maskBits(v: unknown): number | undefined {
  const n = int(v)
  if (n !== undefined) return n >= 0 && n <= 32 ? n : undefined
  if (typeof v !== 'string' || !/^\d{1,3}(\.\d{1,3}){3}$/.test(v.trim())) return undefined
  const octets = v.trim().split('.').map(Number)
  if (octets.some((o) => o > 255)) return undefined
  const bits = octets.map((o) => o.toString(2).padStart(8, '0')).join('')
  return /^1*0*$/.test(bits) ? bits.replace(/0+$/, '').length : undefined
}

/** Copies `o` without its undefined values, so models compare and serialise cleanly. */
export function compact<T extends object>(o: T): T {
  const out = {} as Obj
  // Keys here come from the model's own object literals, so plain assignment is safe (and
  // keeps objects in V8's fast mode; this runs for every field of every poll).
  for (const k in o) {
    const v = (o as Obj)[k]
    if (v !== undefined) out[k] = v
  }
  return out as T
}

/** The hottest models (a WAN, its cellular detail, a SIM) as built: optional fields may be
 * present as undefined rather than absent. JSON (CLI, browser host) drops them; they read the
 * same everywhere else. Skipping the copy halves the normaliser's work on every status poll.
 */
export function asBuilt<T extends object>(o: T): T {
  return o
}

/** Sets a property even when the key is "__proto__" (router keys are data, not prototypes). */
export function setProp(o: Obj, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true })
  else o[key] = value
}

/** A short, secret-free rendering of an answer for ProtocolError's excerpt. */
function excerptOf(raw: unknown): string {
  try {
    const s = raw === undefined ? 'undefined' : JSON.stringify(sanitizeSecrets(raw))
    return (s ?? String(raw)).slice(0, 1000)
  } catch {
    return '[unprintable]'
  }
}

/** Throws the one error every normaliser throws for an answer it cannot use. */
export function fail(endpoint: string, what: string, raw: unknown): never {
  throw new ProtocolError(`${endpoint} answered in a shape Uplink does not recognise: ${what}.`, {
    endpoint,
    excerpt: excerptOf(raw),
  })
}

/** The answer as an object, or a ProtocolError naming what came instead. */
export function expectObj(raw: unknown, endpoint: string): Obj {
  if (isObj(raw)) return raw
  return fail(endpoint, `expected an object, got ${describe(raw)}`, raw)
}

/** The answer as an array, or the array under `key` of an object answer. */
export function expectList(raw: unknown, endpoint: string, key: string): unknown[] {
  if (Array.isArray(raw)) return raw
  if (isObj(raw) && Array.isArray(raw[key])) return raw[key] as unknown[]
  return fail(endpoint, `expected a list (or an object with "${key}"), got ${describe(raw)}`, raw)
}

/** "a string", "null", "an array", … for error messages. */
export function describe(v: unknown): string {
  if (v === null) return 'null'
  if (v === undefined) return 'nothing'
  if (Array.isArray(v)) return 'an array'
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`
}

/** A map key that is a connection / SIM / profile number ("4"), as a number. */
export function keyId(key: string): number | undefined {
  // /^\d{1,9}$/ spelled out: every map key of every poll goes through here.
  const n = key.length
  if (n === 0 || n > 9) return undefined
  let id = 0
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i)
    if (c < 48 || c > 57) return undefined
    id = id * 10 + (c - 48)
  }
  return id
}

export interface Entry {
  key: string
  value: Obj
}

/**
 * The object-valued entries of an "id -> object, order: [ids]" map: first in `order`, then
 * any the order leaves out (numeric keys ascending, then names), so nothing the router sent
 * is lost. `exclude` names keys that are metadata rather than entries.
 */
export function orderedEntries(o: Obj, exclude: readonly string[] = NO_KEYS): Entry[] {
  // Runs for every map in every poll (WANs, SIMs, …), with the caches cold between polls: plain
  // loops over short lists rather than Sets, includes() or sort(), whose code is cold too.
  const order = o.order
  let out: Entry[]
  // The entries taken from `order` are out[0..listed); a Set remembers their keys for a long list.
  let listed = 0
  let seen: Set<string> | undefined
  if (Array.isArray(order)) {
    out = sized<Entry>(order.length)
    if (order.length > 16) seen = new Set<string>()
    for (let i = 0; i < order.length; i++) {
      const k = str(order[i])
      if (k === undefined || (seen ? seen.has(k) : isListed(out, listed, k)) || !usable(o, k, exclude)) continue
      seen?.add(k)
      out[listed++] = { key: k, value: o[k] as Obj }
    }
    trimmed(out, listed)
  } else out = []
  let rest: string[] | undefined
  // Object.keys, not for-in: the keys are mostly numbers ("1", "2"), which for-in walks slowly.
  const keys = Object.keys(o)
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!
    if (!(seen ? seen.has(k) : isListed(out, listed, k)) && usable(o, k, exclude)) (rest ??= []).push(k)
  }
  if (rest) {
    if (rest.length > 1) sortKeys(rest)
    for (let i = 0; i < rest.length; i++) out.push({ key: rest[i]!, value: o[rest[i]!] as Obj })
  }
  return out
}

const NO_KEYS: readonly string[] = []

function isListed(entries: Entry[], n: number, key: string): boolean {
  for (let i = 0; i < n; i++) if (entries[i]!.key === key) return true
  return false
}

/** An entry of the map: an own, object-valued key that is neither `order` nor metadata. */
function usable(o: Obj, key: string, exclude: readonly string[]): boolean {
  if (key === 'order') return false
  for (let i = 0; i < exclude.length; i++) if (exclude[i] === key) return false
  return Object.prototype.hasOwnProperty.call(o, key) && isObj(o[key])
}

/** Sorts keys with byKey: by insertion for a few (stable, as sort() is), else sort(). */
function sortKeys(keys: string[]): void {
  if (keys.length > 16) {
    keys.sort(byKey)
    return
  }
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!
    let j = i - 1
    while (j >= 0 && byKey(keys[j]!, k) > 0) {
      keys[j + 1] = keys[j]!
      j--
    }
    keys[j + 1] = k
  }
}

/** Numeric keys ascending, then names. */
function byKey(a: string, b: string): number {
  const na = keyId(a)
  const nb = keyId(b)
  if (na !== undefined && nb !== undefined) return na - nb
  if (na !== undefined) return -1
  if (nb !== undefined) return 1
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Entries of a map answer that must describe a list: an `order` array (even empty) or at
 * least one entry makes it usable; anything else is not an answer Uplink understands.
 */
export function listMap(raw: unknown, endpoint: string, exclude: readonly string[] = []): Entry[] {
  const o = expectObj(raw, endpoint)
  const entries = orderedEntries(o, exclude)
  if (entries.length === 0 && !Array.isArray(o.order)) fail(endpoint, 'no entries and no "order" list', raw)
  return entries
}

// Keys whose values are secrets, lower-cased; each becomes a `has…` flag instead.
const SECRET_FLAGS: Record<string, string> = {
  password: 'hasPassword',
  passwd: 'hasPassword',
  key: 'hasKey',
  psk: 'hasPsk',
  presharedkey: 'hasPresharedKey',
  simpin: 'hasSimPin',
  puk: 'hasPuk',
  secret: 'hasSecret',
  sharedsecret: 'hasSharedSecret',
  clientsecret: 'hasClientSecret',
  accesstoken: 'hasAccessToken',
}

/** True when a secret field holds something ("@~HiDdEn~@", the router's mask, counts). */
export function isSet(v: unknown): boolean {
  if (typeof v === 'string') return v !== ''
  return v !== undefined && v !== null && v !== false
}

// Router answers repeat the same few hundred keys on every poll; remember each key's verdict.
const flagOf = new Map<string, string | null>()
function secretFlag(key: string): string | null {
  let f = flagOf.get(key)
  if (f === undefined) {
    const lower = key.toLowerCase()
    f = Object.hasOwn(SECRET_FLAGS, lower) ? SECRET_FLAGS[lower]! : null
    if (flagOf.size < 10_000) flagOf.set(key, f)
  }
  return f
}

/** Copies the fields of `o` not in `skip` into `out`, each secret replaced by a `has…` flag. */
function copyClean(o: Obj, out: Obj, skip?: ReadonlySet<string>): Obj {
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k) || skip?.has(k)) continue
    const val = o[k]
    const flag = secretFlag(k)
    if (flag) setProp(out, flag, isSet(val) || out[flag] === true)
    else setProp(out, k, sanitizeSecrets(val))
  }
  return out
}

/** Deep copy with every secret-named field replaced by a `has…` flag. */
export function sanitizeSecrets(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v
  if (Array.isArray(v)) return v.map(sanitizeSecrets)
  return copyClean(v as Obj, {})
}

/** The fields of `o` a model does not name, secrets removed: kept so nothing is silently lost. */
export function extraFields(o: Obj, known: ReadonlySet<string>): Obj {
  return copyClean(o, {}, known)
}
