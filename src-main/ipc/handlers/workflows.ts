/**
 * Channels for the cellular, messaging and Wi-Fi workflows. Each runs through Ops, which
 * refuses writes on read-only sessions, streams progress and records the action log.
 */
import type { Services } from '../../services'
import type { Handlers } from '../dispatch'
import { scanCarriers, selectCarrier } from '../../workflows/carrier'
import { lockChannelPci, scanChannelPci } from '../../workflows/pci'
import { getSimSlots, moduleAction, newBillingCycle, switchSims } from '../../workflows/sim'
import { conversationText, readConversations, sendSms, sendUssdCode } from '../../workflows/messaging'
import { connectWifi, disconnectWifi, forgetWifi, scanWifi } from '../../workflows/wifi'
import { AppError } from '../../app-error'
import { normalizeSsidProfileSecrets } from '../../peplink/normalize'

type WorkflowHandlers = Pick<Handlers,
  | 'workflow:cancel' | 'actions:list' | 'cellular:scanCarriers' | 'cellular:selectCarrier' | 'cellular:scanPci' | 'cellular:lockPci'
  | 'sim:slots' | 'sim:set' | 'module:action' | 'billing:newCycle' | 'ussd:send' | 'ussd:history' | 'sms:conversations' | 'sms:send'
  | 'sms:exportText' | 'wifi:scan' | 'wifi:connect' | 'wifi:disconnect' | 'wifi:forget' | 'ssid:list' | 'ssid:update' | 'ssid:revealKey'>

