/**
 * One target: a TCP connect under a short timeout; if something accepts, a TLS handshake that
 * accepts any certificate (recording it), then `GET /api/info.firmware` on that same socket, so
 * the certificate reported is the one the answering server presented. Anything that is not a
 * Peplink answer, in time, is simply "not found" (null). The one rejection is running out of
 * file descriptors, which says nothing about the target, so the sweep tries it again.
 */
import net from 'node:net'
import tls from 'node:tls'
import { parseResponse } from './http-response'
import { identifyRouter } from './identify'
import type { ConnectTiming } from './rtt'
import type { FoundRouter, Target } from './types'

export interface ProbeOptions {
  scheme: 'https' | 'http'
  /** The connect wait; with `timing`, its wait in force (which may change while connecting) instead. */
  connectTimeoutMs: number
  /** Learns round trips from this probe's connect and sets its wait (see rtt.ts). */
  timing?: ConnectTiming
  /** Set when the address stayed silent: how long the connect was waited on. */
  outcome?: { silentAfterMs?: number }
  /** TLS handshake plus the whole answer, counted from the moment the connect succeeds. */
  answerTimeoutMs: number
  signal?: AbortSignal
}

/** A router's answer fits in a few hundred bytes; a server sending more is not one. */
export const MAX_ANSWER_BYTES = 64 * 1024

/** Probes one target and resolves with the router found there, or null; rejects only on EMFILE/ENFILE. */
export function probeTarget(target: Target, opts: ProbeOptions): Promise<FoundRouter | null> {
  if (opts.signal?.aborted) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const raw = net.connect({ host: target.host, port: target.port, noDelay: true })
    let secure: tls.TLSSocket | undefined
    let settled = false
    const wait = () => opts.timing?.timeoutMs ?? opts.connectTimeoutMs
    // A wait that runs out is judged after the poll phase (setImmediate): when the event loop
    // was busy (a thousand sockets opening at once), an answer that already arrived is read
    // first instead of being counted as silence. The time waited is at least the wait the timer
    // was set for: Node arms timers from the loop's cached millisecond clock, which a busy loop
    // lets fall behind, so a 1,000 ms timer can fire when performance.now() has counted 998 ms.
    const silent = () => setImmediate(() => {
      if (settled || !raw.connecting) return
      if (opts.outcome) opts.outcome.silentAfterMs = Math.max(performance.now() - started, wait())
      finish(null)
    })
    let timer = setTimeout(silent, wait())
    // The wait learnt from other addresses' answers shortens (or lengthens) this one's too.
    let unfollow = opts.timing?.onChange(() => {
      clearTimeout(timer)
      timer = setTimeout(silent, Math.max(0, started + wait() - performance.now()))
    })
    const onAbort = () => finish(null)
    opts.signal?.addEventListener('abort', onAbort, { once: true })

    /** The connect got an answer (accepted or refused): a round trip, for the others' wait. */
    function answered(): void {
      unfollow?.()
      unfollow = undefined
      opts.timing?.observe(performance.now() - started)
    }

    function finish(found: FoundRouter | null, outOfSockets?: Error): void {
      if (settled) return
      settled = true
      unfollow?.()
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      secure?.destroy()
      raw.destroy()
      if (outOfSockets) reject(outOfSockets)
      else resolve(found)
    }

    // `on`, not `once`: a second error after the first must not go unhandled.
    raw.on('error', (err: NodeJS.ErrnoException) => {
      // A reset is an answer: the address is there and the round trip is real.
      if (err.code === 'ECONNREFUSED' && unfollow) answered()
      finish(null, err.code === 'EMFILE' || err.code === 'ENFILE' ? err : undefined)
    })
    raw.once('connect', () => {
      answered()
      clearTimeout(timer)
      timer = setTimeout(() => setImmediate(() => finish(null)), opts.answerTimeoutMs)
      if (opts.scheme === 'http') {
        raw.once('close', () => finish(null))
        return ask(raw, undefined)
      }
      // `host` is an IP, so no SNI is sent: a router's names never match its address anyway.
      secure = tls.connect({ socket: raw, host: target.host, rejectUnauthorized: false })
      secure.on('error', () => finish(null))
      // Closed before an answer was read (a reset, or TLS refused without an alert).
      secure.once('close', () => finish(null))
      secure.once('secureConnect', () => ask(secure!, secure!.getPeerCertificate()))
    })

    function ask(socket: net.Socket, cert: tls.PeerCertificate | undefined): void {
      const chunks: Buffer[] = []
      let size = 0
      const decide = (ended: boolean) => {
        const parsed = parseResponse(Buffer.concat(chunks), ended)
        if (parsed.state === 'incomplete') return
        if (parsed.state === 'invalid') return finish(null)
        const { status, headers, body } = parsed.response
        const id = identifyRouter({ status, contentType: headers['content-type'] ?? '', body, setCookies: [] })
        if (!id) return finish(null)
        finish({
          host: target.host,
          port: target.port,
          scheme: opts.scheme,
          ...(id.firmware !== undefined && { firmware: id.firmware }),
          ...certificateFields(cert),
          elapsedMs: Math.round(performance.now() - started),
        })
      }
      socket.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_ANSWER_BYTES) return finish(null)
        chunks.push(chunk)
        decide(false)
      })
      socket.once('end', () => decide(true))
      socket.write(request(target))
    }
  })
}

function request(t: Target): string {
  return (
    'GET /api/info.firmware HTTP/1.1\r\n' +
    `Host: ${t.host}:${t.port}\r\n` +
    'Accept: application/json\r\n' +
    'User-Agent: Uplink-discovery\r\n' +
    'Connection: close\r\n\r\n'
  )
}

function certificateFields(cert: tls.PeerCertificate | undefined): Partial<FoundRouter> {
  // getPeerCertificate() returns {} when the server sent none.
  if (!cert?.fingerprint256) return {}
  return {
    fingerprint256: cert.fingerprint256,
    subject: nameText(cert.subject),
    issuer: nameText(cert.issuer),
    validTo: cert.valid_to,
  }
}

/** Same rendering as the pinned transport uses ("CN=…, O=…"), so the two can be compared. */
function nameText(name: tls.Certificate | undefined): string {
  if (!name) return ''
  return Object.entries(name).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join(', ')
}
