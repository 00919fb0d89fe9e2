/**
 * Glue for router commands: read the global options, connect, run, always log out.
 * Ctrl+C cancels the running workflow instead of leaving the router mid-operation unlogged.
 */
import type { Command } from 'commander'
import type { RouterClient } from '../peplink/client'
import { connect, type GlobalOptions } from './connection'
import { createOutput, type Output } from './output'
import { UsageError } from './exit-codes'

export interface CommandContext {
  client: RouterClient
  out: Output
  opts: GlobalOptions & Record<string, unknown>
  signal: AbortSignal
}

/** Wraps a router command's body: the body gets a connected client and its options. */
export function withClient(body: (ctx: CommandContext, ...args: string[]) => Promise<void>) {
  return async (...params: unknown[]) => {
    const cmd = params[params.length - 1] as Command
    const args = params.slice(0, -2).filter((p): p is string => typeof p === 'string')
    const opts = cmd.optsWithGlobals<GlobalOptions & Record<string, unknown>>()
    const out = createOutput(!!opts.json)
    const abort = new AbortController()
    const onSig = () => abort.abort()
    process.once('SIGINT', onSig)
    const client = await connect(opts, out)
    try {
      await body({ client, out, opts, signal: abort.signal }, ...args)
    } finally {
      process.removeListener('SIGINT', onSig)
      await client.close()
    }
  }
}

/** Parses a required whole-number option (e.g. --conn), or raises a usage error naming it. */
export function intOption(value: unknown, name: string, range?: [number, number]): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isInteger(n) || (range && (n < range[0] || n > range[1]))) throw new UsageError(`${name} must be a whole number${range ? ` from ${range[0]} to ${range[1]}` : ''} (got "${String(value ?? '')}").`)
  return n
}

/** Parses a WAN connection ID option (`--conn`): the router numbers its WANs from 1. */
export function connOption(value: unknown, name = '--conn'): number {
  return intOption(value, name, [1, 255])
}

/** Parses a SIM option: 1/A or 2/B. */
export function simOption(value: unknown, name = '--sim'): 1 | 2 {
  const v = String(value ?? '').toUpperCase()
  if (v === '1' || v === 'A') return 1
  if (v === '2' || v === 'B') return 2
  throw new UsageError(`${name} must be 1 (SIM A) or 2 (SIM B) (got "${String(value ?? '')}").`)
}

/** Prints workflow progress to stderr. */
/**
 * Progress for a terminal or a log: a line when what the workflow says changes, and otherwise a
 * heartbeat at most every `heartbeatMs`, never the same sentence at every poll.
 */
export function progressTo(out: Output, heartbeatMs = 10_000, now: () => number = Date.now): (p: { message: string }) => void {
  let last: string | undefined
  let lastAt = 0
  return (p) => {
    const t = now()
    if (p.message === last && t - lastAt < heartbeatMs) return
    out.progress(p.message === last ? `${p.message} (still waiting)` : p.message)
    last = p.message
    lastAt = t
  }
}

/** The workflow options every waiting command shares: cancel, progress and --poll. */
export function waitOptions(ctx: CommandContext): { signal: AbortSignal; onProgress: (p: { message: string }) => void; pollMs: number } {
  return { signal: ctx.signal, onProgress: progressTo(ctx.out), pollMs: intOption(ctx.opts.poll ?? '1000', '--poll', [50, 60_000]) }
}

/** Prints a workflow's result; one that could not be verified exits 5 (the router did not follow). */
export function printOutcome(out: Output, r: { summary: string; verified: boolean }): void {
  out.result(r, () => r.summary)
  if (!r.verified) process.exitCode = 5
}