/** Builds the workflow channel handlers. */
export function createWorkflowHandlers(s: Services): WorkflowHandlers {
  const session = (deviceId: string) => s.sessions.get(deviceId)
  const verified = (r: { summary: string; verified: boolean }) => ({ summary: r.summary, verified: r.verified })
  // The WAN's inbox as conversations, with the SMS this app sent on it this session.
  const inbox = (deviceId: string, connId: number) => readConversations(session(deviceId).client, { connId, sent: s.memory.sms(deviceId, connId) })
  return {
    'workflow:cancel': async (r) => ({ cancelled: s.ops.cancel(r.opId) }),
    'actions:list': async (r) => s.actionLog.list(r.deviceId),
    'cellular:scanCarriers': async (r, ctx) =>
      s.ops.run({ session: session(r.deviceId), opId: r.opId, action: 'cmd.carrier.scan', params: { connId: r.connId }, write: !r.resume, emit: ctx.emit,
        run: (c, o) => scanCarriers(c, { connId: r.connId, resume: r.resume }, { ...o, timeoutMs: r.timeoutMs }),
        describe: (x) => ({ summary: x.summary }) }),
    'cellular:selectCarrier': async (r, ctx) =>
      s.ops.run({ session: session(r.deviceId), opId: r.opId, action: 'cmd.carrier.select', params: { connId: r.connId, simId: r.simId, carrier: r.carrier ?? 'automatic' }, write: true, emit: ctx.emit,
        run: (c, o) => selectCarrier(c, { connId: r.connId, simId: r.simId, carrier: r.carrier }, o), describe: verified }),
    'cellular:scanPci': async (r, ctx) =>
      s.ops.run({ session: session(r.deviceId), opId: r.opId, action: 'cmd.channelPci.scan', params: { connId: r.connId }, write: !r.resume, emit: ctx.emit,
        run: (c, o) => scanChannelPci(c, { connId: r.connId, resume: r.resume }, { ...o, timeoutMs: r.timeoutMs }),
        describe: (x) => ({ summary: x.summary }) }),
    'cellular:lockPci': async (r, ctx) =>
      s.ops.run({ session: session(r.deviceId), opId: r.opId, action: 'cmd.channelPci.lock', params: { connId: r.connId, simId: r.simId, lock: r.lock ?? 'cleared' }, write: true, emit: ctx.emit,
        run: (c, o) => lockChannelPci(c, { connId: r.connId, simId: r.simId, lock: r.lock }, o), describe: verified }),
    'sim:slots': async (r) => getSimSlots(session(r.deviceId).client, r.connId),
    'sim:set': async (r, ctx) =>
      s.ops.run({ session: session(r.deviceId), opId: r.opId, action: 'cmd.wan.cellular', params: { connId: r.connId, enabledSim: r.enabledSim, preferredSim: r.preferredSim }, write: true, emit: ctx.emit,
        run: (c, o) => switchSims(c, { connId: r.connId, enabledSim: r.enabledSim, preferredSim: r.preferredSim }, o), describe: verified }),
    'module:action': async (r, ctx) =>
      s.ops.run({ session: session(r.deviceId), opId: r.opId, action: r.action === 'reset' ? 'cmd.cellularModule.reset' : 'cmd.cellularModule.rescanNetwork', params: { connId: r.connId }, write: true, emit: ctx.emit,
        run: (c, o) => moduleAction(c, { connId: r.connId, action: r.action }, o), describe: verified }),
    'billing:newCycle': async (r) =>
      s.ops.run({ session: session(r.deviceId), action: 'cmd.billing.newCycle', params: { connId: r.connId, simId: r.simId }, write: true,
        run: (c, o) => newBillingCycle(c, { connId: r.connId, simId: r.simId }, o), describe: (x) => ({ summary: x.summary }) }),
    'ussd:send': async (r, ctx) => {
      const result = await s.ops.run({ session: session(r.deviceId), opId: r.opId, action: 'cmd.sendUssd', params: { connId: r.connId, simId: r.simId, ussd: r.code }, write: true, emit: ctx.emit,
        run: (c, o) => sendUssdCode(c, { connId: r.connId, simId: r.simId, code: r.code }, o), describe: (x) => ({ summary: `Network answered: ${x.reply}` }) })
      s.memory.ussd(r.deviceId).push(result)
      return result
    },
    'ussd:history': async (r) => [...s.memory.ussd(r.deviceId)].reverse(),
    'sms:conversations': async (r) => inbox(r.deviceId, r.connId),
    'sms:send': async (r) => {
      const sent = await s.ops.run({ session: session(r.deviceId), action: 'cmd.sms.sendMessage', params: { connId: r.connId, address: r.address, length: r.text.length }, write: true,
        run: (c, o) => sendSms(c, { connId: r.connId, address: r.address, text: r.text }, o), describe: (x) => ({ summary: `SMS sent to ${x.address}.` }) })
      s.memory.sms(r.deviceId, r.connId).push(sent)
      return { conversations: (await inbox(r.deviceId, r.connId)).conversations }
    },
    'sms:exportText': async (r) => {
      const { conversations } = await inbox(r.deviceId, r.connId)
      const c = conversations.find((x) => x.peer === r.peer)
      if (!c) throw new AppError('not-found', `No conversation with ${r.peer} on this WAN.`)
      return { text: conversationText(c) }
    },
    'wifi:scan': async (r) => scanWifi(session(r.deviceId).client, { connId: r.connId }),
    'wifi:connect': async (r, ctx) => {
      const { deviceId, opId, ...params } = r
      return s.ops.run({ session: session(deviceId), opId, action: 'cmd.wifi.connect', params: { ...params }, write: true, emit: ctx.emit,
        run: (c, o) => connectWifi(c, params, o), describe: (x) => ({ summary: x.explanation, verified: x.connected, failed: x.final && !x.connected }) })
    },
    'wifi:disconnect': async (r) =>
      s.ops.run({ session: session(r.deviceId), action: 'cmd.wifi.disconnect', params: { connId: r.connId, ssid: r.ssid }, write: true,
        run: (c, o) => disconnectWifi(c, { connId: r.connId, ssid: r.ssid }, o), describe: (x) => x }),
    'wifi:forget': async (r) =>
      s.ops.run({ session: session(r.deviceId), action: 'cmd.wifi.forget', params: { connId: r.connId, ssid: r.ssid, securityPolicy: r.securityPolicy }, write: true,
        run: (c, o) => forgetWifi(c, { connId: r.connId, ssid: r.ssid, securityPolicy: r.securityPolicy }, o), describe: (x) => x }),
    'ssid:list': async (r) => session(r.deviceId).client.api.ssidProfiles(),
    'ssid:update': async (r) => {
      const { deviceId, id, key, vlanId, ...rest } = r
      return s.ops.run({ session: session(deviceId), action: 'config.ssid.profile', params: { id, ...rest, vlanId, key }, write: true,
        run: (c, o) => c.api.updateSsidProfile({ id, ...rest, ...(vlanId !== undefined ? { vlanId } : {}), ...(key !== undefined ? { security: { wpa2Personal: { key } } } : {}) }, o),
        describe: () => ({ summary: `SSID profile ${id} saved; apply the pending changes to use it.` }) })
        .then((profiles) => {
          const staged = s.memory.pending(deviceId)
          if (!staged.includes('SSID profiles')) staged.push('SSID profiles')
          return profiles
        })
    },
    'ssid:revealKey': async (r) => {
      // The one place a key reaches the renderer: on the technician's explicit request.
      const raw = (await session(r.deviceId).client.call('GET config.ssid.profile', { id: [r.id] })).raw
      return { key: normalizeSsidProfileSecrets(raw).find((p) => p.id === r.id)?.key ?? null }
    },
  }
}
