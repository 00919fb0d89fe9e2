/**
 * Binds the contract to Electron's ipcMain. Takes ipcMain and the frame check as arguments
 * so it runs (and is tested) without Electron; only src-main/index.ts passes the real ones.
 */
import { CHANNELS, type IpcResult } from '../../src-preload/contract'
import { dispatch, type Handlers } from './dispatch'
import type { SenderFrame } from './sender'

/** The part of an IpcMainInvokeEvent the binding uses. */
export interface InvokeEvent {
  sender: { id: number; send(channel: string, payload: unknown): void; isDestroyed?(): boolean }
  senderFrame: { url: string; parent: unknown } | null
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, payload: unknown) => Promise<IpcResult<unknown>>): void
}

/** Registers one handler per contract channel, each checking its sender frame first. */
export function bindIpcMain(ipcMain: IpcMainLike, handlers: Handlers, isTrusted: (frame: SenderFrame | null) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload) => {
      const frame = event.senderFrame ? { url: event.senderFrame.url, top: event.senderFrame.parent === null } : null
      if (!isTrusted(frame)) {
        return { ok: false, error: { kind: 'permission', message: 'Refused: this request did not come from the Uplink window.' } }
      }
      return dispatch(handlers, channel, payload, {
        clientId: `electron-${event.sender.id}`,
        emit: (name, body) => {
          if (!event.sender.isDestroyed?.()) event.sender.send(name, body)
        },
      })
    })
  }
}
