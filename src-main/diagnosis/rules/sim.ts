/**
 * SIM rules: no card where one is needed, and a card present that the router is not using.
 * On 8.3.0+ the router no longer reports which SIMs are enabled (the selection is derived
 * from the detected cards), so "enabled but empty" is only judged on older firmware.
 */
import type { Finding, Rule } from '../types'
import { act, cellularWans, finding, isConnecting, simName, wanLabel } from './helpers'

function slotText(sims: { id: number; detected: boolean; active: boolean }[]): string {
  return sims.map((x) => `${simName(x.id)}: ${x.detected ? (x.active ? 'in use' : 'detected') : 'no card'}`).join(', ')
}

/** No SIM in any slot, or an enabled slot that is empty. */
export const simNotDetected: Rule = (s) =>
  cellularWans(s).flatMap((w): Finding[] => {
    const sims = w.cellular.sims
    if (!w.enable || sims.length === 0) return []
    const detected = sims.filter((x) => x.detected)
    if (detected.length === 0) {
      return [finding({
        rule: 'sim-not-detected', severity: 'problem', wanId: w.id,
        title: `No SIM card detected on ${wanLabel(w)}`,
        evidence: { slots: slotText(sims), message: w.message, connected: w.connected },
        explanation: `The router sees no SIM card in any slot of ${wanLabel(w)}, so this cellular link cannot connect. Check that a SIM is inserted the right way round and fully seated (power the router off first on models without hot-swap), then reset the module so it reads the card again.`,
        actions: [act.manual('Insert or reseat the SIM card'), act.reset(w.id)],
      })]
    }
    const selection = s.simSelections.find((x) => x.wanId === w.id)?.selection
    if (!selection || selection.derived) return []
    const enabledEmpty = selection.enabledSims.filter((id) => !detected.some((d) => d.id === id))
    const usableEnabled = selection.enabledSims.some((id) => detected.some((d) => d.id === id))
    const idle = detected.find((d) => !selection.enabledSims.includes(d.id))
    return enabledEmpty.map((simId) =>
      finding({
        rule: 'sim-not-detected', severity: usableEnabled ? 'info' : 'problem', wanId: w.id, simId,
        title: `${simName(simId)} is enabled but has no card (${wanLabel(w)})`,
        evidence: { slots: slotText(sims), enabledSims: selection.enabledSims.join(','), preferredSim: selection.preferredSim, message: w.message },
        explanation: usableEnabled
          ? `${simName(simId)} is enabled but empty. The link works on the other SIM but has nothing to fail over to; insert a SIM in ${simName(simId)} if failover is wanted.`
          : `${simName(simId)} is the only SIM enabled and it has no card, so the link cannot connect.${idle ? ` ${simName(idle.id)} has a card but is not enabled: switch to it.` : ' Insert a SIM in that slot.'}`,
        actions: [...(idle ? [act.useSim(w.id, idle.id)] : []), act.manual(`Insert a SIM card in ${simName(simId)}`)],
      }),
    )
  })

/** A card is present but the router uses none, and the link is down. */
export const simNotActive: Rule = (s) =>
  cellularWans(s).flatMap((w): Finding[] => {
    const sims = w.cellular.sims
    const detected = sims.filter((x) => x.detected)
    // The eSIM (SpeedFusion Connect) or a remote SIM carrying the WAN leaves every physical
    // SIM idle on purpose; a standby backup has no SIM in use either. Neither is a fault.
    if (!w.enable || w.scheduledOff || w.connected || w.state === 'standby' || detected.length === 0) return []
    if (w.cellular.activeSimId !== undefined || w.cellular.simInUse !== undefined) return []
    const selection = s.simSelections.find((x) => x.wanId === w.id)?.selection
    // Every enabled slot empty is the SIM-not-detected finding's case; say it once.
    if (selection && !selection.derived && !selection.enabledSims.some((id) => detected.some((d) => d.id === id))) return []
    const candidate = selection && !selection.derived ? detected.find((d) => selection.enabledSims.includes(d.id)) ?? detected[0]! : detected[0]!
    const connecting = isConnecting(w)
    return [finding({
      rule: 'sim-not-active', severity: connecting ? 'warning' : 'problem', wanId: w.id,
      title: `SIM card present but not in use on ${wanLabel(w)}`,
      evidence: { slots: slotText(sims), message: w.message, statusLed: w.statusLed, enabledSims: selection ? selection.enabledSims.join(',') : null },
      explanation: connecting
        ? `The router has a SIM card but is still bringing it up ("${w.message}"). Give it a minute, then re-check.`
        : `${sims.length > 1 ? 'A SIM card is detected' : 'The SIM card is detected'} but the router is not using it, and the link is down ("${w.message || 'no message'}"). Make sure the slot with the card is enabled and preferred; if it is, rescan the network or reset the module. A SIM that stays inactive may be blocked or not yet activated by the carrier.`,
      actions: [act.useSim(w.id, candidate.id), act.rescan(w.id), act.reset(w.id)],
    })]
  })
