#!/usr/bin/env node
// `npm start [-- --port N] [--no-build]`: build, then launch Electron, fetching its binary first
// where it is missing. Where it cannot be had (the fetch fails, gets no answer for
// UPLINK_ELECTRON_FETCH_TIMEOUT_MS, 5 s by default, or ELECTRON_SKIP_BINARY_DOWNLOAD is set),
// say why in one line and start the browser host instead (it prints the URL to open; --port is
// its port). UPLINK_ELECTRON_INSTALL_SCRIPT replaces Electron's install script, for the tests.
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { electronBinary, fetchElectronBinary } from './electron-binary.cjs'

const root = join(import.meta.dirname, '..')
const INSTEAD = 'so Uplink starts in your browser instead (the browser host).'

/** The options after `npm start --`; anything else ends with a usage line. */
function options() {
  try {
    const { values } = parseArgs({ options: { port: { type: 'string' }, 'no-build': { type: 'boolean' } } })
    if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) throw new Error(`--port takes a number, not "${values.port}"`)
    return values
  } catch (err) {
    process.stderr.write(`${err.message}\nUsage: npm start [-- --port N] [--no-build]\n`)
    process.exit(2)
  }
}

/** Whether the environment asks for no Electron download (CI sets it). */
function skipDownload() {
  return !['', '0', 'false'].includes(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '')
}

/** The Electron binary, fetched first where it is missing; undefined (said in one line) where it cannot be had. */
async function electronOrWhyNot() {
  const installed = electronBinary()
  if (installed) return installed
  if (skipDownload()) return void process.stderr.write(`No Electron binary is installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set, ${INSTEAD}\n`)
  process.stderr.write('Fetching the Electron binary (first start only)... ')
  const stallMs = Number(process.env.UPLINK_ELECTRON_FETCH_TIMEOUT_MS) || 5000
  const failed = await fetchElectronBinary({ stallMs, installScript: process.env.UPLINK_ELECTRON_INSTALL_SCRIPT || undefined })
  const exe = failed ? undefined : electronBinary()
  process.stderr.write(exe ? 'done.\n' : `failed: ${failed ?? 'the install script ended without a binary'}, ${INSTEAD}\n`)
  return exe
}

const opts = options()
if (!opts['no-build']) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}
const exe = await electronOrWhyNot()
const [cmd, args] = exe ? [exe, [root]] : [process.execPath, [join(root, 'out/main/cli.js'), 'web', ...(opts.port ? ['--port', opts.port] : [])]]
const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
