import { describe, expect, it } from 'vitest'
import { gradeBand, gradeRsrp, gradeRsrq, gradeRssi, gradeSinr, wifiLevelFromDbm, worstGrade } from '../../../src-main/peplink/signal-grade'

describe('signal grades (thresholds table of firmware-differences.md)', () => {
  it.each([
    [-70, 'excellent'], [-80, 'excellent'], [-80.5, 'good'], [-90, 'good'], [-95, 'fair'], [-100, 'fair'], [-100.5, 'poor'], [-120, 'poor'],
  ] as const)('RSRP %d dBm is %s', (v, g) => expect(gradeRsrp(v)).toBe(g))

  it.each([
    [-3, 'excellent'], [-10, 'excellent'], [-12, 'good'], [-15, 'good'], [-15.5, 'poor'], [-20, 'poor'],
  ] as const)('RSRQ %d dB is %s (no "fair" band)', (v, g) => expect(gradeRsrq(v)).toBe(g))

  it.each([
    [20, 'excellent'], [12.6, 'excellent'], [12.5, 'good'], [10, 'good'], [9.9, 'fair'], [7, 'fair'], [6.9, 'poor'], [-2, 'poor'],
  ] as const)('SINR %d dB is %s', (v, g) => expect(gradeSinr(v)).toBe(g))

  it.each([
    [-50, 'excellent'], [-64, 'excellent'], [-65, 'good'], [-75, 'good'], [-80, 'fair'], [-85, 'fair'], [-86, 'poor'],
  ] as const)('RSSI %d dBm is %s', (v, g) => expect(gradeRssi(v)).toBe(g))

  it('gives no grade for a missing or non-finite value', () => {
    expect(gradeRsrp(undefined)).toBeUndefined()
    expect(gradeSinr(Number.NaN)).toBeUndefined()
  })

  it('grades a band by its worst LTE metric, else by RSSI', () => {
    expect(gradeBand({ name: 'B3', rsrp: -75, rsrq: -8, sinr: 8, rssi: -50 })).toBe('fair')
    expect(gradeBand({ name: 'WCDMA', rssi: -80, ecio: -6 })).toBe('fair')
    expect(gradeBand({ name: 'none' })).toBeUndefined()
    expect(worstGrade('good', undefined, 'excellent')).toBe('good')
  })
})

describe('wifiLevelFromDbm', () => {
  it.each([
    [-40, 5], [-55, 5], [-60, 4], [-68, 3], [-75, 3], [-80, 2], [-90, 1], [-96, 0],
  ])('%d dBm shows %d bars', (dbm, bars) => expect(wifiLevelFromDbm(dbm)).toBe(bars))
})
