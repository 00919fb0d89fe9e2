/**
 * One authenticated client per connected device, shared by every call, closed on
 * disconnect and on quit. Connecting walks the trust steps a technician needs: no pin ->
 * show the certificate; changed certificate -> stop and show both; no secret -> ask.
 */
import { RouterClient, type ClientOptions } from '../peplink/client'
import { CancelledError, CertificateError } from '../peplink/errors'
import { normalizeFingerprint, probeCertificate, type PresentedCertificate } from '../peplink/transport'
import { AppError } from '../app-error'
import { endpointOf, type DeviceRegistry, type SavedDevice } from './registry'
import type { SecretKind, Vault } from './vault'

/** The certificate a router presents, for the technician to approve before it is pinned. */
export type CertificateView = PresentedCertificate

export interface PermissionView {
  read: boolean
  write: boolean
  admin: boolean
  via: 'login' | 'token'
  scope?: string
}

export interface SessionView {
  deviceId: string
  firmware?: string
  model?: string
  permission: PermissionView
  readOnly: boolean
  connectedAt: string
  /** Set while the router is not answering (what failed); the session is kept and re-checked. */
  notAnswering?: string
}

export type ConnectOutcome =
  | { status: 'connected'; session: SessionView; notice?: string }
  /** No certificate pinned yet: show it and ask the technician to trust it. */
  | { status: 'trust-required'; certificate: CertificateView }
  /** The pinned certificate changed: full stop, show both. */
  | { status: 'certificate-changed'; expected: string; presented: CertificateView }
  /** No stored secret: ask for the password or client secret. */
  /** `reason`: why a stored secret was not used (the device's address changed since it was saved). */
  | { status: 'secret-required'; reason?: string }

export interface Session {
  device: SavedDevice
  client: RouterClient
  view: SessionView
  /**
   * While the router is not answering: the next check that it is back. A check that finds
   * another timer here (or none) has been replaced, and stops.
   */
  retry?: NodeJS.Timeout
}

/**
 * A session's change: connected (or answering again), reconnecting (the router stopped
 * answering; Uplink keeps checking), closed by the technician, or lost (with the reason).
 */
export type SessionListener = (deviceId: string, state: 'connected' | 'reconnecting' | 'closed' | 'lost', message?: string) => void

/** A session's change as every window or tab hears it (the `session:state` event the services broadcast). */
export type SessionStateEvent = { deviceId: string; state: 'connected' | 'reconnecting' | 'lost' | 'closed'; message?: string }

export interface SessionManagerOptions {
  /** Test seam: build the client (defaults to a real RouterClient). */
  createClient?: (opts: ClientOptions) => RouterClient
  probe?: typeof probeCertificate
  /** How often a router that stopped answering is checked again (default 5 s). */
  retryMs?: number
}

const RETRY_MS = 5000

/** Keeps the live sessions and performs connect / disconnect. */
export class SessionManager {
  private readonly sessions = new Map<string, Session>()
  private readonly createClient: (opts: ClientOptions) => RouterClient
  private readonly probe: typeof probeCertificate
  private readonly listeners = new Set<SessionListener>()
  private readonly connectedListeners = new Set<(session: Session) => void>()
  private readonly retryMs: number
  /** Connects in flight, one per device: a second waits for the first (double click, two tabs). */
  private readonly connecting = new Map<string, Promise<unknown>>()
  /** Bumped by disconnect(): a connect that started before it does not store its session. */
  private readonly epochs = new Map<string, number>()

  constructor(private readonly registry: DeviceRegistry, private readonly vault: Vault, opts: SessionManagerOptions = {}) {
    this.createClient = opts.createClient ?? ((o) => new RouterClient(o))
    this.probe = opts.probe ?? probeCertificate
    this.retryMs = opts.retryMs ?? RETRY_MS
  }

