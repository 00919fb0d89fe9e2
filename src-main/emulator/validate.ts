/**
 * Small checks for config payloads. Each throws code 400 naming the field path, so
 * a client's mistake reads like "Invalid parameter: list[0].physical.mtu ...".
 */
import { invalid } from './context'
import { isObject, type Json, type JsonObject } from './json'

interface Opts {
  nullable?: boolean
  required?: boolean
}

function bad(path: string, what: string): never {
  throw invalid(`Invalid parameter: ${path} ${what}`)
}

function present(o: JsonObject, key: string, path: string, opts: Opts): Json | undefined {
  const v = o[key]
  if (v === undefined) {
    if (opts.required) bad(`${path}.${key}`, 'is required')
    return undefined
  }
  if (v === null) {
    if (!opts.nullable) bad(`${path}.${key}`, 'must not be null')
    return undefined
  }
  return v
}

/** The value must be a JSON object. */
export function asObject(v: Json | undefined, path: string): JsonObject {
  if (!isObject(v)) bad(path, 'must be an object')
  return v
}

/** Optional object member (null allowed when nullable). */
export function optObject(o: JsonObject, key: string, path: string, opts: Opts = {}): JsonObject | undefined {
  const v = present(o, key, path, opts)
  return v === undefined ? undefined : asObject(v, `${path}.${key}`)
}

/** Optional boolean member. */
export function optBool(o: JsonObject, key: string, path: string, opts: Opts = {}): void {
  const v = present(o, key, path, opts)
  if (v !== undefined && typeof v !== 'boolean') bad(`${path}.${key}`, 'must be a boolean')
}

/** Integer in [min, max]; returns it (or undefined when absent/null). */
export function optInt(o: JsonObject, key: string, path: string, min: number, max: number, opts: Opts = {}): number | undefined {
  const v = present(o, key, path, opts)
  if (v === undefined) return undefined
  if (typeof v !== 'number' || !Number.isInteger(v)) bad(`${path}.${key}`, 'must be an integer')
  if (v < min || v > max) bad(`${path}.${key}`, `must be between ${min} and ${max}`)
  return v
}

/** Optional string member, optionally matching a pattern. */
export function optString(o: JsonObject, key: string, path: string, opts: Opts & { pattern?: RegExp } = {}): string | undefined {
  const v = present(o, key, path, opts)
  if (v === undefined) return undefined
  if (typeof v !== 'string') bad(`${path}.${key}`, 'must be a string')
  if (opts.pattern && !opts.pattern.test(v)) bad(`${path}.${key}`, 'has an invalid format')
  return v
}

/** Optional string member limited to the given values. */
export function optEnum(o: JsonObject, key: string, path: string, values: readonly string[], opts: Opts = {}): string | undefined {
  const v = optString(o, key, path, opts)
  if (v !== undefined && !values.includes(v)) bad(`${path}.${key}`, `must be one of: ${values.join(', ')}`)
  return v
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/
/** A colon-separated MAC address. */
export const MAC = /^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$/

/** Optional IPv4 address member. */
export function optIpv4(o: JsonObject, key: string, path: string, opts: Opts = {}): void {
  optString(o, key, path, { ...opts, pattern: IPV4 })
}

/** Array whose items pass `item`; `max` bounds the length. */
export function optArray(
  o: JsonObject,
  key: string,
  path: string,
  item: (v: Json, path: string) => void,
  opts: Opts & { max?: number } = {},
): Json[] | undefined {
  const v = present(o, key, path, opts)
  if (v === undefined) return undefined
  if (!Array.isArray(v)) bad(`${path}.${key}`, 'must be a list')
  if (opts.max !== undefined && v.length > opts.max) bad(`${path}.${key}`, `may hold at most ${opts.max} entries`)
  v.forEach((x, i) => item(x, `${path}.${key}[${i}]`))
  return v
}

/** Item checker: an IPv4 address string. */
export function ipv4Item(v: Json, path: string): void {
  if (typeof v !== 'string' || !IPV4.test(v)) bad(path, 'must be an IPv4 address')
}

/** Item checker factory: an integer in [min, max]. */
export function intItem(min: number, max: number) {
  return (v: Json, path: string): void => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) bad(path, `must be an integer between ${min} and ${max}`)
  }
}

/** Item checker: any string. */
export function stringItem(v: Json, path: string): void {
  if (typeof v !== 'string') bad(path, 'must be a string')
}

/** Reject a section that does not apply to this kind of WAN. */
export function notFor(o: JsonObject, key: string, path: string, reason: string): void {
  if (o[key] !== undefined) bad(`${path}.${key}`, reason)
}

export { bad as invalidParam }
