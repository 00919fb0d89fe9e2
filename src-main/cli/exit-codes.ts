/**
 * Exit codes scripts can rely on: 0 success; 2 usage or validation; 3 authentication;
 * 4 certificate not trusted or pin mismatch; 5 the router answered stat fail; 6 network,
 * timeout or not a Peplink answer.
 */
import { UplinkError } from '../peplink/errors'
import { AppError } from '../app-error'

export const EXIT = { ok: 0, failure: 1, usage: 2, auth: 3, certificate: 4, device: 5, network: 6 } as const

/** A usage problem found by the CLI itself (missing option, conflicting flags). */
export class UsageError extends Error {}

/** The exit code for a failure. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) return EXIT.usage
  if (err instanceof AppError) return err.kind === 'validation' ? EXIT.usage : err.kind === 'certificate' ? EXIT.certificate : EXIT.failure
  if (!(err instanceof UplinkError)) return EXIT.failure
  switch (err.kind) {
    case 'validation':
      return EXIT.usage
    case 'authentication':
    case 'permission':
      return EXIT.auth
    case 'certificate':
      return EXIT.certificate
    case 'device':
    case 'unsupported':
      return EXIT.device
    case 'network':
    case 'protocol':
      return EXIT.network
    default:
      return EXIT.failure
  }
}
