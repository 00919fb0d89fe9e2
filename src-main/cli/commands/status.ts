/**
 * `uplink status [what]`: the router's state, as a table or as the normalised model (--json).
 */
import type { Command } from 'commander'
import { getSignal } from '../../peplink/features'
import { gradeBand } from '../../peplink/signal-grade'
import type { Wan } from '../../peplink/model'
import { table } from '../output'
import { withClient } from '../run-with-client'
import { UsageError } from '../exit-codes'
import { simName } from '../../workflows/types'

const WHAT = ['wan', 'signal', 'allowance', 'clients', 'lan', 'pepvpn', 'location', 'firmware'] as const

function wanTable(wans: Wan[]): string {
  return table(
    ['ID', 'NAME', 'TYPE', 'STATUS', 'LED', 'PRIORITY', 'IP', 'DETAIL'],
    wans.map((w) => [
      w.id, w.name, w.type, w.message, w.statusLed, w.priority ?? (w.enable ? '' : 'disabled'), w.ip,
      w.cellular ? [w.cellular.carrier?.name, w.cellular.mobileType, w.cellular.activeSimId ? simName(w.cellular.activeSimId) : undefined, w.cellular.roaming?.roaming ? 'roaming' : undefined].filter(Boolean).join(', ')
        : w.wifi ? [w.wifi.ssid, w.wifi.signalStrength !== undefined ? `${w.wifi.signalStrength} dBm` : undefined].filter(Boolean).join(', ') : '',
    ]),
  )
}

/** Adds `status`. */
export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description(`show the router's state: ${WHAT.join(' | ')} (default wan)`)
    .argument('[what]', 'what to show', 'wan')
    .action(
      withClient(async ({ client, out, signal }, what = 'wan') => {
        if (!(WHAT as readonly string[]).includes(what)) throw new UsageError(`status takes one of ${WHAT.join(', ')} (got "${what}").`)
        const o = { signal }
        switch (what) {
          case 'wan': {
            const wans = await client.api.wanStatus({}, o)
            return out.result(wans, () => wanTable(wans))
          }
          case 'signal': {
            const reports = await getSignal(client, {}, o)
            return out.result(reports, () =>
              table(['WAN', 'BAND', 'RSRP', 'RSRQ', 'SINR', 'RSSI', 'GRADE'], reports.flatMap((r) =>
                r.wifi ? [[r.id, `Wi-Fi ${r.wifi.ssid ?? ''}`, '', '', '', r.wifi.signalStrength, '']] : r.bands.map((b) => [r.id, b.name, b.rsrp, b.rsrq, b.sinr, b.rssi, gradeBand(b)]),
              )),
            )
          }
          case 'allowance': {
            const a = await client.api.allowance({}, o)
            return out.result(a, () => table(['WAN', 'SIM', 'ENABLED', 'USAGE', 'LIMIT', 'PERCENT'], a.flatMap((w) => w.entries.map((e) => [w.wanKey, e.simId ?? '', e.enable ? 'yes' : 'no', e.usage !== undefined ? `${e.usage} ${e.unit ?? 'MB'}` : '', e.limit !== undefined ? `${e.limit} ${e.unit ?? 'MB'}` : '', e.percent !== undefined ? `${e.percent}%` : '']))))
          }
          case 'clients': {
            const c = await client.api.clients({}, o)
            return out.result(c, () => table(['IP', 'MAC', 'NAME', 'TYPE', 'ACTIVE', 'VLAN', 'SIGNAL'], c.map((x) => [x.ip, x.mac, x.name, x.connectionType, x.active ? 'yes' : 'no', x.vlanId, x.signalStrength !== undefined ? `${x.signalStrength} dBm` : ''])))
          }
          case 'lan': {
            const l = await client.api.lanProfiles({}, o)
            return out.result(l, () => table(['ID', 'NAME', 'VLAN', 'ADDRESS'], l.map((x) => [x.id, x.name, x.vlanId, `${x.ip}/${x.mask}`])))
          }
          case 'pepvpn': {
            const p = await client.api.pepvpn({}, o)
            return out.result(p, () => table(['PEER', 'NAME', 'PROFILE', 'STATUS'], p.peers.map((x) => [x.peerId, x.name, x.profileId, x.status])))
          }
          case 'location': {
            const l = await client.api.location({}, o)
            return out.result(l, () => (l.gps ? `GPS fix: ${l.latitude}, ${l.longitude} (altitude ${l.altitude ?? '?'} m)` : 'No GPS fix.'))
          }
          case 'firmware': {
            const f = await client.api.firmware({}, o)
            return out.result(f, () => table(['SLOT', 'VERSION', 'RUNNING', 'BOOTABLE'], f.slots.map((s) => [s.id, s.version, s.inUse ? 'yes' : '', s.bootable ? 'yes' : 'no'])))
          }
        }
      }),
    )
}
