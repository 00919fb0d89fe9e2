#!/usr/bin/env node
// `npm start`: build, then launch Electron; where no Electron binary is installed, say so in
// one line and start the browser host instead (it prints the URL to open).
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { electronBinary } from './electron-binary.cjs'

const root = join(import.meta.dirname, '..')

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
