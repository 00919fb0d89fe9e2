import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const root = join(__dirname, '../..')

/** The Electron binary, found without require('electron') (which would try to download it). */
function electronBinary(): string | undefined {
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (dist) {
    const exe = join(dist, process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron')
    return existsSync(exe) ? exe : undefined
  }
  const pathTxt = join(root, 'node_modules/electron/path.txt')
  if (!existsSync(pathTxt)) return undefined
  const exe = join(root, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim())
  return existsSync(exe) ? exe : undefined
}

const binary = electronBinary()

test.describe('Electron shell', () => {
  test.skip(!binary, 'No Electron binary is installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1), so the app window cannot be launched.')

  test('launches the built app with window.uplink and without require', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [root, '--no-sandbox'], env: { ...process.env, UPLINK_STATE_DIR: join(root, 'test-results/electron-state') } })
    const win = await app.firstWindow()
    await expect(win).toHaveTitle(/Uplink/)
    expect(await win.evaluate(() => typeof (window as unknown as { uplink?: unknown }).uplink)).toBe('object')
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
    const info = await win.evaluate(() => (window as unknown as { uplink: { invoke(c: string, r: object): Promise<{ ok: boolean }> } }).uplink.invoke('app:info', {}))
    expect(info.ok).toBe(true)
    await app.close()
  })
})
