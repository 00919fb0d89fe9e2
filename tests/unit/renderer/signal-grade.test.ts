import { describe, expect, it } from 'vitest'
import { grade, gradeRsrp, gradeRsrq, gradeRssi, gradeSinr, quality, wifiBars } from '../../../src-renderer/src/signal-grade'

describe('renderer signal grades (firmware-differences.md, "Signal quality")', () => {
  it('grades RSRP: ≥ -80 excellent, -80…-90 good, -90…-100 fair, below poor', () => {
    expect([-70, -80, -80.1, -90, -90.1, -100, -100.1, -120].map(gradeRsrp)).toEqual(['excellent', 'excellent', 'good', 'good', 'fair', 'fair', 'poor', 'poor'])
  })

  it('grades RSRQ without a fair band: ≥ -10 excellent, -10…-15 good, below poor', () => {
    expect([-5, -10, -10.5, -15, -15.5].map(gradeRsrq)).toEqual(['excellent', 'excellent', 'good', 'good', 'poor'])
  })

  it('grades SINR with the strict upper bound: > 12.5 excellent, 12.5 is good', () => {
    expect([20, 12.6, 12.5, 10, 9.9, 7, 6.9, -3].map(gradeSinr)).toEqual(['excellent', 'excellent', 'good', 'good', 'fair', 'fair', 'poor', 'poor'])
  })

  it('grades RSSI (and Wi-Fi dBm): > -65 excellent, -65 is good, -85 fair, below poor', () => {
    expect([-50, -65, -75, -75.5, -85, -86].map(gradeRssi)).toEqual(['excellent', 'good', 'good', 'fair', 'fair', 'poor'])
    expect(grade('wifi', -52)).toBe('excellent')
  })

  it('says nothing for a missing or unusable value', () => {
    for (const v of [undefined, null, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(gradeRsrp(v)).toBeUndefined()
      expect(gradeSinr(v)).toBeUndefined()
      expect(quality('rsrp', v)).toBeUndefined()
    }
  })

  it('maps Wi-Fi dBm to 0–5 bars, 10 dB apart', () => {
    expect([-40, -55, -60, -65, -75, -85, -95, -100].map(wifiBars)).toEqual([5, 5, 4, 4, 3, 2, 1, 0])
  })

  it('turns values into a 0..1 quality for the alignment tone, clamped and rising with signal', () => {
    expect(quality('rsrp', -140)).toBe(0)
    expect(quality('rsrp', -60)).toBe(1)
    expect(quality('rsrp', -95)).toBeCloseTo(0.5)
    expect(quality('sinr', 10)!).toBeGreaterThan(quality('sinr', 0)!)
  })
})
