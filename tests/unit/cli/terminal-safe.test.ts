import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createOutput, table, terminalSafe } from '../../../src-main/cli/output'

const HOSTILE = 'WAN\x1b[2J\x1b]0;pwned\x07 2\u202e'

describe('router text never drives the terminal', () => {
  it('escapes ESC, BEL, C1 controls and bidi overrides visibly', () => {
    expect(terminalSafe(HOSTILE)).toBe('WAN\\x1b[2J\\x1b]0;pwned\\x07 2\\u202e')
    expect(terminalSafe('a\x9bb')).toBe('a\\x9bb')
    expect(terminalSafe('line 1\nline 2\tend', true)).toBe('line 1\nline 2\tend')
    expect(terminalSafe('line 1\nline 2')).toBe('line 1\\x0aline 2')
  })

  it('keeps a table aligned and free of control characters', () => {
    const t = table(['ID', 'NAME', 'STATE'], [[1, HOSTILE, 'up'], [2, 'WAN 2', 'down']])
    expect(t).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/)
    const lines = t.split('\n')
    expect(lines[1]!.indexOf('up')).toBe(lines[2]!.indexOf('down'))
  })

  it('prints human output safely, while --json keeps the text as data (JSON escapes it)', () => {
    const human = new PassThrough()
    let text = ''
    human.on('data', (d) => (text += d))
    createOutput(false, human, new PassThrough()).result({}, () => `Name: ${HOSTILE}\nSMS: hi\nthere`)
    expect(text).toBe('Name: WAN\\x1b[2J\\x1b]0;pwned\\x07 2\\u202e\nSMS: hi\nthere\n')
    const json = new PassThrough()
    let out = ''
    json.on('data', (d) => (out += d))
    createOutput(true, json, new PassThrough()).result({ name: HOSTILE }, () => '')
    expect(JSON.parse(out)).toEqual({ name: HOSTILE })
    expect(out).not.toMatch(/\x1b/)
  })
})
