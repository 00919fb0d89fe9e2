/**
 * A stand-in for the `electron` module, recording what the built shell and preload do with it:
 * BrowserWindow options, ipcMain handlers, contextBridge exposures, session handlers, app
 * lifecycle calls. Installed with `install()` before the built bundle is required.
 */
const Module = require('node:module')
const { EventEmitter } = require('node:events')

function createFake({ stateDir, singleInstance = true }) {
  const record = { windows: [], handlers: new Map(), exposed: {}, permissionRequest: undefined, permissionCheck: undefined, quits: 0, exits: [], errors: [], rendererListeners: new Map(), invoked: [] }
  let readyResolve
  const ready = new Promise((r) => (readyResolve = r))
  const app = new EventEmitter()
  let nextId = 1
  Object.assign(app, {
    isPackaged: false,
    getVersion: () => '0.0.0-standin',
    getPath: () => stateDir,
    requestSingleInstanceLock: () => singleInstance,
    whenReady: () => ready,
    quit() {
      record.quits++
      const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true } }
      app.emit('before-quit', event)
      if (!event.defaultPrevented) app.emit('quit-done')
    },
    exit: (code) => record.exits.push(code),
  })
  class WebContents extends EventEmitter {
    constructor() {
      super()
      this.id = nextId++
    }
    setWindowOpenHandler(fn) { this.windowOpenHandler = fn }
    send() {}
    isDestroyed() { return false }
  }
  class BrowserWindow extends EventEmitter {
    constructor(options) {
      super()
      this.options = options
      this.webContents = new WebContents()
      record.windows.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
    static getAllWindows() { return record.windows }
    loadFile(file) { this.loaded = { file } ; return Promise.resolve() }
    loadURL(url) { this.loaded = { url } ; return Promise.resolve() }
    show() {}
    isMinimized() { return false }
    restore() {}
    focus() { this.focused = (this.focused ?? 0) + 1 }
    destroy() {}
  }
  const electron = {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel, fn) => record.handlers.set(channel, fn) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn) => (record.permissionRequest = fn),
        setPermissionCheckHandler: (fn) => (record.permissionCheck = fn),
      },
    },
    dialog: { showErrorBox: (title, text) => record.errors.push(`${title}: ${text}`) },
    contextBridge: { exposeInMainWorld: (name, api) => (record.exposed[name] = api) },
    ipcRenderer: {
      invoke: (channel, payload) => (record.invoked.push(channel), Promise.resolve({ ok: true, data: { channel, payload } })),
      on: (event, fn) => record.rendererListeners.set(event, fn),
      removeListener: (event) => record.rendererListeners.delete(event),
    },
  }
  return { electron, record, app, ready: () => readyResolve() }
}

/** Makes `require('electron')` return the stand-in, for every module loaded after this. */
function install(electron) {
  const load = Module._load
  Module._load = function (request, ...rest) {
    return request === 'electron' ? electron : load.call(this, request, ...rest)
  }
}

module.exports = { createFake, install }
