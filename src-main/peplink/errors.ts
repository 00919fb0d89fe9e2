/**
 * One error family for everything that can go wrong talking to a router.
 * Every message is a sentence a technician can act on, and never contains a secret:
 * messages are built from fixed text plus values that are not secret (endpoint
 * names, field names, fingerprints, codes), and `redact()` scrubs anything the
 * router itself echoed back.
 */

export type UplinkErrorKind =
  | 'validation'
  | 'certificate'
  | 'authentication'
  | 'permission'
  | 'unsupported'
  | 'device'
  | 'network'
  | 'protocol'
  | 'cancelled'

/** Plain-data form of an error, safe to cross IPC or print as JSON. */
export interface UplinkErrorData {
  kind: UplinkErrorKind
  message: string
  code?: string | number
  field?: string
  endpoint?: string
  details?: Record<string, unknown>
}

/** Base class: `kind` tells callers which branch of the family this is. */
export class UplinkError extends Error {
  readonly kind: UplinkErrorKind
  readonly endpoint?: string
  constructor(kind: UplinkErrorKind, message: string, opts: { endpoint?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'UplinkError'
    this.kind = kind
    this.endpoint = opts.endpoint
  }
  /** The serialisable form used by the CLI's --json and the IPC contract. */
  toData(): UplinkErrorData {
    const data: UplinkErrorData = { kind: this.kind, message: this.message }
    if (this.endpoint) data.endpoint = this.endpoint
    return data
  }
}

/** A request value broke a rule of the reference; nothing was sent. */
export class ValidationError extends UplinkError {
  readonly field: string
  readonly rule: string
  constructor(field: string, rule: string, endpoint?: string) {
    super('validation', `${field}: ${rule}${endpoint ? ` (${endpoint})` : ''}. Nothing was sent to the router.`, { endpoint })
    this.name = 'ValidationError'
    this.field = field
    this.rule = rule
  }
  override toData(): UplinkErrorData {
    return { ...super.toData(), field: this.field }
  }
}

/** The router presented a certificate other than the pinned one (or none is pinned). */
export class CertificateError extends UplinkError {
  readonly expected?: string
  readonly presented?: string
  readonly subject?: string
  constructor(message: string, opts: { expected?: string; presented?: string; subject?: string; cause?: unknown } = {}) {
    super('certificate', message, { cause: opts.cause })
    this.name = 'CertificateError'
    this.expected = opts.expected
    this.presented = opts.presented
    this.subject = opts.subject
  }
  override toData(): UplinkErrorData {
    return { ...super.toData(), details: { expected: this.expected, presented: this.presented, subject: this.subject } }
  }
}

/** Login or token grant refused, or a session that could not be renewed. */
export class AuthenticationError extends UplinkError {
  readonly code?: number
  constructor(message: string, opts: { code?: number; endpoint?: string } = {}) {
    super('authentication', message, { endpoint: opts.endpoint })
    this.name = 'AuthenticationError'
    this.code = opts.code
  }
  override toData(): UplinkErrorData {
    return this.code === undefined ? super.toData() : { ...super.toData(), code: this.code }
  }
}

/** The session is read-only (or lacks admin rights) and the call needs more. */
export class PermissionError extends UplinkError {
  constructor(message: string, endpoint?: string) {
    super('permission', message, { endpoint })
    this.name = 'PermissionError'
  }
}

/** The endpoint is newer than the router's firmware, or the device/WAN lacks the feature. */
export class UnsupportedError extends UplinkError {
  readonly requiredFirmware?: string
  readonly firmware?: string
  constructor(message: string, opts: { endpoint?: string; requiredFirmware?: string; firmware?: string } = {}) {
    super('unsupported', message, { endpoint: opts.endpoint })
    this.name = 'UnsupportedError'
    this.requiredFirmware = opts.requiredFirmware
    this.firmware = opts.firmware
  }
  override toData(): UplinkErrorData {
    return { ...super.toData(), details: { requiredFirmware: this.requiredFirmware, firmware: this.firmware } }
  }
}

/** The router answered `stat: fail` for a reason of its own. */
export class DeviceError extends UplinkError {
  readonly code?: number
  readonly deviceMessage?: string
  constructor(endpoint: string, code: number | undefined, deviceMessage: string | undefined) {
    const said = deviceMessage ? `"${redact(deviceMessage)}"` : 'no reason'
    super('device', `The router refused ${endpoint}${code !== undefined ? ` (code ${code})` : ''}: ${said}.`, { endpoint })
    this.name = 'DeviceError'
    this.code = code
    this.deviceMessage = deviceMessage === undefined ? undefined : redact(deviceMessage)
  }
  override toData(): UplinkErrorData {
    return this.code === undefined ? super.toData() : { ...super.toData(), code: this.code }
  }
}

export type NetworkFailure = 'refused' | 'timeout' | 'reset' | 'unreachable' | 'dns' | 'other'

/** The router could not be reached or stopped answering. */
export class NetworkError extends UplinkError {
  readonly failure: NetworkFailure
  constructor(failure: NetworkFailure, message: string, opts: { endpoint?: string; cause?: unknown } = {}) {
    super('network', message, opts)
    this.name = 'NetworkError'
    this.failure = failure
  }
  override toData(): UplinkErrorData {
    return { ...super.toData(), code: this.failure }
  }
}

/** Something answered, but not as a Peplink router does. */
export class ProtocolError extends UplinkError {
  /** A short, redacted excerpt of what came back, for the technician and for bug reports. */
  readonly excerpt?: string
  constructor(message: string, opts: { endpoint?: string; excerpt?: string } = {}) {
    super('protocol', message, { endpoint: opts.endpoint })
    this.name = 'ProtocolError'
    this.excerpt = opts.excerpt === undefined ? undefined : redact(opts.excerpt).slice(0, 200)
  }
}

/** The caller aborted the operation. */
export class CancelledError extends UplinkError {
  constructor(endpoint?: string) {
    super('cancelled', `Cancelled${endpoint ? ` (${endpoint})` : ''}.`, { endpoint })
    this.name = 'CancelledError'
  }
}

const KEYS = '(?:password|clientSecret|accessToken|key|psk|simPin|secret|token|bauth|pauth)'
// A value, never a word: a JSON member ("password": "x"), a query or cookie pair (password=x),
// or a key with a quoted value (password: "x"). "No password: set UPLINK_PASSWORD" is a sentence.
const SECRET_VALUES = new RegExp(`("${KEYS}"\\s*:\\s*)("[^"]*"|[^\\s,}]+)|(\\b${KEYS}=)([^\\s,&;}]+)|(\\b${KEYS}\\s*:\\s*)("[^"]*")`, 'gi')

/** Removes values of secret-looking keys from text that may have come from a router or a URL. */
export function redact(text: string): string {
  return text.replace(SECRET_VALUES, (_m, a?: string, _b?: string, c?: string, _d?: string, e?: string) => `${a ?? c ?? e}"[redacted]"`)
}

/** Turns any thrown value into an UplinkError without losing its kind. */
export function toUplinkError(err: unknown, endpoint?: string): UplinkError {
  if (err instanceof UplinkError) return err
  const message = err instanceof Error ? err.message : String(err)
  return new UplinkError('protocol', `Unexpected failure${endpoint ? ` in ${endpoint}` : ''}: ${redact(message)}`, { endpoint })
}
