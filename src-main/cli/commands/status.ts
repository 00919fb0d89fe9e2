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
import { bandText, moduleText, monitorText, readingAge } from '../../peplink/describe'
import { simInUseName, simName } from '../../workflows/types'

const WHAT = ['wan', 'signal', 'allowance', 'clients', 'lan', 'pepvpn', 'location', 'firmware', 'modules'] as const

function wanTable(wans: Wan[]): string {
  return table(
    ['ID', 'NAME', 'TYPE', 'STATE', 'MESSAGE', 'LED', 'PRIORITY', 'IP', 'DETAIL'],
    wans.map((w) => [
      w.id, w.name, w.type === 'other' && w.rawType ? w.rawType : w.type, w.state, w.message, w.statusLed, w.priority ?? (w.enable ? '' : 'disabled'), w.ip,
      w.cellular ? [w.cellular.carrier?.name, w.cellular.mobileType, simInUseName(w.cellular), w.cellular.roaming?.roaming ? 'roaming' : undefined].filter(Boolean).join(', ')
        : w.wifi ? [w.wifi.ssid, w.wifi.signalStrength !== undefined ? `${w.wifi.signalStrength} dBm` : undefined].filter(Boolean).join(', ') : '',
    ]),
  )
}

/** How old the readings are, when the router says; a stale one is said plainly. */
function ageLine(wans: { reading?: Wan['reading'] }[]): string {
  const age = readingAge(wans.find((w) => w.reading?.ageSeconds !== undefined)?.reading)
  if (!age) return ''
  return age.stale ? `\nStale: the router's last report is ${age.ago} old; the modem has not refreshed it.\n` : `\nReadings are ${age.ago} old (router clock).\n`
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
            return out.result(wans, () => wanTable(wans) + ageLine(wans))
          }
          case 'signal': {
            const reports = await getSignal(client, {}, o)
            return out.result(reports, () =>
              table(['WAN', 'BAND', 'RSRP', 'RSRQ', 'SINR', 'RSSI', 'GRADE'], reports.flatMap((r) =>
                r.wifi ? [[r.id, `Wi-Fi ${r.wifi.ssid ?? ''}`, '', '', '', r.wifi.signalStrength, '']] : r.bands.map((b) => [r.id, bandText(b), b.rsrp, b.rsrq, b.sinr, b.rssi, gradeBand(b)]),
              )) + ageLine(reports),
            )
          }
          case 'allowance': {
            // Usage from the allowance endpoint; each SIM's own monitor settings from the WAN status.
            const [a, wans] = await Promise.all([client.api.allowance({}, o), client.api.wanStatus({}, o)])
            const monitor = (wanId: number | undefined, simId: number | undefined) => {
              const w = wans.find((x) => x.id === wanId)
              const m = simId !== undefined ? w?.cellular?.sims.find((x) => x.id === simId)?.allowanceMonitor : w?.allowanceMonitor
              return monitorText(m) ?? 'not reported'
            }
            return out.result(a, () => table(['WAN', 'SIM', 'ENABLED', 'USAGE', 'LIMIT', 'PERCENT', 'MONITOR'], a.flatMap((w) => w.entries.map((e) => [w.wanKey, e.simId === undefined ? '' : simName(e.simId), e.enable ? 'yes' : 'no', e.usage !== undefined ? `${e.usage} ${e.unit ?? 'MB'}` : '', e.limit !== undefined ? `${e.limit} ${e.unit ?? 'MB'}` : '', e.percent !== undefined ? `${e.percent}%` : '', monitor(w.wanId, e.simId)]))))
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
          case 'modules': {
            const wans = (await client.api.wanStatus({}, o)).filter((w) => w.cellular)
            const modules = wans.map((w) => ({ wanId: w.id, wanName: w.name, ...w.cellular!.module, imei: w.cellular!.module?.imei ?? w.cellular!.imei }))
            return out.result(modules, () =>
              modules.length === 0
                ? 'This router reports no cellular module.'
                : table(['WAN', 'NAME', 'MODULE', 'IMEI'], wans.map((w) => [w.id, w.name, moduleText(w.cellular!.module) ?? (w.cellular!.modem ? [w.cellular!.modem.manufacturer, w.cellular!.modem.name].filter(Boolean).join(' ') : 'not reported by this firmware'), w.cellular!.module?.imei ?? w.cellular!.imei ?? 'not reported'])),
            )
          }
          case 'firmware': {
            const f = await client.api.firmware({}, o)
            return out.result(f, () => table(['SLOT', 'VERSION', 'RUNNING', 'BOOTABLE'], f.slots.map((s) => [s.id, s.version, s.inUse ? 'yes' : '', s.bootable ? 'yes' : 'no'])))
          }
        }
      }),
    )
}
