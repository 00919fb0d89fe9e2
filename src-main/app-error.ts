/**
 * Failures the app itself raises (an unknown device, keychain trouble, a refused trust step)
 * and the one conversion of any failure into an IpcError, the shape the contract carries.
 * Errors cross IPC as data: Electron keeps only `message` of a thrown error, so nothing relies
 * on throwing across.
 */
import { UplinkError, redact } from './peplink/errors'

export type ErrorKind =
  | 'validation' | 'certificate' | 'authentication' | 'permission' | 'unsupported'
  | 'device' | 'network' | 'protocol' | 'cancelled' | 'not-found' | 'keychain' | 'internal'

/** An error as it crosses IPC: a sentence to show, plus what code needs to branch on. */
export interface IpcError {
  kind: ErrorKind
  message: string
  code?: string | number
  field?: string
  details?: Record<string, unknown>
}

export class AppError extends Error {
  constructor(readonly kind: ErrorKind, message: string, readonly field?: string) {
    super(message)
    this.name = 'AppError'
  }
}

/** Converts anything thrown into an IpcError whose message a technician can act on. */
export function toIpcError(err: unknown): IpcError {
  if (err instanceof UplinkError) {
    const d = err.toData()
    return { kind: d.kind, message: d.message, code: d.code, field: d.field, details: d.details }
  }
  if (err instanceof AppError) return { kind: err.kind, message: err.message, field: err.field }
  const message = err instanceof Error ? err.message : String(err)
  return { kind: 'internal', message: `Something went wrong inside Uplink: ${redact(message)}. Try again; if it keeps happening, restart the app.` }
}
