/**
 * The renderer's import rules (STYLE.md): only `import type` from src-main/peplink/model.ts and
 * src-preload/contract.ts, nothing else of main or preload; only stores reach window.uplink,
 * through ipc.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(__dirname, '../../../src-renderer/src')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : /\.(ts|vue)$/.test(n) ? [p] : []
  })
}

const sources = files(SRC).map((f) => ({ file: relative(SRC, f), text: readFileSync(f, 'utf8') }))

describe('renderer layering', () => {
  it('imports only types, and only from the model and the contract, of main and preload', () => {
    const bad: string[] = []
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/^\s*import\s+(type\s+)?[^'";]*?from\s+'([^']+)'|import\('([^']+)'\)/gm)) {
        const target = m[2] ?? m[3]!
        if (!/src-(main|preload)\//.test(target)) continue
        const allowed = /src-main\/peplink\/model$|src-preload\/contract$/.test(target)
        const typeOnly = m[1] !== undefined || m[3] !== undefined
        if (!allowed || !typeOnly) bad.push(`${file}: ${m[0]}`)
      }
    }
    expect(bad).toEqual([])
  })

  it('reaches window.uplink only in ipc.ts, and only stores import ipc.ts', () => {
    const uplink = sources.filter((s) => /window\.uplink/.test(s.text) && !['ipc.ts', 'env.d.ts'].includes(s.file)).map((s) => s.file)
    const ipcUsers = sources.filter((s) => /from '\.\.?\/ipc'/.test(s.text) && !s.file.startsWith('stores')).map((s) => s.file)
    expect({ uplink, ipcUsers }).toEqual({ uplink: [], ipcUsers: [] })
  })
})
