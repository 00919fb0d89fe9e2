/**
 * `uplink ussd …` and `uplink sms list|send`.
 */
import type { Command } from 'commander'
import { readConversations, sendSms, sendUssdCode } from '../../workflows/messaging'
import { table } from '../output'
import { connOption, simOption, waitOptions, withClient } from '../run-with-client'

/** Adds `ussd` and `sms`. */
export function registerMessagingCommands(program: Command): void {
  program
    .command('ussd')
    .description('send a USSD code (digits, * and # only) and print the answer')
    .argument('<code>', 'e.g. *100#')
    .requiredOption('--conn <n>', 'cellular WAN id')
    .option('--sim <1|2>', 'SIM to use (default: the active one)')
    .action(withClient(async (ctx, code) => {
      const { client, out, opts, signal } = ctx
      const r = await sendUssdCode(client, { connId: connOption(opts.conn), simId: opts.sim ? simOption(opts.sim) : undefined, code: code! }, waitOptions(ctx))
      out.result(r, () => r.reply)
    }))
  const sms = program.command('sms').description('SMS inbox and sending')
  sms
    .command('list')
    .requiredOption('--conn <n>', 'cellular WAN id')
    .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
      const r = await readConversations(client, { connId: connOption(opts.conn) }, { signal })
      out.result(r, () => table(['FROM', 'DATE', 'PARTS', 'TEXT'], r.conversations.flatMap((c) => c.messages.map((m) => [c.peer, m.date, m.parts, m.text.replace(/\s+/g, ' ')]))))
    }))
  sms
    .command('send')
    .argument('<text>', 'message text')
    .requiredOption('--to <+address>', 'recipient: + then 2 to 15 digits, the first not 0')
    .option('--conn <n>', 'cellular WAN id')
    .action(withClient(async (ctx, text) => {
      const { client, out, opts, signal } = ctx
      const connId = opts.conn === undefined ? undefined : connOption(opts.conn)
      const r = connId === undefined
        ? (await client.api.sendSms({ address: String(opts.to), content: text! }, { signal }), { address: String(opts.to), text: text!, timestamp: Math.floor(Date.now() / 1000) })
        : await sendSms(client, { connId, address: String(opts.to), text: text! }, { signal })
      out.result(r, () => `Sent to ${r.address}.`)
    }))
}
