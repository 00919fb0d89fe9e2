/**
 * The `uplink` command line. Every command uses the same services as the app; exit codes
 * and --json output are stable for scripts (see exit-codes.ts).
 */
import { Command, CommanderError } from 'commander'
import { redact } from '../peplink/errors'
import { DeviceError } from '../peplink/errors'
import { addGlobalOptions } from './connection'
import { exitCodeFor, EXIT } from './exit-codes'
import { registerEmulatorCommand } from './emulator-command'
import { registerWebCommand } from './web-command'
import { registerRouterCommands } from './router-commands'
import { registerDiscoverCommand } from './discover-command'

/** Builds the command tree; exported so tests can run it in-process. */
export function buildProgram(): Command {
  const program = new Command('uplink')
    .description('Uplink: discover, inspect and fix Peplink / Pepwave routers over their local API.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run "uplink --help" for usage)')
  addGlobalOptions(program)
  registerDiscoverCommand(program)
  registerRouterCommands(program)
  registerEmulatorCommand(program)
  registerWebCommand(program)
  return program
}

/** Runs the CLI with the given argv; resolves with the exit code. */
export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv)
    return EXIT.ok
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; anything else commander reports is a usage error.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    let message = err instanceof Error ? err.message : String(err)
    if (err instanceof DeviceError && err.code !== undefined && !message.includes(`code ${err.code}`)) message += ` (code ${err.code})`
    process.stderr.write(`uplink: ${redact(message)}\n`)
    return exitCodeFor(err)
  }
}
