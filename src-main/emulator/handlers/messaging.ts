/**
 * USSD (cmd.sendUssd, renamed cmd.sim.ussd.send by 8.5.x) and SMS (cmd.sms.get,
 * cmd.sms.sendMessage).
 *
 * USSD choice: the reference only shows `{"message":"Request is sent successfully"}`.
 * The emulator puts the network's answer in `message` for balance-style codes
 * (*100#, *101#, *102#, *111#, *#100#) and the reference text for anything else.
 */
import { ApiFail, cannotDo, invalid, toInt, type Ctx } from '../context'
import { shortDate } from '../event-log'
import type { Json, JsonObject } from '../json'
import type { CellularWan, SimSlot, SmsEntry } from '../state-types'
import { requireCellular, simParam } from './wan-param'

const BALANCE_CODES = ['*100#', '*101#', '*102#', '*111#', '*#100#']

function usableSim(wan: CellularWan, sim: SimSlot): SimSlot {
  if (!sim.detected || wan.cellular.activeSim === null) throw new ApiFail(undefined, 'No SIM card is available')
  return sim
}

/** What the network answers to a USSD code. */
function ussdReply(code: string, sim: SimSlot): string {
  if (!BALANCE_CODES.includes(code)) return 'Request is sent successfully'
  const a = sim.allowance
  const leftGb = Math.max(0, (a.limitMb - a.usageMb) / 1024).toFixed(1)
  return `Balance: HK$48.50, valid until 31/12. Data remaining: ${leftGb} GB of ${(a.limitMb / 1024).toFixed(0)} GB.`
}

/** POST cmd.sendUssd / cmd.sim.ussd.send {connId, simId?, ussd}. */
export function handleUssd(ctx: Ctx): Json {
  const wan = requireCellular(ctx)
  const code = ctx.body.ussd
  if (typeof code !== 'string' || code === '') throw invalid('ussd is required')
  if (!/^[0-9*#]+$/.test(code)) throw invalid('ussd may contain only 0-9, * and #')
  const sim = usableSim(wan, simParam(ctx, wan))
  const reply = ussdReply(code, sim)
  ctx.state.ussd.sent.push({ connId: wan.id, simId: sim.id, ussd: code, reply, timestamp: Math.floor(ctx.now / 1000) })
  return { message: reply }
}

function messageObj(m: SmsEntry): JsonObject {
  // Reference example: length is a string and the text is under `message` (the table says `content`).
  return { id: m.id, date: shortDate(m.timestamp * 1000), timestamp: m.timestamp, length: String(m.text.length), message: m.text }
}

/** GET cmd.sms.get?connId=: the active SIM's inbox grouped by sender, newest sender first. */
export function handleSmsGet(ctx: Ctx): Json {
  const wan = requireCellular(ctx)
  const cs = wan.cellular
  if (cs.activeSim === null) throw new ApiFail(undefined, 'No SIM card is available')
  const inbox = [...cs.sims[cs.activeSim].inbox].sort((a, b) => a.id - b.id)
  const groups = new Map<string, SmsEntry[]>()
  for (const m of inbox) groups.set(m.sender, [...(groups.get(m.sender) ?? []), m])
  const latest = (list: SmsEntry[]): number => Math.max(...list.map((m) => m.timestamp))
  const sms = [...groups.entries()]
    .sort((a, b) => latest(b[1]) - latest(a[1]))
    .map(([sender, list]) => ({ sender, message: list.map(messageObj) }))
  return { connId: wan.id, simId: cs.activeSim, sms }
}

/** POST cmd.sms.sendMessage {connId?, address, content?}; the address is +, then 2–15 digits, no leading 0. */
export function handleSmsSend(ctx: Ctx): undefined {
  let wan: CellularWan
  if (ctx.body.connId === undefined) {
    const first = ctx.state.wans.find((w): w is CellularWan => w.kind === 'cellular')
    if (!first) throw cannotDo()
    wan = first
  } else {
    if (toInt(ctx.body.connId) === null) throw invalid('connId must be a number')
    wan = requireCellular(ctx)
  }
  const address = ctx.body.address
  if (typeof address !== 'string' || !/^\+[1-9]\d{1,14}$/.test(address)) {
    throw invalid('address must begin with + followed by 2 to 15 digits, the first not 0')
  }
  const content = ctx.body.content ?? ''
  if (typeof content !== 'string') throw invalid('content must be a string')
  const cs = wan.cellular
  if (cs.activeSim === null) throw new ApiFail(undefined, 'No SIM card is available')
  ctx.state.sms.sent.push({ connId: wan.id, simId: cs.activeSim, address, content, timestamp: Math.floor(ctx.now / 1000) })
  return undefined
}
