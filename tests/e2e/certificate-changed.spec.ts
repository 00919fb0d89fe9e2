/**
 * A router whose certificate changes (a factory reset, or an impostor) is a full stop: the
 * connection is refused with both fingerprints side by side until the technician deliberately
 * trusts the new one.
 */
import { test, expect, fileEmulators } from './fixtures'

const emulators = fileEmulators()

test('a changed certificate blocks the connection and shows both fingerprints', async ({ app: page }) => {
  const first = await emulators.start(emulators.folder('cert-a'))

  // Add the router by hand, trust it and log in once.
  await page.getByRole('button', { name: 'Add a router' }).first().click()
  await page.getByLabel('Name', { exact: true }).fill('Pump station')
  await page.getByLabel('Address', { exact: true }).fill('127.0.0.1')
  await page.getByLabel('Port', { exact: true }).fill(String(first.port))
  await page.getByRole('button', { name: 'Save and connect' }).click()
  const trust = page.getByRole('dialog', { name: "Trust this router's certificate?" })
  await expect(trust.getByTestId('fingerprint')).toContainText(first.fingerprint)
  await trust.getByRole('button', { name: 'Trust and connect' }).click()
  const password = page.getByRole('dialog', { name: 'Password for Pump station' })
  await password.getByLabel('Password', { exact: true }).fill('admin')
  await password.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Disconnect' }).first().click()
  await expect(page.getByRole('main').getByRole('button', { name: 'Connect', exact: true })).toBeVisible()

  // The "router" comes back on the same address with a new certificate.
  await first.proc.stop()
  const second = await emulators.start(emulators.folder('cert-b'), { port: first.port })
  expect(second.fingerprint).not.toBe(first.fingerprint)

  await page.getByRole('main').getByRole('button', { name: 'Connect', exact: true }).click()
  const stop = page.getByRole('dialog', { name: "Stop: this router's certificate has changed" })
  await expect(stop).toBeVisible()
  const prints = stop.getByTestId('fingerprint')
  await expect(prints).toHaveCount(2)
  await expect(prints.nth(0)).toContainText(first.fingerprint)
  await expect(prints.nth(1)).toContainText(second.fingerprint)
  await expect(stop).toContainText('reset to factory settings')
  await expect(stop).toContainText('pretending to be the router')
  await page.screenshot({ path: 'test-results/screenshots/certificate-changed-light.png' })

  // Cancel is the safe default: nothing is connected.
  await stop.getByRole('button', { name: 'Cancel — do not connect' }).click()
  await expect(stop).toBeHidden()
  await expect(page.getByRole('navigation').getByRole('button', { name: /Pump station/ })).not.toContainText('Connected')

  // Only the deliberate action trusts the new certificate; then the stored password logs in.
  await page.getByRole('main').getByRole('button', { name: 'Connect', exact: true }).click()
  await stop.getByRole('button', { name: 'I checked on site — trust the new certificate' }).click()
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()
})