  /** Subscribes to connect/close changes (the bindings turn them into events). */
  onChange(listener: SessionListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Subscribes to new sessions (a visit starts when the technician connects). */
  onConnected(listener: (session: Session) => void): () => void {
    this.connectedListeners.add(listener)
    return () => this.connectedListeners.delete(listener)
  }

  /** The live session of a device, or a not-found error a technician understands. */
  get(deviceId: string): Session {
    const s = this.sessions.get(deviceId)
    if (!s) throw new AppError('not-found', 'This router is not connected. Connect to it first.')
    return s
  }

  /** The live session, or undefined. */
  find(deviceId: string): Session | undefined {
    return this.sessions.get(deviceId)
  }

  list(): SessionView[] {
    return [...this.sessions.values()].map((s) => s.view)
  }

  /** Connects (or reuses the live session), walking certificate trust and secrets. */
  async connect(deviceId: string, opts: { secret?: string; remember?: boolean; signal?: AbortSignal } = {}): Promise<ConnectOutcome> {
    const epoch = this.epochs.get(deviceId) ?? 0
    const before = this.connecting.get(deviceId)
    const run = (before ?? Promise.resolve()).catch(() => undefined).then(() => this.connectNow(deviceId, epoch, opts))
    this.connecting.set(deviceId, run)
    try {
      return await run
    } finally {
      if (this.connecting.get(deviceId) === run) this.connecting.delete(deviceId)
    }
  }

  private async connectNow(deviceId: string, epoch: number, opts: { secret?: string; remember?: boolean; signal?: AbortSignal }): Promise<ConnectOutcome> {
    const live = this.sessions.get(deviceId)
    if (live && !opts.secret) return { status: 'connected', session: live.view }
    const device = this.registry.get(deviceId)
    if (!device) throw new AppError('not-found', 'That saved device no longer exists. Refresh the device list.')
    if (device.scheme === 'https' && !device.pin) return { status: 'trust-required', certificate: await this.presented(device, opts.signal) }
    const kind: SecretKind = device.authMethod === 'admin' ? 'password' : 'clientSecret'
    const endpoint = endpointOf(device)
    // A stored secret belongs to the address it was saved for: a device re-pointed elsewhere
    // (or down to plain HTTP) gets nothing until the technician types it for the new address.
    const moved = device.secretEndpoint !== undefined && device.secretEndpoint !== endpoint
    const secret = opts.secret ?? (moved ? undefined : await this.vault.get(deviceId, kind))
    if (secret === undefined) {
      const what = device.authMethod === 'admin' ? 'password' : 'client secret'
      return moved
        ? { status: 'secret-required', reason: `This router's address changed from ${device.secretEndpoint} to ${endpoint} since its ${what} was saved. Uplink does not send a saved ${what} to a new address: type it again if ${endpoint} is the same router.` }
        : { status: 'secret-required' }
    }
    const client = this.createClient({
      // A certificate that changes mid-session is a full stop: the session ends, nothing more
      // is sent, and the technician must look at the new certificate before reconnecting.
      onCertificateError: (err) => void this.lose(deviceId, client, err.message),
      onReachability: (reachable, err) => this.reachability(deviceId, client, reachable, err?.message),
      host: device.host,
      port: device.port,
      scheme: device.scheme,
      pin: device.pin,
      credentials:
        device.authMethod === 'admin'
          ? { kind: 'admin', username: device.username ?? 'admin', password: secret }
          : { kind: 'client', clientId: device.clientId ?? '', clientSecret: secret },
    })
    try {
      await client.open({ signal: opts.signal })
    } catch (err) {
      await client.close().catch(() => undefined)
      if (err instanceof CertificateError && err.presented && device.pin) {
        return { status: 'certificate-changed', expected: device.pin, presented: await this.presented(device, opts.signal) }
      }
      throw err
    }
    let notice: string | undefined
    let session: Session
    try {
      // The secret stored for the old address belongs there: once the technician has typed one
      // for this address, the old one is dropped rather than left to be sent here later.
      if (moved && opts.secret !== undefined) await this.vault.removeAll(deviceId)
      if (opts.secret !== undefined && opts.remember) {
        if ((await this.vault.setPreferKeychain(deviceId, kind, opts.secret)) === 'session')
          notice = 'The secret is kept for this session only: the OS keychain is not available or refused it.'
      } else if (opts.secret !== undefined) await this.vault.set(deviceId, kind, opts.secret, { sessionOnly: true })
      const updated = await this.registry.update(deviceId, {
        lastFirmware: client.firmware, lastConnectedAt: new Date().toISOString(),
        // A secret the technician typed now belongs to this address.
        ...(opts.secret !== undefined ? { secretEndpoint: endpoint } : {}),
      })
      if (device.scheme === 'http') {
        const plain = `The ${device.authMethod === 'admin' ? 'password' : 'client secret'} went to the router over plain HTTP: anyone on this network could read it. Use HTTPS if the router allows it.`
        notice = notice ? `${notice} ${plain}` : plain
      }
      // Disconnected (or forgotten) while logging in: this session must not appear afterwards.
      if ((this.epochs.get(deviceId) ?? 0) !== epoch) throw new CancelledError()
      const p = client.permission!
      const view: SessionView = {
        deviceId,
        firmware: client.firmware,
        model: updated.lastModel,
        permission: { ...p },
        readOnly: !p.write,
        connectedAt: new Date().toISOString(),
      }
      session = { device: updated, client, view }
    } catch (err) {
      await client.close().catch(() => undefined)
      throw err
    }
    // The new session is in place before the old one closes, so nothing is ever left half-open.
    const old = this.sessions.get(deviceId)
    this.sessions.set(deviceId, session)
    if (old) this.stopRetry(old)
    await old?.client.close().catch(() => undefined)
    for (const l of this.listeners) l(deviceId, 'connected')
    for (const l of this.connectedListeners) l(session)
    return notice ? { status: 'connected', session: session.view, notice } : { status: 'connected', session: session.view }
  }

  /** Pins a certificate the technician approved after seeing it. */
  async trust(deviceId: string, fingerprint256: string): Promise<SavedDevice> {
    const device = this.registry.get(deviceId)
    if (!device) throw new AppError('not-found', 'That saved device no longer exists.')
    const pin = normalizeFingerprint(fingerprint256)
    const cert = await this.presented(device)
    // Only what the router presents right now may be pinned, so a stale dialog cannot pin a wrong one.
    if (cert.fingerprint256 !== pin)
      throw new AppError('certificate', `The router now presents ${cert.fingerprint256}, not the certificate you approved. Check again before trusting it.`)
    await this.disconnect(deviceId)
    return this.registry.update(deviceId, { pin, certSubject: cert.subject })
  }

  /**
   * The router stopped answering (power cut, reboot, cable) or answers again. While it is
   * silent every window says so, and a light check (`info.firmware`, no login needed) runs
   * every few seconds so the session comes back on its own even when no view is polling;
   * the next call logs in again if the router forgot the session.
   */
  private reachability(deviceId: string, client: RouterClient, reachable: boolean, message?: string): void {
    const s = this.sessions.get(deviceId)
    if (s?.client !== client) return // still connecting: connect() reports the failure itself
    this.stopRetry(s)
    if (reachable) {
      delete s.view.notAnswering
      for (const l of this.listeners) l(deviceId, 'connected')
      return
    }
    s.view.notAnswering = message ?? 'The router stopped answering.'
    for (const l of this.listeners) l(deviceId, 'reconnecting', message)
    // One loop at a time: each check runs on only while its own timer is the session's.
    const check = () => {
      const timer = setTimeout(() => {
        const current = () => this.sessions.get(deviceId) === s && s.retry === timer
        if (!current()) return
        // Success ends the loop through reachability(true); another failure schedules the next check.
        void s.client.detectFirmware({ timeoutMs: Math.min(this.retryMs, 4000) }).then(
          () => undefined,
          () => { if (current()) check() },
        )
      }, this.retryMs)
      timer.unref?.()
      s.retry = timer
    }
    check()
  }

  private stopRetry(s: Session): void {
    clearTimeout(s.retry)
    s.retry = undefined
  }

  /** Ends a session the router broke (its certificate changed), telling every window why. */
  private async lose(deviceId: string, client: RouterClient, message: string): Promise<void> {
    const s = this.sessions.get(deviceId)
    if (s?.client !== client) {
      await client.close({ logout: false }).catch(() => undefined)
      return
    }
    this.stopRetry(s)
    this.sessions.delete(deviceId)
    // Tell the windows at once; closing (which skips the logout a changed router must not get)
    // can finish afterwards.
    for (const l of this.listeners) l(deviceId, 'lost', message)
    await s.client.close({ logout: false }).catch(() => undefined)
  }

  /** Closes one session (logs out). */
  async disconnect(deviceId: string): Promise<boolean> {
    this.epochs.set(deviceId, (this.epochs.get(deviceId) ?? 0) + 1)
    const s = this.sessions.get(deviceId)
    if (!s) return false
    this.stopRetry(s)
    this.sessions.delete(deviceId)
    await s.client.close()
    for (const l of this.listeners) l(deviceId, 'closed')
    return true
  }

  /** Closes every session (on quit). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.disconnect(id)))
  }

  /** The certificate a device presents now. */
  async presented(device: SavedDevice, signal?: AbortSignal): Promise<CertificateView> {
    return this.probe(device.host, device.port, { signal })
  }
}
