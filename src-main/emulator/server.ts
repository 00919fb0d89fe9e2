/**
 * The network side of the emulated router. A plain TCP listener accepts every
 * connection and hands it to the HTTP(S) layer, which lets the emulator also hold a
 * connection without sending a byte ("reboot"), stop listening, swap certificates
 * and destroy every socket on close.
 */
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import type { TlsMaterial } from './certs'

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void

/** TCP listener + HTTP(S) layer with socket tracking and the network-level faults. */
export class RouterServer {
  private readonly listener: net.Server
  private readonly inner: http.Server | https.Server
  private readonly sockets = new Set<net.Socket>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private held = new Set<net.Socket>()
  private silent = false
  private closed = false
  port = 0

  constructor(
    readonly host: string,
    private readonly wantedPort: number,
    tls: TlsMaterial | null,
    handler: RequestHandler,
  ) {
    this.inner = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : http.createServer(handler)
    // Clients keep one connection open between polls.
    this.inner.keepAliveTimeout = 15_000
    this.listener = net.createServer((socket) => this.accept(socket))
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    socket.on('error', () => socket.destroy())
    if (this.silent || this.closed) {
      // Accepted by the kernel, never answered: no TLS handshake, no bytes.
      this.held.add(socket)
      return
    }
    this.inner.emit('connection', socket)
  }

  /** Start listening; resolves once the port is known. */
  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.listener.once('error', reject)
      this.listener.listen(this.port || this.wantedPort, this.host, () => {
        this.listener.off('error', reject)
        const addr = this.listener.address()
        if (addr && typeof addr === 'object') this.port = addr.port
        resolve()
      })
    })
  }

  /** Run fn after ms unless the server is closed first. */
  later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t)
      if (!this.closed) fn()
    }, ms)
    this.timers.add(t)
  }

  /** A promise that resolves after ms (never, if the server closes first). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.later(ms, resolve))
  }

  isSilent(): boolean {
    return this.silent
  }

  /** Keep this connection open and unanswered until the silence ends. */
  hold(socket: net.Socket): void {
    this.held.add(socket)
  }

  /** Go quiet for ms: current and new connections get nothing, then are dropped. */
  silence(ms: number): void {
    this.silent = true
    for (const s of this.sockets) this.held.add(s)
    this.later(ms, () => this.wake())
  }

  /** End a silence now: drop the held connections and answer again. */
  wake(): void {
    if (!this.silent) return
    for (const s of this.held) s.destroy()
    this.held = new Set()
    this.silent = false
  }

  /** Destroy every open connection (keep-alive ones included). */
  destroySockets(): void {
    for (const s of this.sockets) s.destroy()
    this.held = new Set()
  }

  /** Stop listening for ms (connections refused), then listen again on the same port. */
  async refuse(ms: number): Promise<void> {
    this.destroySockets()
    await new Promise<void>((resolve) => this.listener.close(() => resolve()))
    this.later(ms, () => this.resume())
  }

  /** Listen again after refuse() (no-op when already listening). */
  resume(): void {
    if (!this.listener.listening && !this.closed) this.listen().catch(() => undefined)
  }

  /** Serve a new certificate to new TLS handshakes. */
  setCertificate(tls: TlsMaterial): void {
    if (this.inner instanceof https.Server) this.inner.setSecureContext({ key: tls.key, cert: tls.cert })
  }

  /** Close the listener, every socket and every timer. */
  async close(): Promise<void> {
    this.closed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    this.destroySockets()
    if (this.listener.listening) await new Promise<void>((resolve) => this.listener.close(() => resolve()))
  }
}
