/**
 * HTTP request -> API dispatch -> bytes on the wire, with the active faults applied
 * (latency, silence, broken response modes).
 */
import type http from 'node:http'
import { dispatch, type DispatchDeps } from './dispatch'
import { garbage, htmlPage, huge, truncated, wrongTypes, type RawBody } from './fault-bodies'
import { toJsonText } from './json'
import type { RouterServer } from './server'
import type { ResponseMode } from './types'

export interface FaultState {
  latencyMs: number
  mode: ResponseMode
  failures: Map<string, { code?: number; message?: string }[]>
}

const MAX_BODY = 1024 * 1024

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY) chunks.push(c)
    })
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => resolve(null))
  })
}

function jsonBody(value: unknown): RawBody {
  return { contentType: 'application/json', body: Buffer.from(toJsonText(value)) }
}

/** Build the request handler for the HTTP(S) layer. */
export function createHttpHandler(server: () => RouterServer, deps: DispatchDeps, faults: FaultState, https: boolean) {
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (server().isSilent()) {
      server().hold(req.socket)
      return
    }
    const raw = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://router')
    let out: RawBody
    const headers: Record<string, string> = {}
    if (!url.pathname.startsWith('/api/') || faults.mode === 'html') {
      out = htmlPage()
    } else if (faults.mode === 'garbage') {
      out = garbage()
    } else if (faults.mode === 'huge') {
      out = huge()
    } else if (raw === null) {
      out = jsonBody({ stat: 'fail', code: 400, message: 'Request body too large' })
    } else {
      const answer = dispatch(deps, {
        method: req.method ?? 'GET',
        endpoint: url.pathname.slice('/api/'.length),
        query: url.searchParams,
        rawBody: raw,
        cookieHeader: req.headers.cookie,
        https,
      })
      if (answer.setCookie) headers['Set-Cookie'] = answer.setCookie
      const text = toJsonText(answer.envelope)
      if (faults.mode === 'truncated') out = truncated(text)
      else if (faults.mode === 'wrong-types') out = wrongTypes(answer.envelope)
      else out = { contentType: 'application/json', body: Buffer.from(text) }
    }
    if (faults.latencyMs > 0) await server().sleep(faults.latencyMs)
    if (server().isSilent() || res.destroyed) {
      server().hold(req.socket)
      return
    }
    res.writeHead(200, { ...headers, 'Content-Type': out.contentType, 'Content-Length': String(out.body.length), 'Cache-Control': 'no-cache' })
    res.end(out.body)
  }
  // Node ignores the handler's promise; never let a rejection escape as unhandled.
  return (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch(() => res.destroy())
  }
}
