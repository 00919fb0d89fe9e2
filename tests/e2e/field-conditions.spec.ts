/**
 * Field conditions as the technician sees them on the overview: the router stops answering
 * (power cut, reboot) and comes back; its certificate changes mid-session. Each shows a
 * sentence that says what happened and what to try, never an endless spinner, and the
 * overview recovers on its own when the router is back.
 */
import { test, expect, addRouter, fileEmulators } from './fixtures'

const emulators = fileEmulators()

test('the router goes away mid-session, then comes back; later its certificate changes', async ({ app: page }) => {
  const keep = emulators.folder('field-a')
  let running = await emulators.start(keep)
  const port = running.port
  await addRouter(page, { name: 'Hilltop', port, password: 'admin' })
  const cards = page.getByTestId('wan-card')
  await expect(cards).toHaveCount(3)

  // Power cut: the router stops answering. The next auto-refresh says so in a sentence.
  await running.proc.stop()
  const alert = page.getByRole('alert').filter({ hasText: /refused the connection|not answering|No answer|closed the connection/ })
  await expect(alert).toBeVisible({ timeout: 120_000 })
  await expect(alert).toContainText(/Check|try again|router/i)
  // The header says it on every screen, and that Uplink keeps trying.
  const silent = page.getByTestId('link-silent')
  await expect(page.getByTestId('link-reconnecting')).toBeVisible()
  const routerInList = page.getByRole('navigation', { name: 'Routers and sections' }).getByRole('button', { name: /^Hilltop/ })
  await expect(routerInList).toContainText('Not answering')
  await expect(silent).toContainText(/checks again every few seconds/)
  // What is still shown is marked old, not left looking live.
  await expect(page.locator('[data-stale="true"]')).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/field-not-answering.png' })

  // Power back (same certificate): the overview recovers by itself, logging in again.
  running = await emulators.start(keep, { port })
  await expect(alert).toBeHidden({ timeout: 120_000 })
  await expect(cards).toHaveCount(3)
  await expect(silent).toBeHidden()
  await expect(page.locator('[data-stale="true"]')).toHaveCount(0)
  await expect(page.getByTestId('link-reconnecting')).toBeHidden()
  await expect(routerInList).toContainText('Connected')

  // The router is replaced by one with another certificate: a full stop, with both prints.
  await running.proc.stop()
  running = await emulators.start(emulators.folder('field-b'), { port })
  // The session is stopped at once (nothing more is sent) and the page says why…
  const lost = page.getByTestId('session-lost')
  await expect(lost).toBeVisible({ timeout: 120_000 })
  await expect(lost).toContainText(/certificate has changed: expected .* presented/)
  await expect(lost).toContainText(running.fingerprint)
  await page.screenshot({ path: 'test-results/screenshots/field-certificate-changed.png' })
  // …and reconnecting is the full-stop warning with both fingerprints.
  await page.getByRole('button', { name: 'Connect', exact: true }).first().click()
  const stop = page.getByRole('dialog', { name: "Stop: this router's certificate has changed" })
  await expect(stop).toBeVisible()
  await expect(stop.getByTestId('fingerprint')).toHaveCount(2)
})
