/**
 * The emulator's signal drifts, but a healthy router must read healthy at every moment: the
 * serving cell of each SIM's home network stays in the good grades through the whole wobble,
 * so the demo and the end-to-end tests never see a "fair signal" note come and go with the clock.
 */
import { describe, expect, it } from 'vitest'
import { signalNow } from '../../../src-main/emulator/cellular-link'
import { seedCellular } from '../../../src-main/emulator/models/cellular-seed'
import { gradeRsrp, gradeSinr } from '../../../src-main/peplink/signal-grade'
import type { SignalGrade } from '../../../src-main/peplink/model'

const GOOD: (SignalGrade | undefined)[] = ['good', 'excellent']

describe('emulator: signal drift around a healthy serving cell', () => {
  const state = seedCellular(0)
  for (const simId of [1, 2] as const) {
    const home = state.sims[simId].home
    const serving = state.cells.find((c) => c.mcc === home.mcc && c.mnc === home.mnc)!
    it(`SIM ${simId}'s serving cell (PCI ${serving.pci}) stays good for two minutes of drift`, () => {
      const seen = new Set<string>()
      for (let t = 0; t <= 120_000; t += 250) {
        const sig = signalNow(serving, null, t)
        seen.add(`${sig.rsrp}/${sig.sinr}`)
        expect(GOOD, `RSRP ${sig.rsrp} at ${t} ms`).toContain(gradeRsrp(sig.rsrp))
        expect(GOOD, `SINR ${sig.sinr} at ${t} ms`).toContain(gradeSinr(sig.sinr))
      }
      // It does drift: a constant signal would pass the grades without testing the margin.
      expect(seen.size).toBeGreaterThan(5)
    })
  }
})
