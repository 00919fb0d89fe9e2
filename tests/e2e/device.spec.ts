/**
 * The Device section end to end against emulated routers started from the CLI (a BR1 and,
 * for PoE, a Balance 380): WAN priority staged -> banner -> apply; WAN settings checked
 * against the reference's ranges next to the field, then saved as pending and discarded;
 * clients filtered; LAN and PepVPN; GPS; firmware slots; GPIO; the access point; API clients
 * and tokens; PoE with its confirmation. Each sub-section is scanned with axe.
 */
import type { Page } from '@playwright/test'
import { test, expect, addRouter, fileEmulators, grantToken, openSection, type Emulator } from './fixtures'
import { expectAccessible, lookBothThemes, setTheme, shoot } from './look'

const emulators = fileEmulators()
let br1: Emulator | undefined

test.use({ viewport: { width: 1360, height: 900 }, colorScheme: 'light' })
test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  br1 = await emulators.start(emulators.folder('dev-br1'))
})

/** Opens a tab of the Device section. */
async function tab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click()
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true')
}

/** Selects the router in the sidebar (connected earlier in this file's host) and opens Device. */
async function openDevice(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name: new RegExp(name) }).click()
  const connect = page.getByRole('main').getByRole('button', { name: 'Connect', exact: true })
  if (await connect.isVisible()) await connect.click()
  await openSection(page, 'Device')
}

test('WAN priority and settings: staged, shown in the banner, applied or discarded', async ({ app: page }) => {
  await addRouter(page, { name: 'Field BR1', port: br1!.port, password: br1!.password })
  await openSection(page, 'Device')

  // Reorder with the keyboard-accessible buttons: Cellular first, saved as pending.
  const rows = page.getByTestId('priority-row')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('WAN')
  await page.getByRole('button', { name: 'Move Cellular up' }).click()
  await expect(rows.nth(0)).toContainText('Cellular')
  await expect(page.getByRole('status').filter({ hasText: 'Cellular moved to position 1 of 3.' })).toBeAttached()
  await page.getByRole('button', { name: 'Save as pending' }).click()
  const banner = page.getByTestId('pending-banner')
  await expect(banner).toContainText('WAN priority')
  await lookBothThemes(page, 'device-wans')

  // The banner follows the technician to every section until applied.
  await openSection(page, 'Overview')
  await expect(banner).toContainText('WAN priority')
  await banner.getByRole('button', { name: 'Apply now' }).click()
  await expect(banner).toContainText('Changes applied')
  await expect(page.getByTestId('wan-name').first()).toHaveText('Cellular')

  // WAN settings: a value outside the reference's range is shown next to its field.
  await openSection(page, 'Device')
  const settings = page.getByRole('region', { name: 'WAN settings' })
  await settings.getByRole('radiogroup', { name: 'WAN' }).getByText('WAN', { exact: true }).click()
  await expect(settings.getByRole('radio', { name: 'WAN', exact: true })).toBeChecked()
  const mtu = settings.getByLabel('MTU', { exact: true })
  await mtu.fill('100')
  await settings.getByRole('button', { name: 'Save settings' }).click()
  const mtuField = settings.locator('[data-field="wan1-mtu"]')
  await expect(mtuField.getByTestId('field-error')).toHaveText('Must be a whole number from 576 to 9000.')
  await expect(mtu).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page, 'device: WAN settings with an error')
  await mtu.fill('1400')
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(banner).toContainText('WAN 1 settings')
  await expect(mtuField.getByTestId('field-error')).toHaveCount(0)

  // Discarding asks first, then the banner goes away.
  await banner.getByRole('button', { name: 'Discard…' }).click()
  const discard = page.getByRole('dialog', { name: 'Discard the pending changes?' })
  await discard.getByRole('button', { name: 'Discard changes' }).click()
  await expect(banner.getByText('not applied yet')).toHaveCount(0)

  // A cellular WAN's allowance monitor is per SIM: SIM B's limit raised, applied, shown on the overview.
  await settings.getByRole('radiogroup', { name: 'WAN' }).getByText('Cellular', { exact: true }).click()
  await expect(settings).toContainText("A cellular WAN's allowance monitor is set per SIM, below.")
  const simB = settings.getByTestId('sim-2-fields')
  await expect(simB.getByRole('switch', { name: 'Allowance monitor' })).toHaveAttribute('aria-checked', 'true')
  await expect(simB.getByLabel('Monthly allowance (MB)')).toHaveValue('5120')
  await expect(simB).toContainText("The router does not report a SIM's actions")
  await simB.getByLabel('Monthly allowance (MB)').fill('20480')
  await simB.getByLabel('Cycle starts on day').fill('5')
  await simB.getByRole('checkbox', { name: 'Email' }).check()
  await simB.screenshot({ path: 'test-results/screenshots/device-sim-allowance.png' })
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(banner).toContainText('WAN 2 settings')
  await expect(settings.getByTestId('settings-notice')).toContainText('SIM B will use automatic carrier selection once applied')
  await expectAccessible(page, 'device: a cellular WAN with per-SIM allowance')
  await banner.getByRole('button', { name: 'Apply now' }).click()
  await expect(banner).toContainText('Changes applied')
  await openSection(page, 'Overview')
  await expect(page.getByTestId('allowance').filter({ hasText: 'SIM B' })).toContainText('of 20 GB')
})

