/**
 * The renderer's one door to main: wraps `window.uplink` so stores get data or a typed
 * UplinkUiError, never an `{ok:false}` to forget to check. Only stores import this module.
 */
import type { Channel, EventName, Events, Req, Res } from '../../src-preload/contract'
import { toUiError, UplinkUiError } from './ui-error'

export { toUiError, UplinkUiError }

function bridge() {
  if (!window.uplink) throw new UplinkUiError({ kind: 'internal', message: 'The connection to the Uplink back end is missing. Restart Uplink.' })
  return window.uplink
}

/** Calls a contract channel; resolves with its data or rejects with an UplinkUiError. */
export async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  let result
  try {
    result = await bridge().invoke(channel, req)
  } catch (err) {
    throw toUiError(err)
  }
  if (!result.ok) throw new UplinkUiError(result.error)
  return result.data
}

/** Subscribes to a contract event; returns the unsubscribe function. */
export function listen<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  try {
    return bridge().on(event, listener)
  } catch {
    return () => undefined
  }
}
