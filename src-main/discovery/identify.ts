/**
 * Decides whether an answer to `GET /api/info.firmware` came from a Peplink router.
 *
 * Counts as Peplink:
 *  - `{"stat":"ok","response":…}` whose response holds a firmware entry
 *    (`{"1":{"version":…,"inUse":true},"order":[1]}`) or at least a `version` string;
 *  - any `{"stat":"fail",…}` envelope: a router that refuses the call (older than 7.1.1, or
 *    locked down) still speaks the router API, and the technician needs to know it is there.
 * Not Peplink: HTML, JSON of another shape (`{"status":"ok"}`, lists), an ok envelope without a
 * firmware entry, and a bare HTTP 401 — any web server can send that; only the body proves it.
 */
import { parseEnvelope } from '../peplink/envelope'
import type { HttpResponse } from '../peplink/transport'

export interface Identified {
  /** The running version; absent when the router refused or did not mark one as in use. */
  firmware?: string
}

/** The router's identity from its info.firmware answer, or null when it is not a Peplink router. */
export function identifyRouter(res: HttpResponse): Identified | null {
  let envelope
  try {
    // parseEnvelope reads a bare 401 as a router's refusal; discovery wants the body to say so.
    envelope = parseEnvelope(res.status === 401 ? { ...res, status: 200 } : res, 'info.firmware')
  } catch {
    return null
  }
  if (envelope.stat === 'fail') return {}
  return runningFirmware(envelope.response)
}

function runningFirmware(response: unknown): Identified | null {
  if (!isObject(response)) return null
  if (typeof response.version === 'string') return { firmware: response.version }
  const entries = Object.entries(response)
    .filter(([k, v]) => k !== 'order' && isObject(v) && typeof v.version === 'string')
    .map(([, v]) => v as { version: string; inUse?: unknown })
  if (entries.length === 0) return null
  const running = entries.find((e) => e.inUse === true) ?? (entries.length === 1 ? entries[0] : undefined)
  return running ? { firmware: running.version } : {}
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}
