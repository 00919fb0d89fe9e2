/**
 * JSON value types and the emulator's serializer.
 *
 * Real firmware (8.1.2+) prints some floats with binary artefacts such as
 * 19.399999999999999. JSON.stringify cannot emit that text, so renderers put a
 * marker string in place of the number and `toJsonText` splices the raw digits in.
 */

export type Json = null | boolean | number | string | Json[] | JsonObject
export interface JsonObject {
  [key: string]: Json
}

const RAW_PREFIX = '@@raw-number@@'
const RAW_PATTERN = /"@@raw-number@@(-?[0-9.]+(?:e[-+]?[0-9]+)?)"/g

/** A number that serialises with a float artefact (e.g. 19.4 -> 19.399999999999999). */
export function artefactFloat(value: number): Json {
  if (Number.isInteger(value)) return value
  const text = value.toPrecision(17).replace(/0+$/, '').replace(/\.$/, '')
  return RAW_PREFIX + text
}

/** Serialise a response body, expanding raw-number markers. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value).replace(RAW_PATTERN, '$1')
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Deep clone through JSON; state only ever holds JSON-safe data plus Maps we never clone. */
export function cloneJson<T>(value: T): T {
  return structuredClone(value)
}

/** Merge `patch` into `target` in place: objects merge recursively, everything else replaces. */
export function deepMerge(target: JsonObject, patch: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key]
    if (isObject(value) && isObject(current)) deepMerge(current, value)
    else target[key] = cloneJson(value)
  }
  return target
}
