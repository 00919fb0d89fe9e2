/**
 * `uplink wan|config|poe|gpio|ap|api …`: the rest of the router, as in the app's Device section.
 */
import type { Command } from 'commander'
import { setPoe } from '../../workflows/poe'
import { saveWanSettings, type AllowanceSettings, type WanSettings } from '../../workflows/wan-settings'
import { table } from '../output'
import { connOption, intOption, simOption, withClient } from '../run-with-client'
import { UsageError } from '../exit-codes'

const ACTIONS = ['email', 'disconnect', 'restrict'] as const

/** --allowance / --allowance-start / --allowance-action as an allowance monitor, or undefined. */
function allowanceOption(opts: Record<string, unknown>): AllowanceSettings | undefined {
  const { allowance, allowanceStart, allowanceAction } = opts
  if (allowance === undefined && allowanceStart === undefined && allowanceAction === undefined) return undefined
  if (allowance === 'off') {
    if (allowanceStart !== undefined || allowanceAction !== undefined) throw new UsageError('--allowance off takes no --allowance-start or --allowance-action.')
    return { enable: false }
  }
  const action = allowanceAction === undefined ? undefined : String(allowanceAction) === 'none' ? [] : String(allowanceAction).split(',').map((a) => a.trim())
  const wrong = action?.find((a) => !(ACTIONS as readonly string[]).includes(a))
  if (wrong !== undefined) throw new UsageError(`--allowance-action: "${wrong}" is not one of email, disconnect, restrict (or "none").`)
  return {
    enable: true,
    ...(allowance !== undefined ? { monthlyMb: intOption(allowance, '--allowance') } : {}),
    ...(allowanceStart !== undefined ? { start: intOption(allowanceStart, '--allowance-start') } : {}),
    ...(action ? { action: action as AllowanceSettings['action'] } : {}),
  }
}

const list = (v: unknown, name: string) => String(v ?? '').split(',').filter(Boolean).map((x) => intOption(x.trim(), name))

