#!/usr/bin/env node
// `npm start`: build, then launch Electron; where no Electron binary is installed, say so in
// one line and start the browser host instead (it prints the URL to open).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')

/** The Electron binary, found without require('electron') (which would try to download it). */
export function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron'
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, exe)
    return existsSync(p) ? p : undefined
  }
  const pathTxt = join(root, 'node_modules/electron/path.txt')
  if (!existsSync(pathTxt)) return undefined
  const p = join(root, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim())
  return existsSync(p) ? p : undefined
}

if (process.argv[1] === import.meta.filename) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
  const exe = electronBinary()
  const [cmd, args] = exe
    ? [exe, [root]]
    : (process.stderr.write('No Electron binary is installed here, so Uplink starts in your browser instead (the browser host).\n'),
      [process.execPath, [join(root, 'out/main/cli.js'), 'web']])
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
}
