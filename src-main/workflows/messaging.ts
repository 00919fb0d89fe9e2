/**
 * USSD and SMS. The inbox is grouped into conversations by sender, multipart parts joined
 * in order, newest first; messages this app sent are merged in (the router keeps no outbox).
 */
import type { RouterClient } from '../peplink/client'
import { sendUssd } from '../peplink/features'
import type { SmsMessage } from '../peplink/model'
import { requireCellular } from './wan'
import { simName, type WorkflowOptions } from './types'

export interface UssdResult {
  code: string
  /** The SIM that sent the code and got the answer (the one in use when none was asked for). */
  simId?: 1 | 2
  /** Whether that SIM is the one carrying the WAN; undefined when the router did not say. */
  simInUse?: boolean
  reply: string
  at: string
}

/** Sends a USSD code (validated: only 0-9 * #) and returns the router's answer, saying which SIM answered. */
export async function sendUssdCode(client: RouterClient, params: { connId: number; simId?: 1 | 2; code: string }, opts: WorkflowOptions = {}): Promise<UssdResult> {
  const wan = await requireCellular(client, params.connId, 'USSD', opts.signal)
  const active = wan.cellular?.activeSimId
  const simId = params.simId ?? (active === 1 || active === 2 ? active : undefined)
  opts.onProgress?.({ step: 'send', message: `Sending ${params.code}${simId ? ` on ${simName(simId)}` : ''}; the network's answer can take up to a minute.` })
  const reply = await sendUssd(client, { connId: params.connId, simId: params.simId, ussd: params.code }, { signal: opts.signal })
  return {
    code: params.code, ...(simId ? { simId } : {}), ...(simId && active !== undefined ? { simInUse: simId === active } : {}),
    reply: reply.message, at: new Date().toISOString(),
  }
}

export interface ConversationMessage {
  /** Router message ids (several for a multipart message); empty for messages sent here. */
  ids: number[]
  direction: 'in' | 'out'
  text: string
  date?: string
  /** Seconds since the epoch, as the router reports. */
  timestamp?: number
  parts: number
}

export interface Conversation {
  peer: string
  messages: ConversationMessage[]
  /** Timestamp of the newest message, for ordering. */
  latest: number
}

export interface SentSms {
  address: string
  text: string
  timestamp: number
}

/** Groups an inbox (plus sent messages) into conversations, newest conversation first. */
export function buildConversations(inbox: SmsMessage[], sent: SentSms[] = []): Conversation[] {
  const byPeer = new Map<string, ConversationMessage[]>()
  const add = (peer: string, m: ConversationMessage) => byPeer.set(peer, [...(byPeer.get(peer) ?? []), m])
  // Parts of one multipart message share sender and timestamp; join them in id order.
  const groups = new Map<string, SmsMessage[]>()
  for (const m of inbox) {
    const key = `${m.sender}\u0000${m.timestamp ?? `id${m.id}`}`
    groups.set(key, [...(groups.get(key) ?? []), m])
  }
  for (const parts of groups.values()) {
    parts.sort((a, b) => a.id - b.id)
    const first = parts[0]!
    add(first.sender, { ids: parts.map((p) => p.id), direction: 'in', text: parts.map((p) => p.text).join(''), date: first.date, timestamp: first.timestamp, parts: parts.length })
  }
  for (const s of sent) add(s.address, { ids: [], direction: 'out', text: s.text, timestamp: s.timestamp, date: new Date(s.timestamp * 1000).toISOString(), parts: 1 })
  return [...byPeer.entries()]
    .map(([peer, messages]) => {
      messages.sort((a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0))
      return { peer, messages, latest: messages[0]?.timestamp ?? 0 }
    })
    .sort((a, b) => b.latest - a.latest)
}

/** Reads the inbox of a cellular WAN as conversations. */
export async function readConversations(client: RouterClient, params: { connId: number; sent?: SentSms[] }, opts: WorkflowOptions = {}): Promise<{ simId?: number; conversations: Conversation[] }> {
  const inbox = await client.api.smsInbox({ connId: params.connId }, { signal: opts.signal })
  return { simId: inbox.simId, conversations: buildConversations(inbox.messages, params.sent ?? []) }
}

/** Sends an SMS (address rule checked before sending) and returns what to add to the conversation. */
export async function sendSms(client: RouterClient, params: { connId: number; address: string; text: string }, opts: WorkflowOptions = {}): Promise<SentSms> {
  await client.api.sendSms({ connId: params.connId, address: params.address, content: params.text }, { signal: opts.signal })
  return { address: params.address, text: params.text, timestamp: Math.floor(Date.now() / 1000) }
}

/** A conversation as plain text, for copying or exporting. */
export function conversationText(c: Conversation): string {
  const lines = [`Conversation with ${c.peer}`, '']
  for (const m of [...c.messages].reverse()) {
    const when = m.timestamp ? new Date(m.timestamp * 1000).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : (m.date ?? '')
    lines.push(`[${when}] ${m.direction === 'in' ? c.peer : 'Sent'}: ${m.text}`)
  }
  return lines.join('\n') + '\n'
}
