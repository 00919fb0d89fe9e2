/**
 * `window.uplink` for the browser host: each request is `POST /ipc/<channel>` with a JSON
 * body, and events arrive over one WebSocket. The page is authorised by the HttpOnly cookie
 * the host set when the tokened URL was opened; this script never sees the token.
 */
import { CHANNELS, EVENTS, type EventName, type Events, type IpcResult, type UplinkBridge } from './contract'

const channels = new Set<string>(CHANNELS)
const events = new Set<string>(EVENTS)

/** Creates the bridge; `base` is the page's origin. */
export function createWebBridge(base = location.origin): UplinkBridge {
  // One id per tab, so main can scope signal watches and sweeps to this page.
  const clientId = crypto.randomUUID()
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  let socket: WebSocket | undefined
  let retry = 0

  const connect = () => {
    socket = new WebSocket(`${base.replace(/^http/, 'ws')}/events?client=${clientId}`)
    socket.onopen = () => (retry = 0)
    socket.onmessage = (m) => {
      const { event, payload } = JSON.parse(String(m.data)) as { event: string; payload: unknown }
      listeners.get(event)?.forEach((l) => l(payload))
    }
    // Reconnect with backoff if the host restarts; events missed meanwhile are not replayed.
    socket.onclose = () => setTimeout(connect, Math.min(5000, 250 * 2 ** retry++))
  }
  connect()

  const opened = new Promise<void>((resolve) => {
    const check = () => (socket?.readyState === WebSocket.OPEN ? resolve() : setTimeout(check, 20))
    check()
  })

  return {
    async invoke(channel, req) {
      if (!channels.has(channel)) return { ok: false, error: { kind: 'validation', message: `Unknown channel "${channel}".`, field: 'channel' } }
      // Event-producing calls wait for the socket so no early event is lost.
      if (channel === 'discovery:start' || channel === 'signal:watch') await opened
      try {
        const res = await fetch(`${base}/ipc/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-uplink-client': clientId },
          body: JSON.stringify(req ?? {}),
          credentials: 'same-origin',
        })
        if (res.status === 403) return { ok: false, error: { kind: 'permission', message: 'The browser host refused this page. Open the URL it printed (it carries the access token).' } }
        return (await res.json()) as IpcResult<never>
      } catch {
        return { ok: false, error: { kind: 'network', message: 'The Uplink browser host is not answering. Is it still running?' } }
      }
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      if (!events.has(event)) throw new Error(`Unknown event "${event}".`)
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (p: unknown) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (p: unknown) => void)
    },
  }
}

declare global {
  interface Window {
    uplink: UplinkBridge
  }
}

if (typeof window !== 'undefined' && !window.uplink) window.uplink = createWebBridge()
