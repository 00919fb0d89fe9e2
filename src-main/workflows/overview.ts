/**
 * The dashboard's picture of a router: WANs, allowance, firmware and location, fetched side
 * by side over the session's keep-alive connections, so one refresh costs about the slowest
 * call rather than the sum. A call the router lacks (no GPS on a wired model) is not an error.
 */
import type { RouterClient } from '../peplink/client'
import { UnsupportedError, UplinkError } from '../peplink/errors'
import type { Allowance, FirmwareInfo, Location, Wan } from '../peplink/model'

export interface Overview {
  wans: Wan[]
  allowance: Allowance[]
  firmware?: FirmwareInfo
  /** null when the router has no GPS (or the firmware lacks info.location). */
  location: Location | null
  fetchedAt: string
  /** Calls that failed while the rest succeeded (for example info.location on a wired model). */
  partial: { endpoint: string; message: string }[]
}

/** Fetches everything the overview shows; fails only when the WAN status itself fails. */
export async function fetchOverview(client: RouterClient, opts: { signal?: AbortSignal } = {}): Promise<Overview> {
  const o = { signal: opts.signal }
  const [wans, allowance, firmware, location] = await Promise.allSettled([
    client.api.wanStatus({}, o),
    client.supports('8.0.0') ? client.api.allowance({}, o) : Promise.resolve([]),
    client.api.firmware({}, o),
    client.supports('8.0.1') ? client.api.location({}, o) : Promise.resolve(null),
  ])
  if (wans.status === 'rejected') throw wans.reason
  const partial: Overview['partial'] = []
  const value = <T>(r: PromiseSettledResult<T>, endpoint: string, fallback: T): T => {
    if (r.status === 'fulfilled') return r.value
    if (!(r.reason instanceof UnsupportedError)) partial.push({ endpoint, message: r.reason instanceof UplinkError ? r.reason.message : String(r.reason) })
    return fallback
  }
  return {
    wans: wans.value,
    allowance: value(allowance, 'status.wan.connection.allowance', []),
    firmware: value(firmware, 'info.firmware', undefined),
    location: value(location, 'info.location', null),
    fetchedAt: new Date().toISOString(),
    partial,
  }
}
