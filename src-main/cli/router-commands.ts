/**
 * Every command that talks to a router, registered in the order of `uplink --help`.
 */
import type { Command } from 'commander'
import { registerStatusCommand } from './commands/status'
import { registerCellularCommands } from './commands/cellular'
import { registerMessagingCommands } from './commands/messaging'
import { registerWifiCommands } from './commands/wifi'
import { registerCallCommand } from './commands/call'
import { registerDeviceCommands } from './commands/device'
import { registerDiagnoseCommand } from './diagnose-command'
import { registerSurveyCommands } from './commands/survey'

/** Adds the router commands to the program. */
export function registerRouterCommands(program: Command): void {
  registerStatusCommand(program)
  registerCellularCommands(program)
  registerMessagingCommands(program)
  registerWifiCommands(program)
  registerDiagnoseCommand(program)
  registerSurveyCommands(program)
  registerDeviceCommands(program)
  registerCallCommand(program)
}
