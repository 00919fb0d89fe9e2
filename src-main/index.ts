/**
 * Electron entry: app lifecycle, the one window, and the IPC binding. Deliberately thin:
 * every service it starts lives in modules that run and are tested under plain Node.
 */
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron'
import { createServices, type Services } from './services'
import { createHandlers } from './ipc/handlers'
import { bindIpcMain } from './ipc/electron-binding'
import { isTrustedSender } from './ipc/sender'

/** Set by electron-vite: true only in `npm run dev` (see electron.vite.config.ts). */
declare const __UPLINK_DEV_SERVER__: boolean

const rendererFile = join(__dirname, '../renderer/index.html')
// electron-vite's dev server, in `npm run dev` only: a built app never trusts another origin.
const devServerUrl = __UPLINK_DEV_SERVER__ && !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
let services: Services | undefined

// One Uplink at a time: a second start focuses the running window instead (two processes on
// one state folder would also take turns on every file, but one window is what a person means).
const firstInstance = app.requestSingleInstanceLock()
if (!firstInstance) app.quit()
app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0]
  if (!win) return
  if (win.isMinimized()) win.restore()
  win.focus()
})

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Uplink',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  win.once('ready-to-show', () => win.show())
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(rendererFile)
  // A window that goes away or reloads takes its live signal watches with it.
  const owner = `electron-${win.webContents.id}`
  const stopWatches = () => services?.watches.stopWhere((w) => w.owner === owner)
  win.webContents.on('destroyed', stopWatches)
  win.webContents.on('did-start-loading', stopWatches)
  return win
}

// No remote content: no new windows, no navigation away from the app, no webviews, for any
// web contents the app ever creates (the pattern Electron's security checklist gives).
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (e) => e.preventDefault())
  contents.on('will-redirect', (e) => e.preventDefault())
  contents.on('will-attach-webview', (e) => e.preventDefault())
})

/** Prints a report's HTML to PDF in a hidden, script-less window (Electron's printToPDF). */
async function printToPdf(html: string): Promise<Buffer> {
  const win = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } })
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })
  } finally {
    win.destroy()
  }
}

app.whenReady().then(async () => {
  // A second start only hands over to the first (which focuses its window): no services, no window.
  if (!firstInstance) return
  // The renderer needs no device permissions (camera, geolocation …): refuse them all.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  // UPLINK_STATE_DIR lets tests and portable installs keep data out of the user's profile.
  try {
    services = await createServices({ userDataDir: process.env.UPLINK_STATE_DIR ?? app.getPath('userData'), host: 'electron', version: app.getVersion(), pdfPrinter: printToPdf })
  } catch (err) {
    dialog.showErrorBox('Uplink could not start', `Its data folder could not be opened: ${err instanceof Error ? err.message : String(err)}\n\nCheck that the folder is writable, then start Uplink again.`)
    app.exit(1)
    return
  }
  services.onBroadcast((event, payload) => {
    for (const w of BrowserWindow.getAllWindows()) if (!w.webContents.isDestroyed()) w.webContents.send(event, payload)
  })
  bindIpcMain(ipcMain, createHandlers(services), (frame) => isTrustedSender(frame, { rendererFile, devServerUrl }))
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

let quitting = false
app.on('before-quit', (e) => {
  // Log out of every router before leaving, once.
  if (quitting || !services) return
  e.preventDefault()
  quitting = true
  void services.close().catch(() => undefined).finally(() => app.quit())
})
