/**
 * Just enough HTTP/1.1 to read one answer off a socket discovery opened itself: status line,
 * headers, and a body framed by Content-Length, chunked encoding, or the peer closing. The probe
 * reuses its own TLS socket (so the certificate it recorded is the one that answered), which is
 * why this is not undici.
 */

export interface RawResponse {
  status: number
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>
  body: string
}

export type ParseResult = { state: 'incomplete' } | { state: 'invalid' } | { state: 'complete'; response: RawResponse }

const INCOMPLETE: ParseResult = { state: 'incomplete' }
const INVALID: ParseResult = { state: 'invalid' }

/** Parses the bytes received so far; `ended` says the peer has closed, so nothing more will come. */
export function parseResponse(buf: Buffer, ended: boolean): ParseResult {
  const headEnd = buf.indexOf('\r\n\r\n')
  if (headEnd < 0) return ended ? INVALID : INCOMPLETE
  const lines = buf.subarray(0, headEnd).toString('latin1').split('\r\n')
  const m = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(lines[0])
  if (!m) return INVALID
  const status = Number(m[1])
  const rest = buf.subarray(headEnd + 4)
  // An interim answer (100 Continue) precedes the real one.
  if (status >= 100 && status < 200) return parseResponse(rest, ended)

  const headers: Record<string, string> = {}
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':')
    if (colon <= 0) return INVALID
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value
  }

  let body: Buffer | null | undefined
  if (/\bchunked\b/i.test(headers['transfer-encoding'] ?? '')) {
    body = dechunk(rest)
    if (body === undefined) return INVALID
  } else if (headers['content-length'] !== undefined) {
    if (!/^\d+$/.test(headers['content-length'])) return INVALID
    const length = Number(headers['content-length'])
    body = rest.length >= length ? rest.subarray(0, length) : null
  } else {
    body = ended ? rest : null
  }
  if (body === null) return ended ? INVALID : INCOMPLETE
  return { state: 'complete', response: { status, headers, body: body.toString('utf8') } }
}

/** The decoded body, null while chunks are still missing, undefined when the framing is broken. */
function dechunk(buf: Buffer): Buffer | null | undefined {
  const parts: Buffer[] = []
  let pos = 0
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', pos)
    if (lineEnd < 0) return null
    const sizeText = buf.subarray(pos, lineEnd).toString('latin1').split(';')[0].trim()
    if (!/^[0-9a-fA-F]{1,8}$/.test(sizeText)) return undefined
    const size = parseInt(sizeText, 16)
    // Trailers after the last chunk carry nothing discovery needs.
    if (size === 0) return Buffer.concat(parts)
    const start = lineEnd + 2
    if (buf.length < start + size + 2) return null
    parts.push(buf.subarray(start, start + size))
    pos = start + size + 2
  }
}
