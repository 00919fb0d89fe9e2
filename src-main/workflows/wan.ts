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

const TYPE_NAMES: Partial<Record<Wan['type'], string>> = { cellular: 'a cellular WAN', wifi: 'a Wi-Fi WAN' }

/** Reads the WAN and throws a clear UnsupportedError, before anything is sent, when it is not of `type`. */
async function requireWanType(client: RouterClient, connId: number, type: Wan['type'], operation: string, signal?: AbortSignal): Promise<Wan> {
  const wan = await readWan(client, connId, signal)
  if (!wan) throw new UnsupportedError(`This router has no WAN ${connId}. Pick a WAN from the overview.`)
  if (wan.type !== type) throw new UnsupportedError(`${operation} needs ${TYPE_NAMES[type] ?? `a ${type} WAN`}; WAN ${connId} ("${wan.name}") is ${wan.type}.`)
  return wan
}

/** The cellular WAN `connId`, or a clear UnsupportedError (before anything is sent). */
export function requireCellular(client: RouterClient, connId: number, operation: string, signal?: AbortSignal): Promise<Wan> {
  return requireWanType(client, connId, 'cellular', operation, signal)
}

/** The Wi-Fi WAN `connId`, or a clear UnsupportedError (before anything is sent). */
export function requireWifi(client: RouterClient, connId: number, operation: string, signal?: AbortSignal): Promise<Wan> {
  return requireWanType(client, connId, 'wifi', operation, signal)
}

/** How the WAN is doing, as a sentence for a progress panel (the router's own words quoted, not pasted raw). */
export function linkSentence(connId: number, w: Wan | undefined): string {
  if (!w) return `WAN ${connId} is not in the router's answer yet; still waiting…`
  const said = w.message.trim() ? ` (the router says "${w.message.trim()}")` : ''
  switch (w.state) {
    case 'connected': return `WAN ${connId} is up.`
    case 'standby': return `WAN ${connId} is in standby behind another WAN${said}.`
    case 'connecting': return `WAN ${connId} is coming back${said}…`
    case 'disabled': return `WAN ${connId} is disabled.`
    default: return `WAN ${connId} is down for now${said}; still waiting…`
  }
}

/** Polls the WAN until `ok(wan)` or the deadline, reporting each look as progress. */
export function waitForWan(client: RouterClient, connId: number, ok: (w: Wan) => boolean, opts: WorkflowOptions & { step: string; giveUp?: (w: Wan) => boolean }): Promise<PollOutcome<Wan | undefined>> {
  const giveUp = opts.giveUp
  return pollUntil(
    () => readWan(client, connId, opts.signal),
    (w) => w !== undefined && ok(w),
    { intervalMs: opts.pollMs ?? 1000, timeoutMs: opts.timeoutMs ?? 120_000, signal: opts.signal, giveUp: giveUp ? (w) => w !== undefined && giveUp(w) : undefined },
    (w, elapsedMs, err) =>
      opts.onProgress?.({
        step: opts.step,
        elapsedMs,
        message: err ? 'The router did not answer this time; still waiting…' : linkSentence(connId, w),
        data: w ? { connected: w.connected, message: w.message } : undefined,
      }),
  )
}
