/**
 * Minimal stand-ins for what a sweep meets on a LAN: a Peplink answering info.firmware, other
 * HTTPS servers, and a host that accepts a connection and then says nothing. Loopback only.
 * (The emulated router replaces the fake Peplink once it exists.)
 */
import { X509Certificate } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import { spawn } from 'node:child_process'
import net from 'node:net'
import { generate } from 'selfsigned'

export const FIRMWARE_ANSWER = { stat: 'ok', response: { '1': { version: '8.1.1 build 5121', inUse: true, bootable: true }, order: [1] } }

export interface FakeServer {
  host: string
  port: number
  /** SHA-256 of the server's certificate in Node's format (HTTPS servers only). */
  fingerprint256?: string
  /** Connections accepted so far, and those still open. */
  accepted: number
  open: number
  close(): Promise<void>
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

/** A JSON or HTML answer to every request. `chunked` sends it in two pieces without a length. */
export function answer(body: unknown, opts: { contentType?: string; chunked?: boolean; status?: number } = {}): Handler {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return (_req, res) => {
    res.writeHead(opts.status ?? 200, { 'Content-Type': opts.contentType ?? 'application/json' })
    if (!opts.chunked) return void res.end(text)
    res.write(text.slice(0, 10))
    setImmediate(() => res.end(text.slice(10)))
  }
}

/** A self-signed certificate like a router's: names that match no address. */
export async function certificate(): Promise<{ key: string; cert: string; fingerprint256: string }> {
  const pems = await generate([{ name: 'commonName', value: 'fake-router.invalid' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' })
  return { key: pems.private, cert: pems.cert, fingerprint256: new X509Certificate(pems.cert).fingerprint256 }
}

/** An HTTPS server on host:port answering with `handler`. */
export async function startHttps(host: string, port: number, handler: Handler): Promise<FakeServer> {
  const tlsMaterial = await certificate()
  const server = https.createServer({ key: tlsMaterial.key, cert: tlsMaterial.cert }, handler)
  return track(server, host, port, tlsMaterial.fingerprint256)
}

/** A plain-HTTP server on host:port answering with `handler`. */
export function startHttp(host: string, port: number, handler: Handler): Promise<FakeServer> {
  return track(http.createServer(handler), host, port)
}

/** Open connections across several servers. */
export interface Tally {
  open: number
}

/** Accepts connections and never sends a byte: a hung web admin. */
export function startSilent(host: string, port: number, tally?: Tally): Promise<FakeServer> {
  // resume(): read and drop, so the server notices when the client goes away.
  return track(net.createServer((s) => s.resume()), host, port, undefined, tally)
}

async function track(server: net.Server, host: string, port: number, fingerprint256?: string, tally?: Tally): Promise<FakeServer> {
  const sockets = new Set<net.Socket>()
  const fake: FakeServer = {
    host,
    port,
    fingerprint256,
    accepted: 0,
    open: 0,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
  server.on('connection', (s: net.Socket) => {
    sockets.add(s)
    fake.accepted++
    fake.open++
    if (tally) tally.open++
    s.on('close', () => {
      sockets.delete(s)
      fake.open--
      if (tally) tally.open--
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  return fake
}

/** Resolves once `check` is true, polling; rejects after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

/**
 * Addresses that drop SYNs, as a powered-off host on a LAN does, without iptables: a child
 * process listens on each with a one-place accept queue, blocks its event loop so it never
 * accepts, and the queues are filled; from then on the kernel drops every new SYN there.
 */
export async function startDropping(hosts: string[], port: number): Promise<{ close(): void }> {
  const script = `
    const net = require('node:net')
    const hosts = ${JSON.stringify(hosts)}
    let n = 0
    for (const h of hosts) net.createServer().listen({ host: h, port: ${port}, backlog: 1 }, () => {
      if (++n === hosts.length) process.stdout.write('ready\\n', () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0))
    })`
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`the dropping listener exited (${code})`)))
  })
  // Fill each accept queue (the kernel completes these handshakes itself); later SYNs are dropped.
  const fillers: net.Socket[] = []
  await Promise.all(hosts.flatMap((h) => [0, 1].map(() => new Promise<void>((resolve) => {
    const s = net.connect(port, h).on('error', () => resolve())
    s.once('connect', () => resolve())
    fillers.push(s)
  }))))
  return {
    close() {
      for (const s of fillers) s.destroy()
      child.kill('SIGKILL')
    },
  }
}

/**
 * A port no one on this machine is listening on now (the kernel picks it), so two test runs at
 * once (npm test twice in parallel) never fight over a fixed port.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}