test('clients, LAN and PepVPN, location, firmware, GPIO and the access point', async ({ app: page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openDevice(page, 'Field BR1')

  // The sub-sections are a tab list: arrow keys move between them.
  await page.getByRole('tab', { name: 'WANs', exact: true }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Clients', exact: true })).toBeFocused()
  await expect(page.getByRole('tab', { name: 'Clients', exact: true })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('client-row')).toHaveCount(4)
  await page.getByRole('checkbox', { name: 'Wi-Fi' }).click()
  await expect(page.getByTestId('client-row')).toHaveCount(2)
  // (Signal and speed need main to ask status.client for outputWeight=full: see the report.)
  for (const row of await page.getByTestId('client-row').all()) await expect(row).toContainText(/Wi-Fi · Uplink-/)
  await page.getByRole('checkbox', { name: 'Wi-Fi' }).click()
  await page.getByRole('switch', { name: 'Active clients only' }).click()
  await expect(page.getByTestId('client-row')).toHaveCount(3)
  await expectAccessible(page, 'device: clients')
  await shoot(page, 'device-clients-light')

  await tab(page, 'LAN & PepVPN')
  await expect(page.getByTestId('lan-row')).toHaveCount(2)
  await expect(page.getByTestId('vpn-peer')).toHaveCount(2)
  await expect(page.getByTestId('vpn-peer').first()).toContainText('HQ-Balance-710')
  // Per-WAN tunnel rows need main to pass tunnelOption (the peer ids) to status.pepvpn: see the report.
  await expect(page.getByTestId('vpn-peer').first()).toContainText(/No tunnel details reported|\d+ ms/)
  await expectAccessible(page, 'device: LAN and PepVPN')

  await tab(page, 'Location')
  await expect(page.getByTestId('gps-fix')).toContainText('GPS fix')
  await expect(page.getByTestId('gps-coords')).toHaveValue('22.340134, 114.152588')
  await page.getByRole('button', { name: 'Copy coordinates' }).click()
  await expect(page.getByText(/Copied\.|press Ctrl\+C/)).toBeVisible()
  await lookBothThemes(page, 'device-location')

  await tab(page, 'Firmware & modules')
  await expect(page.getByTestId('fw-slot')).toHaveCount(2)
  await expect(page.getByTestId('fw-slot').filter({ hasText: 'Running' })).toContainText('8.1.1')
  await expectAccessible(page, 'device: firmware')

  await tab(page, 'PoE & GPIO')
  const gpio1 = page.getByTestId('gpio-row').filter({ hasText: 'GPIO 1' })
  await expect(gpio1).toContainText('Digital input')
  await page.getByRole('button', { name: 'Change GPIO 1' }).click()
  await page.getByRole('radiogroup', { name: 'Type' }).getByText('Digital output').click()
  await expect(page.getByRole('radiogroup', { name: 'Mode' })).toBeVisible()
  await expect(page.getByLabel('Delay (seconds)')).toHaveCount(0)
  await expectAccessible(page, 'device: GPIO editor')
  await page.getByRole('button', { name: 'Save GPIO' }).click()
  await expect(gpio1).toContainText('Digital output')
  await expect(page.getByTestId('pending-banner')).toContainText('GPIO')

  await tab(page, 'Access point')
  await expect(page.getByTestId('ap-state')).toHaveText('On')
  await page.getByRole('button', { name: 'Turn the access point off…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Turn the access point off?' })
  await expect(confirm).toContainText('Wi-Fi client')
  await expectAccessible(page, 'device: access point confirmation')
  await confirm.getByRole('button', { name: 'Turn it off' }).click()
  await expect(page.getByTestId('ap-state')).toHaveText('Off')
  await page.getByRole('button', { name: 'Turn the access point on' }).click()
  await expect(page.getByTestId('ap-state')).toHaveText('On')
  await page.getByTestId('pending-banner').getByRole('button', { name: 'Apply now' }).click()
  await expect(page.getByTestId('pending-banner')).toContainText('Changes applied')
})

test('API access: a client is created with its secret shown once, removed; a token is revoked', async ({ app: page }) => {
  await openDevice(page, 'Field BR1')
  await tab(page, 'API access')
  await expect(page.getByTestId('api-client-row')).toHaveCount(2)
  await page.getByLabel('Client name').fill('Field laptop')
  await page.getByRole('button', { name: 'Create client' }).click()
  const secret = page.getByTestId('client-secret')
  await expect(secret).toHaveText(/^[0-9a-f]{16,}$/i)
  await expect(page.getByTestId('new-secret')).toContainText('shown only this once')
  await expect(page.getByTestId('api-client-row')).toHaveCount(3)
  await expectAccessible(page, 'device: API access with a new secret')
  await page.getByRole('button', { name: 'I have saved it — hide the secret' }).click()
  await expect(secret).toHaveCount(0)

  await page.getByRole('button', { name: 'Remove Field laptop' }).click()
  const remove = page.getByRole('dialog', { name: 'Remove Field laptop?' })
  await expect(remove).toContainText('stops working')
  await remove.getByRole('button', { name: 'Remove client' }).click()
  await expect(page.getByTestId('api-client-row')).toHaveCount(2)

  // A token granted to the seeded read-only client by a separate API user.
  await grantToken(br1!, '7c1e4e0f8c1a4e2b9d3f5a6b7c8d9e02', 'b1f0c4a9e2d34f5a8b7c6d5e4f3a2b02')
  await page.getByRole('region', { name: 'Access tokens' }).getByRole('button', { name: 'Refresh' }).click()
  const token = page.getByTestId('token-row')
  await expect(token).toHaveCount(1)
  await expect(token).toContainText('Uplink read-only')
  await expect(token).toContainText(/…?\w{4}/)
  await shoot(page, 'device-api-light')
  await setTheme(page, true)
  await expectAccessible(page, 'device: API access (dark)')
  await shoot(page, 'device-api-dark')
  await setTheme(page, false)
  await token.getByRole('button', { name: /Revoke the token/ }).click()
  await page.getByRole('dialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke token' }).click()
  await expect(page.getByTestId('no-tokens')).toBeVisible()
})

test('PoE on a Balance 380 is switched per port, and turning it off is confirmed first', async ({ app: page }) => {
  const b380 = await emulators.start(emulators.folder('dev-b380'), { model: 'balance-380' })
  await addRouter(page, { name: 'HQ Balance', port: b380.port, password: b380.password })
  await openSection(page, 'Device')
  await tab(page, 'PoE & GPIO')
  await expect(page.getByTestId('gpio-unsupported')).toBeVisible()

  await page.getByLabel('Ports', { exact: true }).fill('2')
  await page.getByRole('button', { name: 'Turn PoE on' }).click()
  await expect(page.getByTestId('poe-result')).toHaveText('PoE enabled on port 2.')

  await page.getByLabel('Ports', { exact: true }).fill('1')
  await page.getByRole('button', { name: 'Turn PoE off…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Turn PoE off?' })
  await expect(confirm).toContainText('loses power')
  await confirm.getByRole('button', { name: 'Turn PoE off' }).click()
  await expect(page.getByTestId('poe-result')).toHaveText('PoE disabled on port 1.')
  await expectAccessible(page, 'device: PoE')
  await setTheme(page, true)
  await shoot(page, 'device-poe-dark')
  await setTheme(page, false)

  // A port without PoE: the router's refusal is shown as it said it.
  await page.getByLabel('Ports', { exact: true }).fill('4')
  await page.getByRole('button', { name: 'Turn PoE on' }).click()
  await expect(page.getByText('PoE was not changed')).toBeVisible()
  await expect(page.getByText(/does not support PoE/)).toBeVisible()
})

test('a read-only login can look at every section but not change anything', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Add a router' }).first().click()
  await page.getByLabel('Name', { exact: true }).fill('Read-only BR1')
  await page.getByLabel('Address', { exact: true }).fill('127.0.0.1')
  await page.getByLabel('Port', { exact: true }).fill(String(br1!.port))
  await page.getByRole('radiogroup', { name: 'Log in with' }).getByText('API client id').click()
  await page.getByLabel('Client id', { exact: true }).fill('7c1e4e0f8c1a4e2b9d3f5a6b7c8d9e02')
  await page.getByRole('button', { name: 'Save and connect' }).click()
  await page.getByRole('dialog', { name: "Trust this router's certificate?" }).getByRole('button', { name: 'Trust and connect' }).click()
  const secret = page.getByRole('dialog', { name: 'Client secret for Read-only BR1' })
  await secret.getByLabel('Client secret', { exact: true }).fill('b1f0c4a9e2d34f5a8b7c6d5e4f3a2b02')
  await secret.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByTestId('read-only')).toBeVisible()

  await openSection(page, 'Device')
  await expect(page.getByTestId('read-only-notice')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Move Wi-Fi WAN up' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeDisabled()
  await tab(page, 'Clients')
  await expect(page.getByTestId('client-row')).toHaveCount(4)
  await tab(page, 'Access point')
  await expect(page.getByRole('button', { name: /Turn the access point/ })).toBeDisabled()
  await tab(page, 'API access')
  await expect(page.getByTestId('api-admin-only')).toBeVisible()
})
