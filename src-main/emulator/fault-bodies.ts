/**
 * Bodies for the broken-response fault modes: an HTML login page (wrong device or
 * captive portal), random bytes, JSON cut in half, wrong types and a 20 MB answer.
 */
import { randomBytes } from 'node:crypto'
import type { JsonObject } from './json'

export interface RawBody {
  contentType: string
  body: Buffer
}

const LOGIN_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Web Admin | Login</title></head>
<body><form method="post" action="/cgi-bin/MANGA/index.cgi">
<h1>Web Admin</h1>
<label>Username <input name="username"></label>
<label>Password <input type="password" name="password"></label>
<button type="submit">Login</button>
</form></body></html>
`

/** A 200 text/html login page. */
export function htmlPage(): RawBody {
  return { contentType: 'text/html; charset=utf-8', body: Buffer.from(LOGIN_PAGE) }
}

/** Random bytes labelled as JSON; the leading 0xff guarantees it never parses. */
export function garbage(): RawBody {
  return { contentType: 'application/json', body: Buffer.concat([Buffer.from([0xff]), randomBytes(2047)]) }
}

/** The first half of a valid JSON text. */
export function truncated(jsonText: string): RawBody {
  return { contentType: 'application/json', body: Buffer.from(jsonText.slice(0, Math.floor(jsonText.length / 2))) }
}

/** stat ok with `response` of the wrong JSON type (a string where an object/list belongs, else an object). */
export function wrongTypes(envelope: JsonObject): RawBody {
  const r = envelope.response
  const wrong = r === undefined || (typeof r === 'object' && r !== null) ? 'OK' : { value: r }
  return { contentType: 'application/json', body: Buffer.from(JSON.stringify({ stat: 'ok', response: wrong })) }
}

let hugeCache: Buffer | null = null

/** A well-formed ~20 MB JSON answer (built once, then reused). */
export function huge(): RawBody {
  if (!hugeCache) {
    const pad = 'x'.repeat(1000)
    const item = (i: number): string => `{"id":${i},"pad":"${pad}"}`
    const count = Math.ceil((20 * 1024 * 1024) / 1012)
    const items: string[] = []
    for (let i = 0; i < count; i++) items.push(item(i))
    hugeCache = Buffer.from(`{"stat":"ok","response":{"list":[${items.join(',')}]}}`)
  }
  return { contentType: 'application/json', body: hugeCache }
}
