/**
 * Failures the app itself raises (an unknown device, keychain trouble, a refused trust step)
 * and the one conversion of any failure into the contract's IpcError. Errors cross IPC as
 * data: Electron keeps only `message` of a thrown error, so nothing relies on throwing across.
 */
import type { ErrorKind, IpcError } from '../src-preload/contract'
import { UplinkError, redact } from './peplink/errors'

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
