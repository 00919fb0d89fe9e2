import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../src-preload/contract'
import { bySeverity, evidenceLabel, evidenceRows, resultSentence, severityCounts, toolFor, whatHappens } from '../../../src-renderer/src/fix-actions'

const finding = (id: string, severity: Finding['severity'], evidence: Finding['evidence'] = {}): Finding => ({ id, rule: id, severity, title: id, evidence, explanation: '', actions: [] })

describe('findings and fix actions on screen', () => {
  it('labels evidence keys as words, acronyms in capitals, and leaves out empty values', () => {
    expect(evidenceLabel('routerMessage')).toBe('Router message')
    expect(evidenceLabel('ssid')).toBe('SSID')
    expect(evidenceLabel('enabledSims')).toBe('Enabled sims')
    expect(evidenceRows(finding('f', 'info', { connected: false, bssid: null, ssid: 'Site', rsrp: -101 }))).toEqual([
      { label: 'Connected', value: 'no' }, { label: 'SSID', value: 'Site' }, { label: 'RSRP', value: '-101' },
    ])
  })

  it('says in one sentence what a disruptive action does to the link', () => {
    expect(whatHappens({ label: 'Reset', workflow: 'module.reset', params: { connId: 2 }, disruptive: true })).toBe('The cellular module restarts; WAN 2 is down for about a minute.')
    expect(whatHappens({ label: 'Lock', workflow: 'pci.clear', params: { connId: 2, simId: 1 }, disruptive: true })).toMatch(/^The channel \/ PCI lock is removed/)
  })

  it('sorts problems first and counts each severity', () => {
    const list = [finding('a', 'info'), finding('b', 'problem'), finding('c', 'warning'), finding('d', 'problem')]
    expect(bySeverity(list).map((f) => f.id)).toEqual(['b', 'd', 'c', 'a'])
    expect(severityCounts(list)).toEqual({ problem: 2, warning: 1, info: 1 })
  })

  it('points scans at the screen that can act on their results, and reads a workflow answer', () => {
    expect(toolFor('carrier.scan')?.screen).toBe('cellular')
    expect(toolFor('wifi.scan')?.screen).toBe('wifi')
    expect(toolFor('module.reset')).toBeUndefined()
    expect(resultSentence({ summary: 'Done in 4 s.' })).toBe('Done in 4 s.')
    expect(resultSentence({ explanation: 'Connected.' })).toBe('Connected.')
  })
})
