/**
 * Connection options shared by every router command: where the router is, how to log in,
 * and which certificate to trust. Secrets come only from the environment or stdin, never
 * from the command line where `ps` and shell history would keep them.
 */
import type { Command } from 'commander'
import { RouterClient } from '../peplink/client'
import type { Credentials } from '../peplink/auth'
import { CertificateError } from '../peplink/errors'
import { normalizeFingerprint, probeCertificate } from '../peplink/transport'
import { DeviceRegistry } from '../devices/registry'
import { KnownHosts } from '../devices/known-hosts'
import { userDataDir } from '../paths'
import { UsageError } from './exit-codes'
import type { Output } from './output'

export interface GlobalOptions {
  host?: string
  http?: boolean
  user?: string
  passwordStdin?: boolean
  clientId?: string
  fingerprint?: string
  trustOnFirstUse?: boolean
  stateDir?: string
  json?: boolean
  timeout?: string
  poll?: string
}

/** Adds the global options to the root program (accepted before and after the command word). */
export function addGlobalOptions(program: Command): Command {
  return program
    .option('--host <host[:port]>', 'router address, e.g. 192.168.50.1 or 192.168.50.1:8443 (or UPLINK_HOST)')
    .option('--http', 'plain HTTP instead of HTTPS (only where the router serves no HTTPS)')
    .option('--user <name>', 'admin login user (or UPLINK_USER); password from UPLINK_PASSWORD or --password-stdin')
    .option('--password-stdin', 'read the password or client secret from standard input')
    .option('--client-id <id>', 'API client id (or UPLINK_CLIENT_ID); secret from UPLINK_CLIENT_SECRET or --password-stdin')
    .option('--fingerprint <sha256>', "pin the router's certificate (hex, colons optional, any case)")
    .option('--trust-on-first-use', 'pin the certificate the router presents if none is pinned yet (says so)')
    .option('--state-dir <dir>', "folder for pins and saved devices (default: the app's user-data folder)")
    .option('--json', 'print the normalised model as JSON on stdout, nothing else')
    .option('--timeout <ms>', 'per-call timeout in milliseconds')
    .option('--poll <ms>', 'how often to check progress while waiting on the router', '1000')
}

/** Splits "host[:port]" (IPv6 in brackets) into host and port. */
export function parseHost(value: string, scheme: 'https' | 'http'): { host: string; port: number } {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(value) ?? /^([^:]+)(?::(\d+))?$/.exec(value)
  if (!m) throw new UsageError(`--host "${value}" is not an address like 192.168.50.1 or 192.168.50.1:8443.`)
  const port = m[2] ? Number(m[2]) : scheme === 'https' ? 443 : 80
  if (!(port >= 1 && port <= 65535)) throw new UsageError(`--host port must be 1 to 65535.`)
  return { host: m[1]!, port }
}

/** Reads a secret piped on standard input (one trailing newline dropped). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

/** Works out the credentials from options, environment and stdin. */
export async function resolveCredentials(o: GlobalOptions, env: NodeJS.ProcessEnv = process.env): Promise<Credentials> {
  const clientId = o.clientId ?? env.UPLINK_CLIENT_ID
  const user = o.user ?? env.UPLINK_USER
  if (clientId && o.user) throw new UsageError('Use either --user or --client-id, not both.')
  if (clientId) {
    const secret = o.passwordStdin ? await readStdin() : env.UPLINK_CLIENT_SECRET
    if (!secret) throw new UsageError('No client secret: set UPLINK_CLIENT_SECRET or pipe it with --password-stdin.')
    return { kind: 'client', clientId, clientSecret: secret }
  }
  if (!user) throw new UsageError('No login: give --user NAME (password in UPLINK_PASSWORD or --password-stdin) or --client-id ID (secret in UPLINK_CLIENT_SECRET).')
  const password = o.passwordStdin ? await readStdin() : env.UPLINK_PASSWORD
  if (!password) throw new UsageError('No password: set UPLINK_PASSWORD or pipe it with --password-stdin.')
  return { kind: 'admin', username: user, password }
}

/** Opens an authenticated client, applying the pin rules; the caller closes it. */
export async function connect(o: GlobalOptions, out: Output, env: NodeJS.ProcessEnv = process.env): Promise<RouterClient> {
  const scheme = o.http ? 'http' : 'https'
  const hostArg = o.host ?? env.UPLINK_HOST
  if (!hostArg) throw new UsageError('No router: give --host ADDRESS (or set UPLINK_HOST).')
  const { host, port } = parseHost(hostArg, scheme)
  // Usage first: a bad option is said before anything goes on the network.
  const timeout = o.timeout ? Number(o.timeout) : undefined
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0 && timeout <= 3_600_000)) throw new UsageError('--timeout must be a number of milliseconds from 1 to 3600000 (an hour).')
  const stateDir = o.stateDir ?? userDataDir(env)
  let pin: string | undefined
  if (scheme === 'https') {
    const registry = new DeviceRegistry(stateDir)
    await registry.load()
    const known = new KnownHosts(stateDir, registry)
    pin = o.fingerprint ? normalizeFingerprint(o.fingerprint) : await known.pinFor(host, port)
    if (!pin) {
      const cert = await probeCertificate(host, port, { timeoutMs: 5000 })
      if (!o.trustOnFirstUse) {
        throw new CertificateError(
          `No certificate is pinned for ${host}:${port}. It presents SHA-256 ${cert.fingerprint256} (${cert.subject}). ` +
            'Check it on the router, then pass --fingerprint with it, or --trust-on-first-use.',
          { presented: cert.fingerprint256, subject: cert.subject },
        )
      }
      await known.remember(host, port, cert.fingerprint256, cert.subject)
      out.notice(`Trusting ${host}:${port} on first use: pinned SHA-256 ${cert.fingerprint256} (${cert.subject}).`)
      pin = cert.fingerprint256
    }
  }
  const client = new RouterClient({
    host,
    port,
    scheme,
    pin,
    credentials: await resolveCredentials(o, env),
    timeouts: timeout ? { status: timeout, action: timeout, scan: Math.max(timeout, 60000) } : undefined,
  })
  try {
    await client.open()
  } catch (err) {
    await client.close().catch(() => undefined)
    throw err
  }
  return client
}
