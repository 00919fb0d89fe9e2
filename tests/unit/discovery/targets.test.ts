import { describe, expect, it } from 'vitest'
import { parseTargets, addressCount } from '../../../src-main/discovery'
import { ValidationError } from '../../../src-main/peplink/errors'

const hosts = (inputs: string[], ports?: number[]) => parseTargets(inputs, ports).map((t) => `${t.host}:${t.port}`)

function refusal(inputs: string[], ports?: number[]): ValidationError {
  try {
    parseTargets(inputs, ports)
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError)
    return err as ValidationError
  }
  throw new Error(`accepted ${inputs.join(' ')}`)
}

describe('parseTargets', () => {
  it('takes one address on the default HTTPS port', () => {
    expect(parseTargets(['192.168.50.1'])).toEqual([{ host: '192.168.50.1', port: 443 }])
  })

  it('takes comma and space separated lists, and several inputs', () => {
    expect(hosts(['192.168.50.1, 192.168.50.2 192.168.50.3', ' 10.0.0.1 '])).toEqual([
      '192.168.50.1:443', '192.168.50.2:443', '192.168.50.3:443', '10.0.0.1:443',
    ])
  })

  it('expands a short range and a full range, ends included', () => {
    expect(hosts(['192.168.50.1-3'])).toEqual(['192.168.50.1:443', '192.168.50.2:443', '192.168.50.3:443'])
    expect(hosts(['10.0.0.254-10.0.1.1'])).toEqual(['10.0.0.254:443', '10.0.0.255:443', '10.0.1.0:443', '10.0.1.1:443'])
  })

  it('skips network and broadcast in a block of /30 or larger, keeps all of /31 and /32', () => {
    expect(hosts(['192.168.50.0/30'])).toEqual(['192.168.50.1:443', '192.168.50.2:443'])
    expect(hosts(['192.168.50.4/31'])).toEqual(['192.168.50.4:443', '192.168.50.5:443'])
    expect(hosts(['192.168.50.9/32'])).toEqual(['192.168.50.9:443'])
    const c = parseTargets(['192.168.50.0/24'])
    expect(c).toHaveLength(254)
    expect(c[0].host).toBe('192.168.50.1')
    expect(c.at(-1)!.host).toBe('192.168.50.254')
  })

  it('sweeps the whole block when the address given is inside it', () => {
    expect(parseTargets(['192.168.50.77/24'])[0].host).toBe('192.168.50.1')
  })

  it('accepts a /16 (65,534 hosts) and refuses a /15, naming the rule', () => {
    expect(parseTargets(['10.1.4.0/22'])).toHaveLength(1022)
    const all = parseTargets(['10.1.0.0/16'])
    expect(all).toHaveLength(65_534)
    expect(addressCount(all)).toBe(65_534)
    const err = refusal(['10.0.0.0/15'])
    expect(err.field).toBe('target')
    expect(err.rule).toContain('/16')
    expect(err.rule).toContain('10.0.0.0/16')
  })

  it('applies the default ports to every address, and host:port overrides them for that entry', () => {
    expect(hosts(['192.168.50.1', '192.168.50.2:8443'], [443, 80])).toEqual(['192.168.50.1:443', '192.168.50.1:80', '192.168.50.2:8443'])
    expect(hosts(['192.168.50.0/30:8080'])).toEqual(['192.168.50.1:8080', '192.168.50.2:8080'])
  })

  it('removes duplicates, keeping the first order', () => {
    expect(hosts(['192.168.50.2', '192.168.50.1-3', '192.168.50.2:443'])).toEqual(['192.168.50.2:443', '192.168.50.1:443', '192.168.50.3:443'])
  })

  it('refuses bad input with a rule in plain words and an example', () => {
    for (const bad of [['router.local'], ['192.168.50'], ['192.168.50.256'], ['127.1'], ['fe80::1'], ['192.168.50.1-300'], ['192.168.50.20-10'], ['192.168.50.1:0'], ['192.168.50.1:http'], ['192.168.50.0/33'], ['224.0.0.1'], ['0.0.0.0'], [' , ']]) {
      const err = refusal(bad)
      expect(err.field).toBe('target')
      expect(err.rule).toMatch(/\d+\.\d+\.\d+\.\d+/)
      expect(err.message).toContain('Nothing was sent')
    }
    expect(refusal(['192.168.50.20-10']).rule).toContain('backwards')
  })

  it('refuses a range of more than 65,536 addresses before expanding it', () => {
    expect(parseTargets(['10.0.0.1-10.1.0.0'])).toHaveLength(65_536)
    expect(refusal(['10.0.0.0-10.255.255.255']).rule).toContain('65,536')
  })

  it('caps a sweep at 65,536 addresses and 131,072 address-port pairs in total', () => {
    expect(refusal(['10.1.0.0/16', '10.2.8.1-5']).rule).toContain('65,536 addresses')
    expect(parseTargets(['10.1.0.0/16'], [443, 80])).toHaveLength(131_068)
    expect(refusal(['10.1.0.0/16'], [443, 80, 8443]).rule).toContain('131,072')
  })

  it('refuses bad default ports under the field "ports"', () => {
    expect(refusal(['192.168.50.1'], [70000]).field).toBe('ports')
    expect(refusal(['192.168.50.1'], []).field).toBe('ports')
  })
})
