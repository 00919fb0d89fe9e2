/**
 * Cellular link rules: the link is down (explained from the router's own message) and the
 * SIM is roaming.
 */
import type { Wan } from '../../peplink/model'
import type { Finding, Rule } from '../types'
import { act, cellularWans, finding, isConnecting, orNull, simName, wanLabel } from './helpers'

/** What the router's message usually means, and what to try first. */
function explainDown(w: Wan): string {
  const m = w.message
  const said = m ? `The router says "${m}". ` : 'The router gives no reason. '
  if (/no sim/i.test(m)) return `${said}There is no usable SIM card; see the SIM finding for this WAN.`
  if (/pin|puk/i.test(m)) return `${said}The SIM is locked with a PIN. Enter the PIN in the web admin or use a SIM without a PIN lock.`
  if (/locked channel|lock/i.test(m)) return `${said}The modem is locked to a channel or cell it cannot reach. Remove the channel/PCI lock.`
  if (/register|denied|selected network/i.test(m))
    return `${said}The modem cannot register on a network. The usual causes are a manual carrier selection for a network that is not in range, a SIM the carrier has not activated, or no coverage. Return to automatic carrier selection, or scan for carriers.`
  if (/allowance|quota|exceed/i.test(m)) return `${said}The data allowance is used up; see the allowance finding.`
  if (isConnecting(w)) return `${said}The link is still coming up. Give it a minute, then re-check.`
  return `${said}Rescan the network first; if the link stays down, reset the module. Check the antennas and that the SIM's plan is active.`
}

/** An enabled cellular WAN that is not connected, with the router's message. */
export const cellularDown: Rule = (s) =>
  cellularWans(s).flatMap((w): Finding[] => {
    // A backup in standby behind a working WAN is doing its job, not down.
    if (!w.enable || w.scheduledOff || w.connected || w.state === 'standby') return []
    // Connected-with-no-address is its own finding (wan-no-ip).
    if (!w.ip && (w.statusLed === 'green' || /^\s*connected\b/i.test(w.message))) return []
    const c = w.cellular
    return [finding({
      rule: 'cellular-down', severity: isConnecting(w) ? 'warning' : 'problem', wanId: w.id,
      title: `${wanLabel(w)} is down${w.message ? `: ${w.message}` : ''}`,
      evidence: {
        message: w.message, statusLed: w.statusLed, activeSim: c.activeSimId === undefined ? null : simName(c.activeSimId),
        carrier: orNull(c.carrier?.name), mcc: orNull(c.mcc), mnc: orNull(c.mnc), mobileType: orNull(c.mobileType),
      },
      explanation: explainDown(w),
      actions: [act.rescan(w.id), act.reset(w.id), act.carrierScan(w.id)],
    })]
  })

/** The active SIM is on a network other than its home network. */
export const roaming: Rule = (s) =>
  cellularWans(s).flatMap((w): Finding[] => {
    const r = w.cellular.roaming
    if (!w.enable || !r?.roaming) return []
    const c = w.cellular
    const other = c.sims.find((x) => x.detected && x.id !== c.activeSimId)
    return [finding({
      rule: 'roaming', severity: 'warning', wanId: w.id, simId: c.activeSimId,
      title: `${simName(c.activeSimId)} is roaming on ${c.carrier?.name || 'another network'} (${wanLabel(w)})`,
      evidence: { roamingCode: r.code, roamingMessage: r.message, carrier: orNull(c.carrier?.name), mcc: orNull(c.mcc), mnc: orNull(c.mnc), connected: w.connected },
      explanation: `The SIM is not on its home network. Roaming data can be slow, capped or charged at a higher rate, and some plans block it. Confirm the plan allows roaming here; otherwise use a local SIM${other ? ` (${simName(other.id)} has a card)` : ''} or pick the home carrier after a carrier scan.`,
      actions: [act.carrierScan(w.id), ...(other ? [act.useSim(w.id, other.id)] : []), act.manual("Check the SIM plan's roaming terms")],
    })]
  })
