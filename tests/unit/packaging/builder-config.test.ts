import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../../..')
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8'))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

// Packaging cannot run here (it downloads Electron); this keeps its configuration from rotting.
describe('electron-builder configuration', () => {
  it('names the app and ships only the built output', () => {
    expect(config.appId).toBe('com.uplink.field')
    expect(config.productName).toBe('Uplink')
    expect(config.files).toContain('out/**')
    expect(pkg.main).toBe('out/main/index.js')
    expect(pkg.scripts.dist).toMatch(/electron-vite build && electron-builder/)
  })

  it('builds AppImage and deb for Linux, NSIS for Windows and dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg'])
  })

  it('flips the Electron fuses a hardened app wants', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('trusts the dev server URL only in npm run dev: the built shell has none', () => {
    const built = join(root, 'out/main/index.js')
    expect(existsSync(built), 'build first (npm test does)').toBe(true)
    const code = readFileSync(built, 'utf8')
    expect(code).not.toMatch(/ELECTRON_RENDERER_URL/)
    expect(code).toMatch(/requestSingleInstanceLock/)
  })

  it('keeps keytar outside the asar archive and rebuilds it for Electron', () => {
    expect(config.asarUnpack).toContain('node_modules/keytar/**')
    expect(config.npmRebuild).toBe(true)
    expect(pkg.optionalDependencies.keytar).toBeDefined()
  })

  it('has the icons it points at, large enough for every platform', () => {
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) {
      const file = join(root, icon)
      expect(existsSync(file), icon).toBe(true)
      const png = readFileSync(file)
      expect(png.subarray(1, 4).toString()).toBe('PNG')
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512)
    }
  })
})
