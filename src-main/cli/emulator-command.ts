/**
 * `uplink emulator`: start an emulated router and keep it running until interrupted.
 */
import type { Command } from 'commander'
import { MODEL_DESCRIPTIONS, MODELS, SCENARIO_DESCRIPTIONS, SCENARIOS, startEmulator, type ModelId, type ScenarioName } from '../emulator'
import { UsageError } from './exit-codes'
import { intOption } from './run-with-client'

/** Adds the `emulator` command. */
export function registerEmulatorCommand(program: Command): void {
  program
    .command('emulator')
    .description('start an emulated Peplink router on this machine (for demos, training and tests)')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8443')
    .option('--bind <address>', 'address to listen on', '127.0.0.1')
    .option('--model <model>', `router family to imitate: ${MODELS.join(', ')} ("list" describes each)`, 'br1-pro-5g')
    .option('--firmware <version>', 'firmware whose answers to imitate, e.g. 7.1.1, 8.1.1, 8.5.2', '8.1.1')
    .option('--admin-password <password>', 'admin password (default admin, like a factory-fresh router)')
    .option('--scan-seconds <seconds>', 'how long carrier and channel scans take', '3')
    .option('--state-dir <dir>', 'folder that keeps the emulator certificate so its fingerprint stays stable')
    .option('--http', 'serve plain HTTP instead of HTTPS')
    .option('--scenario <name>', `start in a known condition for training or tests ("list" describes each): ${SCENARIOS.join(', ')}`)
    .action(async (_o: unknown, cmd: Command) => {
      // --state-dir is also a global option, which commander gives to the root program.
      const o = cmd.optsWithGlobals<Record<string, string | boolean | undefined>>()
      if (o.model === 'list' || o.scenario === 'list') {
        process.stdout.write(describeModelsAndScenarios())
        return
      }
      if (!MODELS.includes(o.model as ModelId)) throw new UsageError(`--model must be one of ${MODELS.join(', ')} (--model list describes them).`)
      const port = intOption(o.port, '--port', [0, 65535])
      if (!/^\d+\.\d+(\.\d+)?$/.test(String(o.firmware))) throw new UsageError(`--firmware must be a version like 8.1.1 or 8.5.2 (got "${String(o.firmware)}").`)
      const scanSeconds = Number(o.scanSeconds)
      if (!(Number.isFinite(scanSeconds) && scanSeconds >= 0 && scanSeconds <= 600)) throw new UsageError('--scan-seconds must be a number of seconds from 0 to 600.')
      if (o.scenario !== undefined && !SCENARIOS.includes(o.scenario as ScenarioName)) throw new UsageError(`--scenario must be one of ${SCENARIOS.join(', ')}.`)
      const emu = await startEmulator({
        host: String(o.bind),
        port,
        model: o.model as ModelId,
        firmware: String(o.firmware),
        adminPassword: typeof o.adminPassword === 'string' ? o.adminPassword : undefined,
        scanDurationMs: scanSeconds * 1000,
        stateDir: typeof o.stateDir === 'string' ? o.stateDir : undefined,
        http: o.http === true,
      })
      if (typeof o.scenario === 'string') emu.applyScenario(o.scenario as ScenarioName)
      process.stdout.write(
        [
          `Emulated ${emu.model} (firmware ${emu.firmware}) listening on ${emu.url}${typeof o.scenario === 'string' ? ` in scenario ${o.scenario}` : ''}`,
          `  login:       ${emu.credentials.username} / ${emu.credentials.password}`,
          emu.url.startsWith('https') ? `  certificate: SHA-256 ${emu.fingerprint256}` : '  plain HTTP: no certificate',
          'Press Ctrl+C to stop.',
          '',
        ].join('\n'),
      )
      const stop = () => void emu.close().then(() => process.exit(0))
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
}

/** The models and scenarios, one line each, for `--model list`. */
export function describeModelsAndScenarios(): string {
  const pad = Math.max(...MODELS.map((m) => m.length), ...SCENARIOS.map((x) => x.length)) + 2
  return [
    'Models (--model):',
    ...MODELS.map((m) => `  ${m.padEnd(pad)}${MODEL_DESCRIPTIONS[m].product}: ${MODEL_DESCRIPTIONS[m].summary}`),
    '',
    'Scenarios (--scenario):',
    ...SCENARIOS.map((x) => `  ${x.padEnd(pad)}${SCENARIO_DESCRIPTIONS[x]}`),
    '',
    'Firmware (--firmware): any version from 7.x to 8.5.2; answers take the shape that firmware gives.',
    '',
  ].join('\n')
}
