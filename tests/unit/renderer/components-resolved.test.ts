/**
 * Every component a template uses is imported by its file. Vue renders an unresolved tag as an
 * unknown HTML element with its children, so a missing import shows the slot's content
 * unconditionally (the Signal view said "no cellular or Wi-Fi WAN" above live readings).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../../../src-renderer/src')

function vueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? vueFiles(p) : p.endsWith('.vue') ? [p] : []
  })
}

const pascal = (tag: string) => tag.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')

describe('renderer templates', () => {
  it('import (or define) every kebab-case component they use (naive-ui\'s n-* excepted)', () => {
    const missing: string[] = []
    for (const file of vueFiles(ROOT)) {
      const src = readFileSync(file, 'utf8')
      const template = src.slice(src.indexOf('<template'))
      const script = src.slice(0, src.indexOf('<template'))
      const tags = new Set([...template.matchAll(/<([a-z][a-z0-9]*(?:-[a-z0-9]+)+)[\s/>]/g)].map((m) => m[1]!))
      for (const tag of tags) {
        if (tag.startsWith('n-')) continue
        if (!new RegExp(`(import|const) ${pascal(tag)}\\b`).test(script)) missing.push(`${file.slice(ROOT.length + 1)}: <${tag}>`)
      }
    }
    expect(missing).toEqual([])
  })
})
