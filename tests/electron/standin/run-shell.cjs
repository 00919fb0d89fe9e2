/**
 * Runs the BUILT Electron shell (out/main/index.js) or preload (out/preload/index.js) under
 * plain Node with the stand-in `electron` module, drives it the way Electron would, and prints
 * what it saw as one JSON line. Scenario in argv[2]: "main", "second" or "preload".
 * The router to reach is given by UPLINK_TEST_ROUTER (host:port), its login by UPLINK_TEST_PASSWORD.
 */
const path = require('node:path')
const { pathToFileURL } = require('node:url')
const { createFake, install } = require('./fake-electron.cjs')

const root = path.join(__dirname, '../../..')
const scenario = process.argv[2]

async function until(check, what) {
  for (let i = 0; i < 2000; i++) {
    if (check()) return
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error(`timed out waiting for ${what}`)
}

async function main() {
  const fake = createFake({ stateDir: process.env.UPLINK_STATE_DIR, singleInstance: scenario !== 'second' })
  install(fake.electron)
  if (scenario === 'preload') {
    require(path.join(root, 'out/preload/index.js'))
    const api = fake.record.exposed.uplink
    const unknown = await api.invoke('fs:readFile', {})
    const known = await api.invoke('devices:list', {})
    let badEvent
    try { api.on('no:such-event', () => {}) } catch (err) { badEvent = err.message }
    const off = api.on('signal:sample', () => {})
    const listening = fake.record.rendererListeners.has('signal:sample')
    off()
    return { exposed: Object.keys(fake.record.exposed), keys: Object.keys(api).sort(), unknown, known, invoked: fake.record.invoked, badEvent, listening, removed: !fake.record.rendererListeners.has('signal:sample') }
  }
  require(path.join(root, 'out/main/index.js'))
  fake.ready()
  if (scenario === 'second') {
    // Let the ready handler run to its end: it must create nothing.
    await fake.app.whenReady()
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r))
    return { quits: fake.record.quits, windows: fake.record.windows.length, handlers: fake.record.handlers.size }
  }
  await until(() => fake.record.windows.length > 0 && fake.record.handlers.size > 0, 'the window and the IPC handlers')
  const win = fake.record.windows[0]
  const call = (channel, payload, frame) => fake.record.handlers.get(channel)({ senderFrame: frame, sender: { id: win.webContents.id, send() {}, isDestroyed: () => false } }, payload)
  const trusted = { url: pathToFileURL(path.join(root, 'out/renderer/index.html')).href, parent: null }
  const out = {
    webPreferences: win.options.webPreferences,
    loaded: win.loaded,
    channels: [...fake.record.handlers.keys()],
    untrusted: await call('devices:list', {}, { url: 'https://evil.example/', parent: null }),
    subframe: await call('devices:list', {}, { ...trusted, parent: {} }),
    noFrame: await call('devices:list', {}, null),
  }
  // The app's own page reaches the services, and through them the router.
  const [host, port] = process.env.UPLINK_TEST_ROUTER.split(':')
  const added = await call('devices:add', { name: 'Shell check', host, port: Number(port), scheme: 'https', authMethod: 'admin', username: 'admin' }, trusted)
  const probe = await call('devices:probe', { id: added.data.id }, trusted)
  out.probe = probe.ok ? probe.data.fingerprint256 : probe
  await call('devices:trust', { id: added.data.id, fingerprint256: probe.data.fingerprint256 }, trusted)
  const connect = await call('session:connect', { deviceId: added.data.id, secret: process.env.UPLINK_TEST_PASSWORD }, trusted)
  out.connect = connect.ok ? connect.data.status : connect
  // Permissions: refused, asked or checked.
  out.permissionRequest = await new Promise((r) => fake.record.permissionRequest({}, 'geolocation', r))
  out.permissionCheck = fake.record.permissionCheck({}, 'camera')
  // Web contents may not open windows or navigate away.
  out.windowOpen = win.webContents.windowOpenHandler({ url: 'https://example.invalid/' }).action
  const nav = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true } }
  win.webContents.emit('will-navigate', nav)
  out.navigationPrevented = nav.defaultPrevented
  // A second start focuses this window.
  fake.app.emit('second-instance')
  out.focusedOnSecond = win.focused === 1
  // Quitting logs out of the routers first.
  const done = new Promise((r) => fake.app.once('quit-done', r))
  fake.app.quit()
  await done
  out.quits = fake.record.quits
  return out
}

main().then(
  (out) => {
    process.stdout.write(`${JSON.stringify(out)}\n`)
    process.exit(0)
  },
  (err) => {
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`)
    process.exit(1)
  },
)
