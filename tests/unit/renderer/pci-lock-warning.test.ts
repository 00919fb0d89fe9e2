import { describe, expect, it } from 'vitest'
import { lockOperatorWarning } from '../../../src-renderer/src/cellular-rules'

const smartone = [{ mcc: '454', mnc: '06' }]
const csl = [{ mcc: '454', mnc: '00' }]

describe('warning before a lock to another operator\'s cell', () => {
  it('warns when the cell is not on the network the SIM in use is on', () => {
    const w = lockOperatorWarning(smartone, { id: 1, imsi: '454001234567890', active: true }, { mcc: '454', mnc: '00', name: '.csl' })
    expect(w).toBe("This cell belongs to 454-06, but SIM A is on .csl (454-00). The modem cannot use another operator's cell, so the link would stay down until the lock is cleared.")
  })

  it('says nothing for a cell of the SIM\'s own network, "6" and "06" alike', () => {
    expect(lockOperatorWarning(csl, { id: 1, imsi: '454001234567890', active: true }, { mcc: '454', mnc: '0' })).toBeUndefined()
  })

  it('judges an idle SIM by the home network its IMSI starts with', () => {
    expect(lockOperatorWarning(smartone, { id: 2, imsi: '454061122334455', active: false })).toBeUndefined()
    expect(lockOperatorWarning(csl, { id: 2, imsi: '454061122334455', active: false })).toMatch(/^This cell belongs to 454-00, but SIM B is on its home network \(IMSI 454061…\)/)
  })

  it('cannot tell (and so says nothing) without a network, an IMSI or the cell\'s PLMN', () => {
    expect(lockOperatorWarning(smartone, { id: 2, active: false })).toBeUndefined()
    expect(lockOperatorWarning([], { id: 1, imsi: '454001234567890', active: true }, { mcc: '454', mnc: '00' })).toBeUndefined()
  })
})
