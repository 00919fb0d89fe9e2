/**
 * Running workflows for the UI: each has a caller-chosen opId (to match progress events and
 * to cancel), refuses to write on a read-only session before anything is sent, and records
 * its outcome in the action log whatever happens.
 */
import type { RouterClient } from '../peplink/client'
import { CancelledError, PermissionError, UplinkError } from '../peplink/errors'
import type { Session } from '../devices/sessions'
import type { Progress } from './types'

/** One write the app made, for the visit's action log and the site report. */
export interface ActionLogEntry {
  at: string
  deviceId: string
  action: string
  /** Parameters with every secret removed. */
  params: Record<string, unknown>
  outcome: 'ok' | 'failed' | 'not-verified'
  summary: string
}

/** A running workflow's progress, matched to its request by opId (the `workflow:progress` event). */
export type WorkflowProgressEvent = { opId: string; deviceId: string; workflow: string; step: string; message: string; elapsedMs?: number; data?: unknown }

export interface ActionRecorder {
  record(entry: ActionLogEntry): Promise<void>
  list(deviceId: string): Promise<ActionLogEntry[]>
}

/** Where progress goes: the caller's `workflow:progress` event. */
type Emit = (event: 'workflow:progress', payload: WorkflowProgressEvent) => void

export interface RunSpec<T> {
  session: Session
  opId?: string
  /** Workflow name for progress and the action log, e.g. "cellular.selectCarrier". */
  action: string
  /** What the log shows of the request (secrets are stripped before recording). */
  params: Record<string, unknown>
  /** Whether this changes the router (writes are refused on read-only sessions and logged). */
  write: boolean
  emit?: Emit
  run: (client: RouterClient, opts: { signal: AbortSignal; onProgress: (p: Progress) => void; pollMs?: number }) => Promise<T>
  /**
   * How the result reads in the log: `failed` when the router gave a definite no (a wrong
   * Wi-Fi key), `verified: false` when the outcome could not be confirmed.
   */
  describe?: (result: T) => { summary: string; verified?: boolean; failed?: boolean }
}

/** Keeps the cancel handles of running workflows and runs them with logging. */
export class Ops {
  private readonly running = new Map<string, AbortController>()

  constructor(
    private readonly log: ActionRecorder,
    private readonly strip: (p: Record<string, unknown>) => Record<string, unknown>,
    /** How often workflows poll the router while waiting (tests use a short one). */
    private readonly pollMs?: number,
  ) {}

  /** Cancels a running workflow by its opId. */
  cancel(opId: string): boolean {
    const a = this.running.get(opId)
    a?.abort()
    return a !== undefined
  }

  /** Runs one workflow for a session. */
  async run<T>(spec: RunSpec<T>): Promise<T> {
    const { session } = spec
    if (spec.write && session.view.readOnly) throw new PermissionError(`${spec.action} changes the router; this session is read-only. Log in with a read-write account to do it.`)
    const abort = new AbortController()
    if (spec.opId) this.running.set(spec.opId, abort)
    const deviceId = session.view.deviceId
    const onProgress = (p: Progress) => spec.opId && spec.emit?.('workflow:progress', { opId: spec.opId, deviceId, workflow: spec.action, ...p })
    const entry = (outcome: ActionLogEntry['outcome'], summary: string): ActionLogEntry => ({ at: new Date().toISOString(), deviceId, action: spec.action, params: this.strip(spec.params), outcome, summary })
    let result: T
    try {
      result = await spec.run(session.client, { signal: abort.signal, onProgress, ...(this.pollMs ? { pollMs: this.pollMs } : {}) })
    } catch (err) {
      // A request refused before sending (validation, permission) changed nothing: not an action.
      const changedNothing = err instanceof UplinkError && (err.kind === 'validation' || err.kind === 'permission' || err.kind === 'unsupported')
      if (spec.write && !changedNothing) await this.log.record(entry('failed', err instanceof CancelledError ? 'Cancelled by the technician.' : err instanceof Error ? err.message : String(err)))
      throw err
    } finally {
      if (spec.opId) this.running.delete(spec.opId)
    }
    if (spec.write) {
      const d = spec.describe?.(result) ?? { summary: 'Done.' }
      // The router has done it: a log that cannot be written must not turn that into a failure
      // (the technician would repeat an SMS or a USSD code).
      await this.log.record(entry(d.failed ? 'failed' : d.verified === false ? 'not-verified' : 'ok', d.summary)).catch(() => undefined)
    }
    return result
  }
}

/** An in-memory action log, per device (the visit store replaces it when a visit is open). */
export class MemoryActionLog implements ActionRecorder {
  private readonly entries: ActionLogEntry[] = []
  async record(entry: ActionLogEntry): Promise<void> {
    this.entries.push(entry)
  }
  async list(deviceId: string): Promise<ActionLogEntry[]> {
    return this.entries.filter((e) => e.deviceId === deviceId)
  }
}
