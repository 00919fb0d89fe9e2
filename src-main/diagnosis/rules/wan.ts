/**
 * WAN rules for every type: disabled, off by schedule, no cable, and "connected" with no
 * IP address.
 */
import type { Wan } from '../../peplink/model'
import type { Finding, FixAction, Rule, Snapshot } from '../types'
import { act, finding, orNull, wanLabel } from './helpers'

function othersUp(s: Snapshot, w: Wan): boolean {
  return s.wans.some((x) => x.id !== w.id && x.connected)
}

/** A WAN switched off in its settings. */
export const wanDisabled: Rule = (s) =>
  s.wans.flatMap((w): Finding[] => {
    if (w.enable) return []
    // A spare wired port left disabled is normal; a disabled cellular or Wi-Fi WAN is usually a lost backup.
    const matters = w.type === 'cellular' || w.type === 'wifi' || !othersUp(s, w)
    return [finding({
      rule: 'wan-disabled', severity: matters ? 'warning' : 'info', wanId: w.id,
      title: `${wanLabel(w)} is disabled`,
      evidence: { type: w.type, enable: false, message: w.message },
      explanation: `${wanLabel(w)} is switched off in the router's settings, so it carries no traffic and cannot take over if another link fails. Enable it unless it is meant to be off.`,
      actions: [act.enableWan(w.id)],
    })]
  })

/** A WAN the router's schedule has turned off for now. */
export const wanScheduledOff: Rule = (s) =>
  s.wans.flatMap((w): Finding[] => {
    if (!w.enable || !w.scheduledOff) return []
    return [finding({
      rule: 'wan-scheduled-off', severity: othersUp(s, w) ? 'info' : 'warning', wanId: w.id,
      title: `${wanLabel(w)} is off by schedule`,
      evidence: { scheduledOff: true, message: w.message },
      explanation: `${wanLabel(w)} is enabled but its schedule has turned it off for now; it comes back when the schedule allows. If it should be on now, change the schedule in the web admin (Advanced > Schedule).`,
      actions: [act.manual('Check the WAN schedule in the web admin')],
    })]
  })

/** An enabled WAN reporting "No Cable Detected". */
export const noCable: Rule = (s) =>
  s.wans.flatMap((w): Finding[] => {
    if (!w.enable || !/no cable detected/i.test(w.message)) return []
    return [finding({
      rule: 'no-cable', severity: othersUp(s, w) ? 'warning' : 'problem', wanId: w.id,
      title: `No cable on ${wanLabel(w)}`,
      evidence: { message: w.message, type: w.type, statusLed: w.statusLed },
      explanation: `The router sees no link on the ${wanLabel(w)} port. Check the cable is plugged into the right port at both ends, that the modem or switch at the other end is powered, and try another cable. If this port is not used, disable the WAN so it stops reporting.`,
      actions: [act.manual('Check the cable and the device at the other end')],
    })]
  })

/** An enabled USB modem WAN with nothing plugged in. */
export const noDevice: Rule = (s) =>
  s.wans.flatMap((w): Finding[] => {
    if (w.state !== 'no-device') return []
    const fine = othersUp(s, w)
    return [finding({
      rule: 'wan-no-device', severity: fine ? 'info' : 'problem', wanId: w.id,
      title: `No USB modem on ${wanLabel(w)}`,
      evidence: { message: w.message, type: w.type, statusLed: w.statusLed },
      explanation: `${wanLabel(w)} is enabled but the router sees no modem in its USB port${fine ? ', so it is no backup for the other links' : ', and no other WAN is up'}. Plug in a supported USB modem (and check it has a working SIM), or disable this WAN if it is not used.`,
      actions: [act.manual('Plug in the USB modem, or disable the WAN if it is not used')],
    })]
  })

function noIpFixes(w: Wan): FixAction[] {
  if (w.type === 'cellular') return [act.rescan(w.id), act.reset(w.id)]
  if (w.type === 'wifi') return [{ label: 'Reconnect the Wi-Fi WAN', workflow: 'wifi.connect', params: { connId: w.id, ...(w.wifi?.ssid ? { ssid: w.wifi.ssid } : {}) }, disruptive: true }]
  return [act.manual('Check the upstream modem or DHCP server')]
}

/** The router calls the WAN connected (or its LED is green) but it has no IP address. */
export const wanNoIp: Rule = (s) =>
  s.wans.flatMap((w): Finding[] => {
    if (!w.enable || w.ip || !(w.statusLed === 'green' || /^\s*connected\b/i.test(w.message))) return []
    return [finding({
      rule: 'wan-no-ip', severity: 'problem', wanId: w.id,
      title: `${wanLabel(w)} is connected but has no IP address`,
      evidence: { message: w.message, statusLed: w.statusLed, ip: null, method: orNull(w.method) },
      explanation: w.type === 'cellular'
        ? 'The modem is attached to the network but got no IP address, so no traffic passes. Check the APN (automatic APN may pick the wrong one), then rescan or reset the module.'
        : w.type === 'wifi'
          ? 'The Wi-Fi WAN joined the network but got no address from it. The network may have no DHCP server or a captive portal; reconnect, or check with the network owner.'
          : `The link is up but no address was obtained${w.method ? ` (${w.method})` : ''}. Check the upstream modem or DHCP server, or the static settings.`,
      actions: noIpFixes(w),
    })]
  })
