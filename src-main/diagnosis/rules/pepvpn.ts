/**
 * PepVPN / SpeedFusion rules: profiles and peers that are not CONNECTED, explained by the
 * stage they are stuck at.
 */
import type { Finding, Rule } from '../types'
import { act, finding, orNull } from './helpers'

const STAGE: Record<string, string> = {
  START: 'is trying to reach the remote peer and has had no answer. Check that a WAN is up and that the remote address is right and reachable',
  AUTHEN: 'reached the peer but authentication has not completed. Check the pre-shared key and the remote ID on both ends',
  TUNNEL: 'authenticated but the tunnels are not up. Check that a firewall between the sites allows UDP 4500 and TCP 32015',
  ROUTE: 'is up and exchanging routes; this usually finishes in seconds. Re-check shortly',
  CONFLICT: 'is up but both ends advertise the same subnet, so routes are not used. Change one LAN subnet',
}

function stage(status: string): string {
  return STAGE[status.toUpperCase()] ?? `reports "${status}"`
}

/** Every PepVPN profile and peer whose status is not CONNECTED. */
export const pepvpnDown: Rule = (s) => {
  const v = s.pepvpn
  if (!v) return []
  const profiles = v.profiles.flatMap((p): Finding[] => {
    if (!p.status || p.status.toUpperCase() === 'CONNECTED') return []
    return [finding({
      rule: 'pepvpn-profile', severity: 'warning', key: p.id,
      title: `PepVPN profile "${p.name}" is ${p.status}`,
      evidence: { profile: p.name, profileId: p.id, status: p.status, peerCount: orNull(p.peerCount), conflictCount: orNull(p.conflictCount) },
      explanation: `The PepVPN profile "${p.name}" ${stage(p.status)}.`,
      actions: [act.manual('Check the PepVPN profile on both routers')],
    })]
  })
  const peers = v.peers.flatMap((p): Finding[] => {
    if (p.status.toUpperCase() === 'CONNECTED') return []
    const name = p.name || p.serialNumber || p.peerId
    return [finding({
      rule: 'pepvpn-peer', severity: 'warning', key: p.peerId,
      title: `PepVPN peer ${name} is ${p.status}`,
      evidence: { peer: name, status: p.status, profileId: orNull(p.profileId), secure: orNull(p.secure) },
      explanation: `The connection to peer ${name} ${stage(p.status)}.`,
      actions: [act.manual('Check the peer router and the path between the sites')],
    })]
  })
  return [...profiles, ...peers]
}
