/**
 * `uplink discover <target…>`: find Peplink routers by address, range or subnet. Results
 * stream as they are found; only answers in the router API's envelope count.
 */
import type { Command } from 'commander'
import { addressCount, discover, LARGE_SWEEP_ADDRESSES, parseTargets, suggestTargets, sweepEstimate } from '../discovery'
import { seconds } from '../workflows/types'
import { createOutput, table } from './output'
import { UsageError } from './exit-codes'

/** Adds `discover`. */
export function registerDiscoverCommand(program: Command): void {
  program
    .command('discover')
    .description('find Peplink routers: an address, a list, a range a.b.c.d-e, a CIDR block up to /16, or host:port')
    .argument('[target...]', 'where to look (omit to list suggestions from this laptop\'s networks)')
    .option('--ports <list>', 'ports to try, comma separated', '443')
    .option('--connect-timeout <ms>', 'wait on a silent address until round trips are learnt from the ones that answer (then a few round trips, at least 300 ms)', '1500')
    .option('--fixed-timeout', 'wait the whole --connect-timeout on every silent address, learning nothing')
    .option('--yes', `sweep more than ${LARGE_SWEEP_ADDRESSES.toLocaleString('en')} addresses (a /22) without asking`)
    .action(async (targets: string[], _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<{ ports: string; connectTimeout: string; fixedTimeout?: boolean; yes?: boolean; json?: boolean }>()
      const out = createOutput(!!o.json)
      if (targets.length === 0) {
        const s = suggestTargets()
        out.result(s, () => (s.length ? `Suggested targets:\n${table(['TARGET', 'WHAT'], s.map((x) => [x.target, x.label]))}\nRun: uplink discover <target>` : 'No network interfaces with IPv4 addresses found. Plug into the router\'s LAN first.'))
        return
      }
      const ports = o.ports.split(',').map((p) => Number(p.trim()))
      if (ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) throw new UsageError('--ports takes port numbers from 1 to 65535, comma separated (e.g. 443,8443).')
      const connectTimeoutMs = Number(o.connectTimeout)
      if (!Number.isFinite(connectTimeoutMs) || connectTimeoutMs < 50 || connectTimeoutMs > 60_000) throw new UsageError('--connect-timeout takes milliseconds from 50 to 60000, e.g. 1500.')
      const list = parseTargets(targets, ports)
      const addresses = addressCount(list)
      if (addresses > LARGE_SWEEP_ADDRESSES && !o.yes) {
        const e = sweepEstimate(list.length, { connectTimeoutMs })
        throw new UsageError(`That is ${addresses.toLocaleString('en')} addresses, more than a /22: it takes about ${seconds(e.fastMs)} (up to ${seconds(e.slowMs)} if nothing answers). Add --yes to sweep it.`)
      }
      const abort = new AbortController()
      const onSig = () => abort.abort()
      process.once('SIGINT', onSig)
      let last = 0
      try {
        const found = await discover(list, {
          signal: abort.signal,
          connectTimeoutMs,
          adaptive: !o.fixedTimeout,
          onProgress: ({ done, total, found, etaMs }) => {
            if (done === total || Date.now() - last > 250) {
              last = Date.now()
              const left = etaMs !== undefined && done < total ? `, about ${seconds(etaMs)} left` : ''
              out.progress(`Checked ${done.toLocaleString('en')} of ${total.toLocaleString('en')} addresses, ${found ?? 0} found${left}…`)
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