/** Adds the Device-section commands. */
export function registerDeviceCommands(program: Command): void {
  const wan = program.command('wan').description('WAN priority and settings (config.wan.connection)')
  wan
    .command('priority')
    .description('set the WAN order, e.g. --order 2,1,3 (first = priority 1); saved as pending unless --now')
    .requiredOption('--order <ids>', 'WAN ids in priority order')
    .option('--now', 'apply immediately (instantActive)')
    .action(withClient(async ({ client, out, opts, signal }) => {
      const ids = list(opts.order, '--order')
      const entries = await client.api.setWanPriority({ list: ids.map((connId, i) => ({ connId, priority: i + 1 })), ...(opts.now ? { instantActive: true } : {}) }, { signal })
      out.result(entries, () => `${table(['ID', 'NAME', 'PRIORITY', 'ENABLED'], entries.map((e) => [e.id, e.name, e.priority, e.enable ? 'yes' : 'no']))}\n${opts.now ? 'Applied.' : 'Saved as pending: run "uplink config apply" to use it.'}`)
    }))
  wan
    .command('set')
    .description('change WAN settings (saved as pending; then "uplink config apply")')
    .requiredOption('--conn <n>', 'WAN id')
    .option('--name <name>', 'WAN name')
    .option('--enable', 'enable the WAN')
    .option('--disable', 'disable the WAN')
    .option('--mtu <bytes>', 'MTU (576-9000 depending on the connection), or "auto"')
    .option('--apn <apn>', 'APN for --sim (SIM 1 when --sim is not given)')
    .option('--sim <1|2|A|B>', 'the SIM that --apn and the --allowance options apply to (cellular WANs)')
    .option('--allowance <MB|off>', 'monthly allowance monitor in MB, or "off"; per SIM on a cellular WAN (with --sim)')
    .option('--allowance-start <day>', 'day the allowance cycle starts, 0-28 (0 = last day of the month)')
    .option('--allowance-action <list>', 'what happens when it is used up: email,disconnect,restrict (or "none")')
    .action(withClient(async ({ client, out, opts, signal }) => {
      if (opts.enable && opts.disable) throw new UsageError('Use either --enable or --disable.')
      const simId = opts.sim === undefined ? undefined : simOption(opts.sim)
      const allowance = allowanceOption(opts)
      const sim = {
        ...(opts.apn !== undefined ? { apn: String(opts.apn) } : {}),
        ...(allowance && simId !== undefined ? { allowance } : {}),
      }
      const settings: WanSettings = {
        id: connOption(opts.conn),
        ...(opts.name !== undefined ? { name: String(opts.name) } : {}),
        ...(opts.enable ? { enable: true } : opts.disable ? { enable: false } : {}),
        ...(opts.mtu !== undefined ? { mtu: opts.mtu === 'auto' ? null : intOption(opts.mtu, '--mtu') } : {}),
        ...(allowance && simId === undefined ? { allowance } : {}),
        ...(Object.keys(sim).length ? { sims: [{ id: simId ?? 1, ...sim }] } : {}),
      }
      const { config, notice } = await saveWanSettings(client, settings, signal)
      out.result(config, () => `Saved as pending: run "uplink config apply" to use it.${notice ? `\n${notice}` : ''}`)
    }))
  const config = program.command('config').description('pending configuration')
  config.command('apply').description('apply pending changes').action(withClient(async ({ client, out, signal }) => {
    const r = await client.api.applyConfig({}, { signal })
    out.result(r, () => (r.warning ? `Applied. The router warns: ${r.warning}` : 'Applied.'))
  }))
  config.command('discard').description('discard pending changes').action(withClient(async ({ client, out, signal }) => {
    await client.api.discardConfig({}, { signal })
    out.result({ discarded: true }, () => 'Discarded.')
  }))
  for (const on of [true, false]) {
    program
      .command(on ? 'poe-on' : 'poe-off')
      .description(`${on ? 'enable' : 'disable'} PoE on ports (a powered device ${on ? 'gets' : 'loses'} power)`)
      .requiredOption('--port <ids>', 'port ids, e.g. 1,2')
      .option('--module-type <type>', 'module type on modular devices')
      .option('--module-id <id>', 'module id on modular devices')
      .action(withClient(async ({ client, out, opts, signal }) => {
        const ports = list(opts.port, '--port').map((id) => (opts.moduleType ? { id, moduleType: String(opts.moduleType), moduleId: intOption(opts.moduleId, '--module-id') } : id))
        const { summary } = await setPoe(client, on, ports, { signal })
        out.result({ ports, enabled: on }, () => summary)
      }))
  }
  const gpio = program.command('gpio').description('GPIO pins')
  gpio.command('show').action(withClient(async ({ client, out, signal }) => {
    const g = await client.api.gpio({ list: [], reference: true }, { signal })
    out.result(g, () => table(['ID', 'NAME', 'ENABLED', 'TYPE', 'MODE', 'DELAY', 'SUPPORTS'], g.pins.map((p) => [p.id, p.name, p.enable ? 'yes' : 'no', p.type, p.mode, p.delay, (p.supportedTypes ?? []).join(' ')])))
  }))
  gpio
    .command('set')
    .requiredOption('--id <n>', 'pin id')
    .option('--type <type>', 'digital_input | digital_output | analog_input')
    .option('--mode <mode>', 'mode for the type')
    .option('--delay <s>', 'delay for input types (1-3600)')
    .option('--enable', 'enable the pin')
    .option('--disable', 'disable the pin')
    .action(withClient(async ({ client, out, opts, signal }) => {
      const change = {
        id: intOption(opts.id, '--id'),
        ...(opts.type ? { type: String(opts.type) as 'digital_input' } : {}),
        ...(opts.mode ? { mode: String(opts.mode) } : {}),
        ...(opts.delay !== undefined ? { delay: intOption(opts.delay, '--delay') } : {}),
        ...(opts.enable ? { enable: true } : opts.disable ? { enable: false } : {}),
      }
      const g = await client.api.gpio({ list: [change] }, { signal })
      out.result(g, () => 'Saved as pending: run "uplink config apply" to use it.')
    }))
  program
    .command('ap')
    .description('the access point: show, on or off')
    .argument('[state]', 'on | off (omit to show)')
    .action(withClient(async ({ client, out, signal }, state) => {
      if (state !== undefined && state !== 'on' && state !== 'off') throw new UsageError('ap takes "on" or "off".')
      const r = state === undefined ? await client.api.accessPoint({}, { signal }) : await client.api.setAccessPoint({ enable: state === 'on' }, { signal })
      out.result(r, () => (!r.support ? 'This router has no access point.' : `Access point is ${r.enable ? 'on' : 'off'}.`))
    }))
  const api = program.command('api').description('API access administration (admin login only)')
  api.command('clients').action(withClient(async ({ client, out, signal }) => {
    const c = await client.api.listAuthClients({}, { signal })
    out.result(c, () => table(['CLIENT ID', 'NAME', 'SCOPE'], c.map((x) => [x.clientId, x.name, x.scope])))
  }))
  api
    .command('create')
    .requiredOption('--name <name>', 'client name')
    .option('--read-only', 'read-only scope (api.read-only)')
    .action(withClient(async ({ client, out, opts, signal }) => {
      const c = await client.api.changeAuthClient({ action: 'add', name: String(opts.name), scope: opts.readOnly ? 'api.read-only' : 'api' }, { signal })
      if (!c) throw new UsageError('The router returned no client.')
      out.result(c, () => `Created ${c.clientId} (${c.scope}).\nSecret (shown once; store it now): ${c.clientSecret}`)
    }))
  api
    .command('remove')
    .requiredOption('--client-id-to-remove <id>', 'client id')
    .action(withClient(async ({ client, out, opts, signal }) => {
      await client.api.changeAuthClient({ action: 'remove', clientId: String(opts.clientIdToRemove) }, { signal })
      out.result({ removed: true }, () => 'Removed.')
    }))
}
