// The Electron binary, found without require('electron') (which would try to download it):
// ELECTRON_OVERRIDE_DIST_PATH when set, else the file node_modules/electron/path.txt names
// under dist/. Shared by `npm start` and the Electron smoke test. `npm start` also fetches it
// here when it is missing, with Electron's own install script.
const { spawn } = require('node:child_process')
const { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { dirname, join } = require('node:path')

const root = join(__dirname, '..')

/** @returns {string | undefined} the executable's path, or undefined when none is installed */
exports.electronBinary = function electronBinary() {
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (dist) {
    const exe = join(dist, process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron')
    return existsSync(exe) ? exe : undefined
  }
  const pathTxt = join(root, 'node_modules/electron/path.txt')
  if (!existsSync(pathTxt)) return undefined
  const exe = join(root, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim())
  return existsSync(exe) ? exe : undefined
}

/**
 * Runs Electron's install script (node_modules/electron/install.js downloads the binary, or
 * takes it from the download cache, and unpacks it into dist/). Resolves to undefined once it
 * succeeds, else to a short reason. The download has no progress output of its own, so its
 * progress is the bytes written to a temporary folder of its own and to dist/: when these stop
 * changing for `stallMs` the fetch has no answer, and it is stopped.
 * @param {{ stallMs: number, installScript?: string }} options
 * @returns {Promise<string | undefined>}
 */
exports.fetchElectronBinary = function fetchElectronBinary({ stallMs, installScript = join(root, 'node_modules/electron/install.js') }) {
  if (!existsSync(installScript)) return Promise.resolve('the electron package is not installed; run npm install')
  const tmp = mkdtempSync(join(tmpdir(), 'uplink-electron-fetch-'))
  const watched = [tmp, join(dirname(installScript), 'dist')]
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installScript], { env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const collect = (/** @type {Buffer} */ d) => (output = (output + d).slice(-8000))
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    let bytes = -1
    let lastChange = Date.now()
    let stalled = false
    const watch = setInterval(() => {
      const now = watched.reduce((n, dir) => n + bytesUnder(dir), 0)
      if (now !== bytes) [bytes, lastChange] = [now, Date.now()]
      else if (Date.now() - lastChange >= stallMs && !stalled) {
        stalled = true
        child.kill('SIGKILL')
      }
    }, Math.max(20, Math.min(250, stallMs / 4)))
    const done = (/** @type {string | undefined} */ reason) => {
      clearInterval(watch)
      rmSync(tmp, { recursive: true, force: true })
      resolve(reason)
    }
    child.on('error', (err) => done(err.message))
    child.on('close', (code) => {
      if (stalled) done(`the download got no answer for ${stallMs / 1000} s`)
      else done(code === 0 ? undefined : errorLine(output) ?? `the install script ended with code ${code}`)
    })
  })
}

/** Total size of the files under dir, 0 where there is none. */
function bytesUnder(/** @type {string} */ dir) {
  let total = 0
  try {
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += statSync(join(e.parentPath ?? e.path, e.name)).size
  } catch {
    // not there yet, or changing under us: either way the total differs, which is progress
  }
  return total
}

/** The message of the first error the install script printed (its stack's first line). */
function errorLine(/** @type {string} */ output) {
  const line = output.split('\n').find((l) => /^\w*Error\b.*: /.test(l.trim()))
  const message = line?.trim().replace(/^\w*Error\b[^:]*: /, '').replace(/\.$/, '')
  // fetch() says only this for every network failure (no DNS, refused, reset, TLS).
  return message === 'fetch failed' ? 'the download server could not be reached (fetch failed)' : message
}
