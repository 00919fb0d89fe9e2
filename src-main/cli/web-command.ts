/**
 * `uplink web`: the browser host. Serves the built renderer and the same IPC handlers as the
 * Electron window on 127.0.0.1, and prints the URL to open (it carries a per-launch token).
 */
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import type { Command } from 'commander'
import { createServices } from '../services'
import { createHandlers } from '../ipc/handlers'
import { startWebHost } from '../ipc/web-host'
import { userDataDir } from '../paths'
import { intOption } from './run-with-client'

/** Finds the built renderer next to the built main bundle (out/main -> out/renderer). */
export function rendererDir(): string {
  for (const dir of [join(__dirname, '../renderer'), join(__dirname, '../../out/renderer')]) if (existsSync(join(dir, 'index.html'))) return dir
  throw new Error('The renderer is not built. Run "npm run build" first.')
}

/** The app icon next to the build (out/main -> resources), if it is there. */
export function iconFile(): string | undefined {
  return [join(__dirname, '../../resources/icon.png'), join(__dirname, '../resources/icon.png')].find((f) => existsSync(f))
}

/** Adds the `web` command. */
export function registerWebCommand(program: Command): void {
  program
    .command('web')
    .description('serve the app to a browser on this machine (the browser host)')
    .option('--port <port>', 'port on 127.0.0.1 (0 picks a free one)', '0')
    .option('--state-dir <dir>', "folder for saved devices (default: the app's user-data folder)")
    .action(async (_o: unknown, cmd: Command) => {
      // --state-dir is also a global option, which commander gives to the root program.
      const o = cmd.optsWithGlobals<{ port: string; stateDir?: string }>()
      const port = intOption(o.port, '--port', [0, 65535])
      const services = await createServices({ userDataDir: o.stateDir ?? userDataDir(), host: 'browser', version: process.env.npm_package_version ?? '0.1.0' })
      const host = await startWebHost({
        handlers: createHandlers(services),
        rendererDir: rendererDir(),
        iconFile: iconFile(),
        port,
        onClientGone: (clientId) => services.watches.stopWhere((w) => w.owner === clientId),
        onBroadcast: (listener) => services.onBroadcast(listener),
      })
      if (!services.vault.status.keychain) process.stderr.write(`Note: ${services.vault.status.reason}\n`)
      process.stdout.write(`Uplink is running in your browser at:\n  ${host.launchUrl}\nPress Ctrl+C to stop.\n`)
      const stop = () => void Promise.allSettled([services.close(), host.close()]).then(() => process.exit(0))
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
}
