/**
 * Removes secrets from parameters before they are logged, stored in a visit or shown in a
 * report: any key that names a password, key, secret, token, PSK or SIM PIN, at any depth.
 */

const SECRET_KEY = /pass(word)?|secret|token|^key$|psk|simpin|pin$|wpakey|auth(entication)?key/i

/** A copy of `value` with every secret-named field replaced by "[redacted]". */
export function stripSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => stripSecrets(v)) as T
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null && v !== '' ? '[redacted]' : stripSecrets(v)
  }
  return out as T
}
