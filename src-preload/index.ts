/**
 * Sandboxed preload: exposes exactly the contract as `window.uplink` (never ipcRenderer).
 * Unknown channels and events are refused here as well as in main.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, EVENTS, type UplinkBridge } from './contract'

const channels = new Set<string>(CHANNELS)
const events = new Set<string>(EVENTS)

const bridge: UplinkBridge = {
  invoke(channel, req) {
    if (!channels.has(channel)) return Promise.resolve({ ok: false, error: { kind: 'validation', message: `Unknown channel "${channel}".`, field: 'channel' } })
    return ipcRenderer.invoke(channel, req)
  },
  on(event, listener) {
    if (!events.has(event)) throw new Error(`Unknown event "${event}".`)
    const wrapped = (_e: unknown, payload: unknown) => listener(payload as never)
    ipcRenderer.on(event, wrapped)
    return () => {
      ipcRenderer.removeListener(event, wrapped)
    }
  },
}

contextBridge.exposeInMainWorld('uplink', bridge)
