import { describe, expect, it } from 'vitest'
import { parseAddress, sameAddress } from '../../../src-renderer/src/device-form'

describe('the address field reads what a technician types or pastes', () => {
  it('splits host:port instead of saving "127.0.0.1:20443:443"', () => {
    expect(parseAddress('127.0.0.1:20443')).toEqual({ host: '127.0.0.1', port: 20443 })
    expect(parseAddress(' 192.168.50.1 ')).toEqual({ host: '192.168.50.1' })
    expect(parseAddress('router.local:8080')).toEqual({ host: 'router.local', port: 8080 })
  })

  it('reads IPv6, bracketed with a port or bare', () => {
    expect(parseAddress('[fe80::1]:8443')).toEqual({ host: 'fe80::1', port: 8443 })
    expect(parseAddress('fe80::1')).toEqual({ host: 'fe80::1' })
    expect(parseAddress('[::1]')).toEqual({ host: '::1' })
  })

  it('takes a pasted web-admin URL apart: scheme, host, port; the path is dropped', () => {
    expect(parseAddress('https://192.168.50.1:8443/cgi-bin/MANGA/index.cgi')).toEqual({ host: '192.168.50.1', port: 8443, scheme: 'https' })
    expect(parseAddress('http://10.0.0.1/')).toEqual({ host: '10.0.0.1', port: 80, scheme: 'http' })
    expect(parseAddress('HTTPS://router.example')).toEqual({ host: 'router.example', port: 443, scheme: 'https' })
  })

  it('says what is wrong in words', () => {
    expect(parseAddress('')).toEqual({ error: "Enter the router's address, for example 192.168.50.1." })
    expect(parseAddress('127.0.0.1:99999')).toEqual({ error: '99999 is not a port: use a number from 1 to 65535.' })
    expect(parseAddress('ftp://x')).toEqual({ error: 'Only https:// or http:// addresses are router addresses.' })
    expect(parseAddress('my router')).toMatchObject({ error: expect.stringMatching(/^Use an IP address or host name/) })
  })

  it('finds a router already saved at the same address and port, but not the one being edited', () => {
    const saved = [{ id: 'a', name: 'Depot', host: '127.0.0.1', port: 20443 }, { id: 'b', name: 'Mast', host: 'FE80::1', port: 443 }]
    expect(sameAddress(saved, '127.0.0.1', 20443)?.name).toBe('Depot')
    expect(sameAddress(saved, '127.0.0.1', 443)).toBeUndefined()
    expect(sameAddress(saved, '[fe80::1]', 443)?.name).toBe('Mast')
    expect(sameAddress(saved, '127.0.0.1', 20443, 'a')).toBeUndefined()
  })
})
