/**
 * The router's answer envelope: `{"stat":"ok","response":…}` or
 * `{"stat":"fail","code":N,"message":"…"}`, always with HTTP 200 (sometimes a real 401).
 * Anything else is not a Peplink answer and becomes a ProtocolError that says what came back.
 */
import { ProtocolError } from './errors'
import type { HttpResponse } from './transport'

export type Envelope =
  | { stat: 'ok'; response: unknown; notice?: unknown }
  | { stat: 'fail'; code?: number; message?: string }

/** Parses a router answer, or throws ProtocolError describing what arrived instead. */
export function parseEnvelope(res: HttpResponse, endpoint: string): Envelope {
  const text = res.body
  if (res.status === 401) {
    // A real HTTP 401 is treated like the in-band code 401.
    return { stat: 'fail', code: 401, message: 'Unauthorized' }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ProtocolError(`${endpoint} did not answer with JSON (${describe(res)}). This address may not be a Peplink router's API, or the router sent a damaged reply; try again.`, { endpoint, excerpt: text.slice(0, 200) })
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new ProtocolError(`${endpoint} answered JSON that is not a Peplink answer (a ${Array.isArray(json) ? 'list' : typeof json} instead of {"stat": …}).`, { endpoint, excerpt: text.slice(0, 200) })
  }
  const o = json as Record<string, unknown>
  if (o.stat === 'ok') return { stat: 'ok', response: o.response, notice: o.notice }
  if (o.stat === 'fail') {
    const code = typeof o.code === 'number' ? o.code : typeof o.code === 'string' && /^\d+$/.test(o.code) ? Number(o.code) : undefined
    return { stat: 'fail', code, message: typeof o.message === 'string' ? o.message : undefined }
  }
  throw new ProtocolError(`${endpoint} answered JSON without the router API's "stat" field; this is not a Peplink router's API.`, { endpoint, excerpt: text.slice(0, 200) })
}

function describe(res: HttpResponse): string {
  const t = res.body.trimStart().slice(0, 64).toLowerCase()
  if (t.startsWith('<!doctype html') || t.startsWith('<html') || res.contentType.includes('html')) return 'an HTML page came back'
  if (res.body.length === 0) return `an empty reply with HTTP ${res.status}`
  if (t.startsWith('{') || t.startsWith('[')) return 'the JSON was cut short or damaged'
  return `HTTP ${res.status}, ${res.contentType || 'no content type'}`
}
