/**
 * Sandboxed preload: exposes `window.uplink` to the renderer and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron'

contextBridge.exposeInMainWorld('uplink', {
  invoke: (channel: string, payload: unknown) => ipcRenderer.invoke(channel, payload),
})
