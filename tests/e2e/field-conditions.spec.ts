/**
 * Field conditions as the technician sees them on the overview: the router stops answering
 * (power cut, reboot) and comes back; its certificate changes mid-session. Each shows a
 * sentence that says what happened and what to try, never an endless spinner, and the
 * overview recovers on its own when the router is back.
 */
import { rmSync } from 'node:fs'
import { test, expect, startEmulator, addRouter, tempDir, type Emulator } from './fixtures'

const dirs: string[] = []
let running: Emulator | undefined

test.afterAll(async () => {
  await running?.proc.stop()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

test('the router goes away mid-session, then comes back; later its certificate changes', async ({ app: page }) => {
  const keep = tempDir('field-a')
  dirs.push(keep, tempDir('field-b'))
  running = await startEmulator(keep)
  const port = running.port
  await addRouter(page, { name: 'Hilltop', port, password: 'admin' })
  const cards = page.getByTestId('wan-card')
  await expect(cards).toHaveCount(3)

  // Power cut: the router stops answering. The next auto-refresh says so in a sentence.
  await running.proc.stop()
  running = undefined
  const alert = page.getByRole('alert').filter({ hasText: /refused the connection|not answering|No answer|closed the connection/ })
  await expect(alert).toBeVisible({ timeout: 20_000 })
  await expect(alert).toContainText(/Check|try again|router/i)

  // Power back (same certificate): the overview recovers by itself, logging in again.
  running = await startEmulator(keep, port)
  await expect(alert).toBeHidden({ timeout: 30_000 })
  await expect(cards).toHaveCount(3)

  // The router is replaced by one with another certificate: a full stop, with both prints.
  await running.proc.stop()
  running = await startEmulator(dirs[1]!, port)
  const stop = page.getByRole('alert').filter({ hasText: /certificate has changed/ })
  await expect(stop).toBeVisible({ timeout: 30_000 })
  await expect(stop).toContainText(running.fingerprint)
  await page.screenshot({ path: 'test-results/screenshots/field-certificate-changed.png' })
})
