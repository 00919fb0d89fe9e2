/**
 * Shared WAN helpers for workflows: read one WAN, check it supports an operation before the
 * technician tries, and wait for it to come back after something that drops it.
 */
import type { RouterClient } from '../peplink/client'
import { UnsupportedError } from '../peplink/errors'
import type { Wan } from '../peplink/model'
import { pollUntil, type PollOutcome } from './poll'
import type { WorkflowOptions } from './types'

/** Reads one WAN's status. */
export async function readWan(client: RouterClient, connId: number, signal?: AbortSignal): Promise<Wan | undefined> {
  const wans = await client.api.wanStatus({ id: [connId] }, { signal })
  return wans.find((w) => w.id === connId)
}

/** Throws a clear UnsupportedError when the WAN is not cellular (before anything is sent). */
export async function requireCellular(client: RouterClient, connId: number, operation: string, signal?: AbortSignal): Promise<Wan> {
  const wan = await readWan(client, connId, signal)
  if (!wan) throw new UnsupportedError(`This router has no WAN ${connId}. Pick a WAN from the overview.`)
  if (wan.type !== 'cellular') throw new UnsupportedError(`${operation} needs a cellular WAN; WAN ${connId} ("${wan.name}") is ${wan.type}.`)
  return wan
}

/** Throws a clear UnsupportedError when the WAN is not a Wi-Fi WAN. */
export async function requireWifi(client: RouterClient, connId: number, operation: string, signal?: AbortSignal): Promise<Wan> {
  const wan = await readWan(client, connId, signal)
  if (!wan) throw new UnsupportedError(`This router has no WAN ${connId}. Pick a WAN from the overview.`)
  if (wan.type !== 'wifi') throw new UnsupportedError(`${operation} needs a Wi-Fi WAN; WAN ${connId} ("${wan.name}") is ${wan.type}.`)
  return wan
}

/** Polls the WAN until `ok(wan)` or the deadline, reporting each look as progress. */
export function waitForWan(client: RouterClient, connId: number, ok: (w: Wan) => boolean, opts: WorkflowOptions & { step: string }): Promise<PollOutcome<Wan | undefined>> {
  return pollUntil(
    () => readWan(client, connId, opts.signal),
    (w) => w !== undefined && ok(w),
    { intervalMs: opts.pollMs ?? 1000, timeoutMs: opts.timeoutMs ?? 120_000, signal: opts.signal },
    (w, elapsedMs, err) =>
      opts.onProgress?.({
        step: opts.step,
        elapsedMs,
        message: err ? 'The router did not answer this time; still waiting…' : `WAN ${connId}: ${w?.message ?? 'not reported'}`,
        data: w ? { connected: w.connected, message: w.message } : undefined,
      }),
  )
}
