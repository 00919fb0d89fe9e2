/**
 * `uplink carrier|pci|sim|module …`: the cellular workflows from the command line.
 */
import type { Command } from 'commander'
import { scanCarriers, selectCarrier } from '../../workflows/carrier'
import { lockChannelPci, scanChannelPci } from '../../workflows/pci'
import { getSimSlots, moduleAction, switchSims } from '../../workflows/sim'
import { table } from '../output'
import { connOption, intOption, printOutcome, simOption, waitOptions, withClient } from '../run-with-client'
import { UsageError } from '../exit-codes'

/** Adds `carrier`, `pci`, `sim` and `module`. */
export function registerCellularCommands(program: Command): void {
  const carrier = program.command('carrier').description('carrier scan and selection on a cellular WAN')
  carrier
    .command('scan')
    .description('scan for carriers (the cellular link may drop meanwhile)')
    .requiredOption('--conn <n>', 'cellular WAN id')
    .option('--wait', 'wait until the scan finishes (default: report what is known now)')
    .option('--wait-seconds <s>', 'how long --wait may take', '180')
    .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
      const r = await scanCarriers(client, { connId: connOption(opts.conn) }, { ...waitOptions(ctx), timeoutMs: opts.wait ? intOption(opts.waitSeconds, '--wait-seconds') * 1000 : 0 })
      out.result(r, () => `${r.summary}\n` + table(['NAME', 'TYPE', 'MCC-MNC', 'PCS', ''], r.carriers.map((c) => [c.name, c.mobileType, `${c.mcc}-${c.mnc}`, c.pcs, [c.inUse ? 'in use' : '', c.selected ? 'selected' : ''].filter(Boolean).join(', ')])))
    }))
  carrier
    .command('select')
    .description('select a carrier (or --auto) and verify the WAN comes back on it')
    .requiredOption('--conn <n>', 'cellular WAN id')
    .option('--mcc <mcc>', 'mobile country code (3 digits)')
    .option('--mnc <mnc>', 'mobile network code')
    .option('--pcs <0|1>', 'PCS flag from the scan', '0')
    .option('--name <name>', 'carrier name (for the record)')
    .option('--sim <1|2>', 'which SIM the selection applies to')
    .option('--auto', 'return to automatic carrier selection')
    .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
      if (!opts.auto && (!opts.mcc || !opts.mnc)) throw new UsageError('carrier select needs --mcc and --mnc (from "carrier scan"), or --auto.')
      const choice = opts.auto ? null : { mcc: String(opts.mcc), mnc: String(opts.mnc), pcs: intOption(opts.pcs, '--pcs', [0, 1]), name: opts.name as string | undefined }
      const r = await selectCarrier(client, { connId: connOption(opts.conn), simId: opts.sim ? simOption(opts.sim) : undefined, carrier: choice }, waitOptions(ctx))
      printOutcome(out, r)
    }))

  const pci = program.command('pci').description('LTE channel / PCI scan and lock')
  pci
    .command('scan')
    .requiredOption('--conn <n>', 'cellular WAN id')
    .option('--wait', 'wait until the scan finishes')
    .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
      const r = await scanChannelPci(client, { connId: connOption(opts.conn) }, { ...waitOptions(ctx), timeoutMs: opts.wait ? 180_000 : 0 })
      out.result(r, () => `${r.summary}\n` + table(['PCI', 'EARFCN', 'CELL ID', 'PLMN', ''], r.cells.map((c) => [c.pci, c.earfcn, c.cellUtranId, c.plmn.map((p) => `${p.mcc}-${p.mnc}`).join(' '), c.serving ? 'serving' : ''])))
    }))
  pci
    .command('lock')
    .requiredOption('--conn <n>', 'cellular WAN id')
    .requiredOption('--sim <1|2>', 'SIM to lock')
    .requiredOption('--channel <earfcn>', 'channel (EARFCN)')
    .option('--pci <pci>', 'cell (PCI); required from firmware 8.5.0')
    .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
      const lock = { channel: intOption(opts.channel, '--channel'), pci: opts.pci === undefined ? undefined : intOption(opts.pci, '--pci') }
      const r = await lockChannelPci(client, { connId: connOption(opts.conn), simId: simOption(opts.sim), lock }, waitOptions(ctx))
      if (r.warning) out.notice(`Note: ${r.warning}`)
      printOutcome(out, r)
    }))
  pci
    .command('clear')
    .requiredOption('--conn <n>', 'cellular WAN id')
    .requiredOption('--sim <1|2>', 'SIM whose lock to clear')
    .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
      const r = await lockChannelPci(client, { connId: connOption(opts.conn), simId: simOption(opts.sim), lock: null }, waitOptions(ctx))
      printOutcome(out, r)
    }))

  const sim = program.command('sim').description('SIM slots: show, enable and prefer')
  sim
    .command('show')
    .requiredOption('--conn <n>', 'cellular WAN id')
    .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
      const r = await getSimSlots(client, connOption(opts.conn), { signal })
      out.result(r, () => table(['SLOT', 'DETECTED', 'ACTIVE', 'ENABLED', 'PREFERRED', 'CARRIER', 'ICCID', 'APN'], r.slots.map((s) => [s.id === 1 ? 'A' : 'B', s.detected ? 'yes' : 'no', s.active ? 'yes' : '', s.enabled ? 'yes' : 'no', s.preferred ? 'yes' : '', s.carrier, s.iccid, s.apn])))
    }))
  sim
    .command('set')
    .requiredOption('--conn <n>', 'cellular WAN id')
    .option('--enabled <list>', 'SIMs to enable, e.g. 1,2')
    .option('--preferred <1|2|none>', 'preferred SIM')
    .option('--priority <list>', 'SIM priority order, e.g. 2,1 (firmware 8.3.0+ style)')
    .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
      let enabledSim: (1 | 2)[]
      let preferredSim: 1 | 2 | null
      if (opts.priority !== undefined) {
        if (opts.enabled !== undefined || opts.preferred !== undefined) throw new UsageError('Use either --priority, or --enabled with --preferred.')
        enabledSim = String(opts.priority).split(',').filter(Boolean).map((s) => simOption(s.trim(), '--priority'))
        preferredSim = enabledSim[0] ?? null
      } else {
        if (opts.enabled === undefined) throw new UsageError('sim set needs --enabled 1,2 (with optional --preferred) or --priority 2,1.')
        enabledSim = String(opts.enabled).split(',').filter(Boolean).map((s) => simOption(s.trim(), '--enabled'))
        preferredSim = opts.preferred === undefined || opts.preferred === 'none' ? null : simOption(opts.preferred, '--preferred')
      }
      if (enabledSim.length === 0) throw new UsageError('Enable at least one SIM: a cellular WAN with no SIM enabled has no service.')
      const r = await switchSims(client, { connId: connOption(opts.conn), enabledSim, preferredSim }, waitOptions(ctx))
      printOutcome(out, r)
    }))

  const mod = program.command('module').description('cellular module actions')
  for (const [name, action, what] of [['reset', 'reset', 'reset the cellular module (the link drops for tens of seconds)'], ['rescan', 'rescan', 'rescan the cellular network']] as const) {
    mod
      .command(name)
      .description(what)
      .requiredOption('--conn <n>', 'cellular WAN id')
      .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
        const r = await moduleAction(client, { connId: connOption(opts.conn), action }, waitOptions(ctx))
        printOutcome(out, r)
      }))
  }
}
