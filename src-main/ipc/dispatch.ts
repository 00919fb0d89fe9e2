/**
 * The one way into main's services: validate the request against its channel's schema, run
 * the handler, answer `{ok:true,data}` or `{ok:false,error}`. Both bindings (Electron IPC
 * and the browser host) call this and nothing else.
 */
import type { Channel, EventName, Events, IpcResult, Req, Res } from '../../src-preload/contract'
import { CHANNELS } from '../../src-preload/contract'
import { requestSchemas } from './schemas'
import { toIpcError } from '../app-error'

/** Who is asking: lets handlers scope watches and sweeps to one window or browser tab. */
export interface CallContext {
  /** A stable id of the caller (Electron webContents id, or browser socket id). */
  clientId: string
  /** Sends an event to this caller only. */
  emit<E extends EventName>(event: E, payload: Events[E]): void
}

export type Handler<C extends Channel> = (req: Req<C>, ctx: CallContext) => Promise<Res<C>>
export type Handlers = { [C in Channel]: Handler<C> }

const known = new Set<string>(CHANNELS)

/** True when `channel` is declared in the contract. */
export function isChannel(channel: string): channel is Channel {
  return known.has(channel)
}

/** Runs one request through validation and its handler; never throws. */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown, ctx: CallContext): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { kind: 'validation', message: `Unknown channel "${channel}".`, field: 'channel' } }
  const parsed = requestSchemas[channel].safeParse(payload ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const field = issue.path.map(String).join('.') || 'request'
    return { ok: false, error: { kind: 'validation', message: `${field}: ${issue.message}.`, field } }
  }
  try {
    const handler = handlers[channel] as Handler<typeof channel>
    const data = await handler(parsed.data as Req<typeof channel>, ctx)
    return { ok: true, data: data as Res<typeof channel> }
  } catch (err) {
    return { ok: false, error: toIpcError(err) }
  }
}
