/** The renderer's one error type: what main reported, carried as an Error with its kind. */
import type { ErrorKind, IpcError } from '../../src-preload/contract'

/** A failure main reported (or one in the window itself), with a sentence to show. */
export class UplinkUiError extends Error {
  readonly kind: ErrorKind
  readonly field?: string
  readonly code?: string | number

  constructor(e: IpcError) {
    super(e.message)
    this.name = 'UplinkUiError'
    this.kind = e.kind
    this.field = e.field
    this.code = e.code
  }
}

/** Turns anything caught into an UplinkUiError whose message can be shown as it is. */
export function toUiError(err: unknown): UplinkUiError {
  if (err instanceof UplinkUiError) return err
  const message = err instanceof Error ? err.message : String(err)
  return new UplinkUiError({ kind: 'internal', message: `Something went wrong in the Uplink window: ${message}` })
}
