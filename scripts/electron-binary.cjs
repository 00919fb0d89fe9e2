// The Electron binary, found without require('electron') (which would try to download it):
// ELECTRON_OVERRIDE_DIST_PATH when set, else the file node_modules/electron/path.txt names
// under dist/. Shared by `npm start` and the Electron smoke test.
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')

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
