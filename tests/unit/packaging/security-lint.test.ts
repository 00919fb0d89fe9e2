import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

// The wrapper `npm run lint:security` uses (scripts/electronegativity-run.cjs).
const { lint } = createRequire(__filename)('../../../scripts/electronegativity-run.cjs') as {
  lint: (input: string, electronVersion: string) => Promise<{ id: string; severity: string; file: string; message: string }[]>
}

const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'"

/** A built-app folder shaped like out/: a main process creating one window, and its page. */
function app(webPreferences: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'uplink-lint-'))
  mkdirSync(join(dir, 'main'))
  mkdirSync(join(dir, 'renderer'))
  writeFileSync(join(dir, 'main/index.js'), `const { BrowserWindow } = require('electron')\nconst w = new BrowserWindow({ webPreferences: ${webPreferences} })\n`)
  writeFileSync(join(dir, 'renderer/index.html'), `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CSP}"></head><body></body></html>\n`)
  return dir
}

afterEach(() => vi.restoreAllMocks())

describe('security lint', () => {
  it('flags a window without context isolation or sandbox', async () => {
    const findings = await lint(app('{ nodeIntegration: true, contextIsolation: false, sandbox: false }'), '45.5.0')
    const ids = findings.filter((f) => f.severity !== 'INFORMATIONAL').map((f) => f.id)
    expect(ids).toContain('CONTEXT_ISOLATION_JS_CHECK')
    expect(ids).toContain('SANDBOX_JS_CHECK')
  })

  it('passes an isolated, sandboxed window', async () => {
    const findings = await lint(app('{ contextIsolation: true, sandbox: true, nodeIntegration: false }'), '45.5.0')
    expect(findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM').map((f) => f.id)).not.toContain('CONTEXT_ISOLATION_JS_CHECK')
    expect(findings.map((f) => f.id)).not.toContain('SANDBOX_JS_CHECK')
  })

  it('opens no network connection (the linter fetches translations and release lists by default)', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect')
    await lint(app('{ contextIsolation: true, sandbox: true }'), '45.5.0')
    expect(connect).not.toHaveBeenCalled()
  })
})
