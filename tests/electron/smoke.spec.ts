import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { electronBinary } from '../../scripts/electron-binary.cjs'

const root = join(__dirname, '../..')

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
