/**
 * `uplink discover <target…>`: find Peplink routers by address, range or subnet. Results
 * stream as they are found; only answers in the router API's envelope count.
 */
import type { Command } from 'commander'
import { discover, parseTargets, suggestTargets } from '../discovery'
import { createOutput, table } from './output'
import { UsageError } from './exit-codes'

/** Adds `discover`. */
export function registerDiscoverCommand(program: Command): void {
  program
    .command('discover')
    .description('find Peplink routers: an address, a list, a range a.b.c.d-e, a CIDR block up to /22, or host:port')
    .argument('[target...]', 'where to look (omit to list suggestions from this laptop\'s networks)')
    .option('--ports <list>', 'ports to try, comma separated', '443')
    .option('--connect-timeout <ms>', 'TCP connect timeout per address', '1500')
    .action(async (targets: string[], _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<{ ports: string; connectTimeout: string; json?: boolean }>()
      const out = createOutput(!!o.json)
      if (targets.length === 0) {
        const s = suggestTargets()
        out.result(s, () => (s.length ? `Suggested targets:\n${table(['TARGET', 'WHAT'], s.map((x) => [x.target, x.label]))}\nRun: uplink discover <target>` : 'No network interfaces with IPv4 addresses found. Plug into the router\'s LAN first.'))
        return
      }
      const ports = o.ports.split(',').map((p) => Number(p.trim()))
      if (ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) throw new UsageError('--ports takes port numbers from 1 to 65535, comma separated (e.g. 443,8443).')
      const list = parseTargets(targets, ports)
      const abort = new AbortController()
      const onSig = () => abort.abort()
      process.once('SIGINT', onSig)
      let last = 0
      try {
        const found = await discover(list, {
          signal: abort.signal,
          connectTimeoutMs: Number(o.connectTimeout),
          onProgress: ({ done, total }) => {
            if (done === total || Date.now() - last > 250) {
              last = Date.now()
              out.progress(`Checked ${done} of ${total} addresses…`)
            }
          },
          onFound: (r) => out.notice(`Found ${r.host}:${r.port} (firmware ${r.firmware ?? 'unknown'})`),
        })
        out.result(found, () => (found.length ? table(['ADDRESS', 'FIRMWARE', 'CERTIFICATE SHA-256', 'SUBJECT'], found.map((r) => [`${r.scheme}://${r.host}:${r.port}`, r.firmware, r.fingerprint256, r.subject])) : 'No Peplink routers found.'))
      } finally {
        process.removeListener('SIGINT', onSig)
      }
    })
}
