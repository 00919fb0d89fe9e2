import { describe, expect, it } from 'vitest'
import { smsAddressProblem, smsCount, ussdProblem } from '../../../src-renderer/src/message-rules'

describe('USSD codes as typed', () => {
  it('accepts digits, * and # only, and says which characters are not allowed', () => {
    expect(['*100#', '*#100#', '123', '#'].map(ussdProblem)).toEqual([undefined, undefined, undefined, undefined])
    expect(ussdProblem('')).toMatch(/Type a code/)
    expect(ussdProblem('*100#a')).toBe('Only digits 0-9, * and # are allowed (not "a").')
    expect(ussdProblem('*1 0+')).toBe('Only digits 0-9, * and # are allowed (not spaces, "+").')
    expect(ussdProblem('*'.repeat(183))).toMatch(/at most 182/)
  })
})

describe('SMS addresses as typed: +, then 2-15 digits, the first not 0', () => {
  it('accepts international numbers', () => {
    expect(['+85261234567', '+12', '+123456789012345'].map(smsAddressProblem)).toEqual([undefined, undefined, undefined])
  })

  it('says what is wrong with the rest', () => {
    expect(smsAddressProblem('85261234567')).toMatch(/Start with \+/)
    expect(smsAddressProblem('+852 6123')).toMatch(/digits only/)
    expect(smsAddressProblem('+0852')).toMatch(/cannot start with 0/)
    expect(smsAddressProblem('+1')).toMatch(/Too short/)
    expect(smsAddressProblem('+1234567890123456')).toMatch(/Too long/)
  })
})

describe('SMS parts', () => {
  it('counts GSM text as 160 for one SMS, then 153 per part', () => {
    expect(smsCount('')).toMatchObject({ parts: 0, left: 160 })
    expect(smsCount('a'.repeat(160))).toMatchObject({ encoding: 'GSM', units: 160, parts: 1, left: 0 })
    expect(smsCount('a'.repeat(161))).toMatchObject({ parts: 2, perPart: 153, left: 145 })
    expect(smsCount('a'.repeat(306))).toMatchObject({ parts: 2, left: 0 })
    expect(smsCount('a'.repeat(307))).toMatchObject({ parts: 3 })
  })

  it('counts GSM extension characters twice and keeps accents of the GSM alphabet in GSM', () => {
    expect(smsCount('€[]')).toMatchObject({ encoding: 'GSM', units: 6 })
    expect(smsCount('Café à Zürich')).toMatchObject({ encoding: 'GSM' })
  })

  it('switches to Unicode (70, then 67 per part) for anything else, an emoji counting two', () => {
    expect(smsCount('ok 👍')).toMatchObject({ encoding: 'Unicode', units: 5, parts: 1, left: 65 })
    expect(smsCount('你'.repeat(70))).toMatchObject({ parts: 1 })
    expect(smsCount('你'.repeat(71))).toMatchObject({ parts: 2, perPart: 67, left: 63 })
  })
})
