import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { parseRouteTable, parseTargets, suggestTargets } from '../../../src-main/discovery'

function v4(address: string, netmask: string, internal = false): NetworkInterfaceInfo {
  const prefix = netmask.split('.').reduce((n, o) => n + Number(o).toString(2).replace(/0/g, '').length, 0)
  return { address, netmask, family: 'IPv4', mac: '00:11:22:33:44:55', internal, cidr: `${address}/${prefix}` }
}

const v6: NetworkInterfaceInfo = { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '00:11:22:33:44:55', internal: false, cidr: 'fe80::1/64', scopeid: 2 }

const LAPTOP = {
  lo: [v4('127.0.0.1', '255.0.0.0', true)],
  eth0: [v4('192.168.50.23', '255.255.255.0'), v6],
  wlan0: [v4('10.20.3.40', '255.255.0.0')],
  tun0: [v4('10.8.0.6', '255.255.255.255')],
  eth1: [v4('169.254.10.3', '255.255.0.0')],
}

// A real Linux table: default via 192.168.50.1 on eth0 (metric 100) and via 10.20.0.1 on wlan0 (600).
const ROUTES = [
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
  'wlan0\t00000000\t0100140A\t0003\t0\t0\t600\t00000000\t0\t0\t0',
  'eth0\t00000000\t0132A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0',
  'eth0\t0032A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0',
  'wlan0\t0000140A\t00000000\t0001\t0\t0\t600\t0000FFFF\t0\t0\t0',
  'docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0',
  '',
].join('\n')

describe('parseRouteTable', () => {
  it('finds the default gateways, lowest metric first', () => {
    expect(parseRouteTable(ROUTES, true)).toEqual([
      { iface: 'eth0', gateway: '192.168.50.1', metric: 100 },
      { iface: 'wlan0', gateway: '10.20.0.1', metric: 600 },
    ])
  })

  it('ignores routes that are down or have no gateway', () => {
    const down = ROUTES.replace('0132A8C0\t0003', '0132A8C0\t0002')
    expect(parseRouteTable(down, true).map((r) => r.iface)).toEqual(['wlan0'])
    expect(parseRouteTable('Iface\tDestination\n', true)).toEqual([])
  })
})

describe('suggestTargets', () => {
  it('offers the default gateways from the route table, then the laptop\'s subnets', () => {
    expect(suggestTargets(LAPTOP, ROUTES)).toEqual([
      { label: 'Default gateway 192.168.50.1 (eth0)', target: '192.168.50.1', kind: 'gateway' },
      { label: 'Default gateway 10.20.0.1 (wlan0)', target: '10.20.0.1', kind: 'gateway' },
      { label: 'Subnet 192.168.50.0/24 (eth0)', target: '192.168.50.0/24', kind: 'subnet' },
      { label: 'Subnet 10.20.3.0/24 around this laptop (wlan0; part of 10.20.0.0/16)', target: '10.20.3.0/24', kind: 'subnet' },
      { label: 'The whole subnet 10.20.0.0/16 (wlan0): 65,534 addresses, takes minutes', target: '10.20.0.0/16', kind: 'subnet' },
    ])
  })

  it('guesses the first address of each subnet as a likely gateway without a route table', () => {
    const s = suggestTargets({ en0: [v4('192.168.1.77', '255.255.255.0')], en1: [v4('172.16.4.1', '255.255.252.0')] }, null)
    expect(s).toEqual([
      { label: 'Likely gateway 192.168.1.1 (en0)', target: '192.168.1.1', kind: 'gateway' },
      // en1's own address is .1 of its subnet: nothing to guess there.
      { label: 'Subnet 192.168.1.0/24 (en0)', target: '192.168.1.0/24', kind: 'subnet' },
      { label: 'Subnet 172.16.4.0/22 (en1)', target: '172.16.4.0/22', kind: 'subnet' },
    ])
  })

  it('skips loopback, IPv6, link-local and single-address interfaces', () => {
    const s = suggestTargets({ lo: LAPTOP.lo, tun0: LAPTOP.tun0, eth1: LAPTOP.eth1, x: [v6] }, null)
    expect(s).toEqual([])
  })

  it('offers only targets a sweep accepts', () => {
    for (const s of suggestTargets(LAPTOP, ROUTES)) expect(() => parseTargets([s.target])).not.toThrow()
  })

  it('reads this machine without failing', () => {
    expect(Array.isArray(suggestTargets())).toBe(true)
  })
})
