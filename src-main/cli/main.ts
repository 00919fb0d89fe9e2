/**
 * The `uplink` command line. Every command uses the same services as the app.
 */
import { Command } from 'commander'
import { registerEmulatorCommand } from './emulator-command'
import { registerWebCommand } from './web-command'

/** Builds the command tree; exported so tests can run it in-process. */
export function buildProgram(): Command {
  const program = new Command('uplink')
    .description('Uplink: discover, inspect and fix Peplink / Pepwave routers over their local API.')
    .showHelpAfterError('(run "uplink --help" for usage)')
  registerEmulatorCommand(program)
  registerWebCommand(program)
  return program
}

/** Runs the CLI with the given argv; resolves with the exit code. */
export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv)
    return 0
  } catch (err) {
    process.stderr.write(`uplink: ${err instanceof Error ? err.message : String(err)}\n`)
    return 1
  }
}
