import { describe, expect, it } from 'vitest'
import { analyzeSurvey, figures, positionRanges } from '../../../src-main/survey/analyze'
import type { SurveySample } from '../../../src-main/survey/format'

const B3 = 'LTE Band 3 (1800 MHz)'
const sample = (at: number, rsrp: number, sinr = 12, carrier = '.csl'): SurveySample => ({ t: 's', at, state: 'connected', carrier, bands: [{ name: B3, rsrp, sinr, rsrq: -10 }] })

describe('survey statistics', () => {
  it('median, spread (p90 − p10) and worst', () => {
    expect(figures([-90, -80, -100, -85, -95])).toEqual({ median: -90, spread: 16, worst: -100, count: 5 })
    expect(figures([-84])).toEqual({ median: -84, spread: 0, worst: -84, count: 1 })
    expect(figures([])).toBeUndefined()
  })

  it('a position runs from its marker to the next, the last to the last sample', () => {
    const samples = [0, 1000, 2000, 3000, 4000].map((t) => sample(t, -90))
    expect(positionRanges([{ t: 'position', at: 2000, name: 'mast' }, { t: 'position', at: 0, name: 'roof' }], samples)).toEqual([
      { name: 'roof', from: 0, to: 2000 }, { name: 'mast', from: 2000, to: 4000 },
    ])
    expect(positionRanges([], samples)).toEqual([{ name: 'Whole recording', from: 0, to: 4000 }])
  })
})

describe('survey ranking', () => {
  it('ranks positions on the main carrier by median RSRP and says by how much', () => {
    const samples = [
      ...[0, 1000, 2000].map((t) => sample(t, -95, 8)),
      ...[3000, 4000, 5000].map((t) => sample(t, -84, 15)),
      ...[6000, 7000, 8000].map((t) => sample(t, -90, 11)),
      sample(8500, -60, 30, 'Other operator'),
    ]
    const a = analyzeSurvey(samples, [{ t: 'position', at: 0, name: 'window east' }, { t: 'position', at: 3000, name: 'roof north' }, { t: 'position', at: 6000, name: 'mast 3 m' }])
    expect(a.carrier).toBe('.csl')
    expect(a.ranking.map((r) => [r.name, r.rsrp])).toEqual([['roof north', -84], ['mast 3 m', -90], ['window east', -95]])
    expect(a.verdict).toBe('roof north is best: median RSRP -84 dBm (good) on LTE Band 3 (1800 MHz) (.csl), SINR 15 dB (excellent), 6 dB better than mast 3 m.')
    expect(a.positions.find((p) => p.name === 'roof north')!.bands[B3]!.rsrp).toEqual({ median: -84, spread: 0, worst: -84, count: 3 })
    expect(a.positions.find((p) => p.name === 'roof north')!.seconds).toBe(3)
  })

  it('says two positions are alike when under 1 dB apart, and copes with none', () => {
    const a = analyzeSurvey([sample(0, -88), sample(1000, -88.4)], [{ t: 'position', at: 0, name: 'A' }, { t: 'position', at: 1000, name: 'B' }])
    expect(a.verdict).toMatch(/^A and B are alike/)
    expect(analyzeSurvey([], []).verdict).toBe('No position has RSRP readings to compare.')
  })
})

describe('positions edited afterwards', () => {
  it('a position added on a time range keeps its own end; markers still run to the next marker', () => {
    const samples = [0, 1000, 2000, 3000, 4000, 5000].map((t) => sample(t, -90))
    expect(positionRanges([{ t: 'position', at: 0, name: 'roof' }, { t: 'position', at: 1000, until: 2000, name: 'ladder' }, { t: 'position', at: 3000, name: 'mast' }], samples)).toEqual([
      { name: 'roof', from: 0, to: 3000 }, { name: 'ladder', from: 1000, to: 2000 }, { name: 'mast', from: 3000, to: 5000 },
    ])
  })
})
