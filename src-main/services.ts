/**
 * The composition root: every service main offers, built once from the user-data folder and
 * a keychain. The Electron shell, the browser host and the CLI all start here, so they share
 * one set of behaviours.
 */
import { join } from 'node:path'
import { DeviceRegistry } from './devices/registry'
import { SessionManager, type SessionManagerOptions, type SessionStateEvent } from './devices/sessions'
import { openKeychain, Vault, type SecretStore, type VaultStatus } from './devices/vault'
import { DemoRouter } from './devices/demo'
import { SignalWatches } from './workflows/signal-watch'
import { Sweeps } from './discovery/sweeps'
import { Ops, type ActionRecorder } from './workflows/ops'
import { stripSecrets } from './diagnosis/visit'
import { VisitStore } from './diagnosis/visit-store'
import { Visits } from './diagnosis/visits'
import { Surveys } from './survey/surveys'
import { chromiumPrinter, type PdfPrinter } from './diagnosis/report-pdf'
import type { SentSms, UssdResult } from './workflows/messaging'

/** What the app remembers for this run only: USSD answers and SMS it sent (routers keep no outbox). */
export class SessionMemory {
  private readonly ussdByDevice = new Map<string, UssdResult[]>()
  private readonly smsByWan = new Map<string, SentSms[]>()
  private readonly pendingByDevice = new Map<string, string[]>()
  private readonly tokensByDevice = new Map<string, ReadonlyMap<string, string>>()
  /** USSD history of a device, oldest first (mutable). */
  ussd(deviceId: string): UssdResult[] {
    if (!this.ussdByDevice.has(deviceId)) this.ussdByDevice.set(deviceId, [])
    return this.ussdByDevice.get(deviceId)!
  }
  /** What this app staged on a device and has not applied (mutable). */
  pending(deviceId: string): string[] {
    if (!this.pendingByDevice.has(deviceId)) this.pendingByDevice.set(deviceId, [])
    return this.pendingByDevice.get(deviceId)!
  }
  /** Token ref -> full token from the last listing (kept in main; the renderer sees refs). */
  tokenRefs(deviceId: string, set?: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
    if (set) this.tokensByDevice.set(deviceId, set)
    return this.tokensByDevice.get(deviceId) ?? new Map()
  }
  /** SMS sent from a device's WAN, oldest first (mutable). */
  sms(deviceId: string, connId: number): SentSms[] {
    const k = `${deviceId}:${connId}`
    if (!this.smsByWan.has(k)) this.smsByWan.set(k, [])
    return this.smsByWan.get(k)!
  }
}

/** Delivers one event to every connected window or browser tab (session state is the only one). */
export type Broadcast = (event: 'session:state', payload: SessionStateEvent) => void

export interface ServicesOptions {
  userDataDir: string
  host: 'electron' | 'browser'
  version: string
  /** Pre-opened keychain (tests inject one); by default keytar is tried. */
  keychain?: { store?: SecretStore; status: VaultStatus }
  /** Test seam: how clients are built (for example with short timeouts, or a counting transport). */
  createClient?: SessionManagerOptions['createClient']
  /** How often workflows poll the router while waiting (default: each workflow's own). */
  pollMs?: number
  /** How often a router that stopped answering is checked again (default 5 s; tests shorten it). */
  sessionRetryMs?: number
  /** Prints report PDFs: Electron's printToPDF in the app; headless Chromium by default. */
  pdfPrinter?: PdfPrinter | null
}

export interface Services {
  readonly host: 'electron' | 'browser'
  readonly version: string
  readonly registry: DeviceRegistry
  readonly vault: Vault
  readonly sessions: SessionManager
  readonly demo: DemoRouter
  readonly watches: SignalWatches
  readonly sweeps: Sweeps
  readonly ops: Ops
  readonly actionLog: ActionRecorder
  readonly memory: SessionMemory
  readonly visits: Visits
  readonly surveys: Surveys
  /** Events for every window or tab (session state); the bindings deliver them. */
  onBroadcast(listener: Broadcast): () => void
  /** A notice to show once (for example: the device list was unreadable and kept aside). */
  readonly notice?: string
  close(): Promise<void>
}

/** Builds the services; loads the saved devices and opens the keychain. */
export async function createServices(opts: ServicesOptions): Promise<Services> {
  const registry = new DeviceRegistry(opts.userDataDir)
  const report = await registry.load()
  const keychain = opts.keychain ?? (await openKeychain())
  const vault = new Vault(keychain.store, keychain.status)
  const sessions = new SessionManager(registry, vault, { createClient: opts.createClient, retryMs: opts.sessionRetryMs })
  const watches = new SignalWatches()
  const demo = new DemoRouter(join(opts.userDataDir, 'demo-router'), registry, vault)
  const sweeps = new Sweeps()
  const surveys = new Surveys(opts.userDataDir)
  const visits = new Visits(new VisitStore(opts.userDataDir), vault, opts.pdfPrinter === undefined ? chromiumPrinter() : opts.pdfPrinter)
  // The action log is the open visit's: every write lands in the site report.
  const actionLog: ActionRecorder = visits.asActionRecorder()
  const ops = new Ops(actionLog, stripSecrets, opts.pollMs)
  const broadcasts = new Set<Broadcast>()
  sessions.onChange((deviceId, state, message) => {
    // A silent router keeps its watches: they report the gap and carry on when it answers.
    if (state === 'closed' || state === 'lost') {
      watches.stopWhere((w) => w.deviceId === deviceId)
      // A survey ends cleanly with the session (a short silence is only a gap in it).
      void surveys.stop(deviceId).catch(() => undefined)
    }
    for (const b of broadcasts) b('session:state', message ? { deviceId, state, message } : { deviceId, state })
  })
  // A visit starts (or resumes after a crash) when the technician connects. Taking its first
  // snapshot must not hold up the connection, and a failure here must not break it.
  sessions.onConnected((session) => void visits.begin(session.device, session.client).catch(() => undefined))
  return {
    host: opts.host,
    version: opts.version,
    registry,
    vault,
    sessions,
    demo,
    watches,
    sweeps,
    ops,
    actionLog,
    memory: new SessionMemory(),
    visits,
    surveys,
    onBroadcast(listener) {
      broadcasts.add(listener)
      return () => broadcasts.delete(listener)
    },
    notice: report.movedAside?.reason,
    async close() {
      watches.stopWhere(() => true)
      await surveys.stopAll()
      sweeps.cancelAll()
      await sessions.closeAll()
      await demo.stop()
    },
  }
}
