/**
 * `config.wan.connection` -> WanConfig[]: the "id -> settings, order" map as a list, with
 * every password (DDNS, PPPoE, APN, …) replaced by a `hasPassword` flag.
 */
import type { WanConfig } from '../model'
import { bool, compact, int, isObj, keyId, listMap, num, sanitizeSecrets, text, type Obj } from './read'

/** Normalises `config.wan.connection`; `settings` keeps the whole entry minus its secrets. */
export function normalizeWanConfig(raw: unknown): WanConfig[] {
  return listMap(raw, 'config.wan.connection').flatMap(({ key, value }) => {
    const id = keyId(key) ?? int(value.id)
    if (id === undefined) return []
    const conn: Obj = isObj(value.connection) ? value.connection : {}
    // `method` is a string in the answer but an object {type, detail} in the request.
    const method = text(conn.method) ?? (isObj(conn.method) ? text(conn.method.type) : undefined)
    return [
      compact({
        id,
        name: text(value.name),
        enable: bool(value.enable),
        asLan: bool(value.asLan),
        active: bool(value.active),
        method,
        routingMode: text(conn.routingMode) ?? text(conn.mode),
        priority: num(conn.priority),
        settings: sanitizeSecrets(value) as Record<string, unknown>,
      }),
    ]
  })
}
