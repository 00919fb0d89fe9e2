/**
 * Finding a router on the LAN and adding it: discovery on loopback finds an emulated router
 * with its firmware; "Add" pre-fills the form; connecting asks to trust the certificate and
 * for the password (a wrong one is refused with the router's message, the right one works).
 */
import { test, expect, fileEmulators, type Emulator } from './fixtures'

const emulators = fileEmulators()
let emulator: Emulator

test.beforeAll(async () => {
  emulator = await emulators.start(emulators.folder('emulator'))
})

test('discover a router on loopback, add it, log in and rename it', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Discover routers' }).first().click()
  await expect(page.getByRole('heading', { name: 'Discover routers', level: 1 })).toBeVisible()
  await page.getByLabel('Addresses', { exact: true }).fill('127.0.0.1')
  await page.getByLabel('Ports', { exact: true }).fill(String(emulator.port))
  await page.getByRole('button', { name: 'Discover', exact: true }).click()

  const found = page.getByTestId('found-router')
  await expect(found).toHaveCount(1)
  await expect(found).toContainText(`https://127.0.0.1:${emulator.port}`)
  await expect(found).toContainText(/8\.1\.1 build \d+/)
  await expect(found).toContainText(emulator.fingerprint.slice(0, 17))
  await expect(found.getByTestId('found-name')).toHaveText('Peplink MAX BR1 Pro 5G emulator')
  await expect(page.getByText('Done: 1 router found.')).toBeVisible()
  await expect(page.getByRole('progressbar', { name: 'Discovery progress' })).toHaveAttribute('aria-valuenow', '100')

  // "Add" pre-fills the add form with the address found.
  await found.getByRole('button', { name: `Add router at 127.0.0.1:${emulator.port}` }).click()
  await expect(page.getByRole('heading', { name: 'Add a router' })).toBeVisible()
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue('127.0.0.1')
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue(String(emulator.port))
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Peplink MAX BR1 Pro 5G emulator')
  await page.getByLabel('Name', { exact: true }).fill('North depot')
  await page.getByRole('button', { name: 'Save and connect' }).click()

  // Trust the certificate: the dialog shows the fingerprint the emulator printed.
  const trust = page.getByRole('dialog', { name: "Trust this router's certificate?" })
  await expect(trust.getByTestId('fingerprint')).toContainText(emulator.fingerprint)
  await trust.getByRole('button', { name: 'Trust and connect' }).click()

  // No password stored yet: asked for it; a wrong one shows the router's refusal and what to try.
  const password = page.getByRole('dialog', { name: 'Password for North depot' })
  await expect(password).toBeVisible()
  await password.getByLabel('Password', { exact: true }).fill('not-the-password')
  await password.getByRole('button', { name: 'Connect' }).click()
  await expect(password.getByRole('alert')).toContainText('What to try')
  await page.screenshot({ path: 'test-results/screenshots/password-dialog-light.png' })
  await password.getByLabel('Password', { exact: true }).fill('admin')
  await password.getByRole('button', { name: 'Connect' }).click()

  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()
  await expect(page.getByTestId('wan-name')).toHaveText(['WAN', 'Cellular', 'Wi-Fi WAN'])
  await expect(page.getByRole('navigation').getByRole('button', { name: /North depot/ })).toContainText('Connected')

  // Renamed from its details: Enter saves, and the router list follows.
  await page.getByRole('button', { name: 'Device details' }).click()
  await page.getByRole('button', { name: 'Rename North depot' }).click()
  await expect(page.getByLabel('New name')).toBeFocused()
  await page.getByLabel('New name').fill('North depot, cabinet 2')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'North depot, cabinet 2', level: 1 })).toBeVisible()
  await expect(page.getByRole('navigation').getByRole('button', { name: /North depot, cabinet 2/ })).toBeVisible()
})

test('a sweep larger than a /22 asks first, says how large and how long, and streams with time left', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Discover routers' }).first().click()
  // 127.0.0.0/21 holds the emulator at 127.0.0.1; the rest of it refuses at once.
  await page.getByLabel('Addresses', { exact: true }).fill('127.0.0.0/21')
  await page.getByLabel('Ports', { exact: true }).fill(String(emulator.port))
  await page.getByRole('button', { name: 'Discover', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Sweep a large range?' })
  await expect(dialog.getByTestId('large-sweep')).toContainText('That is 2,046 addresses, more than a /22')
  // Cancelled: nothing was sent, no sweep shows.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('progressbar', { name: 'Discovery progress' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Discover', exact: true }).click()
  await dialog.getByRole('button', { name: 'Sweep it' }).click()
  await expect(page.getByTestId('found-router')).toHaveCount(1)
  await expect(page.getByText('Done: 1 router found.')).toBeVisible({ timeout: 120_000 })
})
