/**
 * The newcomer's path end to end, in the real renderer over the browser host: empty app ->
 * demo router -> trust its certificate -> overview with the emulator's real values -> live
 * signal that moves -> disconnect.
 */
import { test, expect } from './fixtures'

const GRADE = '(excellent|good|fair|poor)'

test('a newcomer tries the demo router: trust, overview, live signal, disconnect', async ({ app: page }) => {
  // Empty app: a welcome with the two big actions.
  await expect(page.getByRole('heading', { name: 'Welcome to Uplink' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add a router' }).first()).toBeVisible()
  await page.getByRole('button', { name: 'Try the demo router' }).click()

  // First connection: the certificate is shown with its fingerprint before anything is trusted.
  const trust = page.getByRole('dialog', { name: "Trust this router's certificate?" })
  await expect(trust).toBeVisible()
  await expect(trust.getByTestId('fingerprint')).toContainText(/([0-9A-F]{2}:){31}[0-9A-F]{2}/)
  await expect(trust.getByText('Subject')).toBeVisible()
  await trust.getByRole('button', { name: 'Trust and connect' }).click()

  // The demo router's password is stored, so connecting goes straight through to the overview.
  await expect(trust).toBeHidden()
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()
  await expect(page.getByText('Connected', { exact: true }).first()).toBeVisible()

  // The emulator's three WANs, in priority order, with their real values.
  await expect(page.getByTestId('wan-name')).toHaveText(['WAN', 'Cellular', 'Wi-Fi WAN'])
  const cellular = page.getByTestId('wan-card').filter({ has: page.getByRole('heading', { name: 'Cellular' }) })
  await expect(cellular.getByTestId('carrier')).toContainText('.csl')
  await expect(cellular.getByTestId('wan-status')).toHaveText('Up')
  const firstBand = cellular.getByTestId('band-row').first()
  await expect(firstBand).toContainText('LTE Band')
  await expect(firstBand.locator('[data-metric="rsrp"]')).toHaveText(new RegExp(`^-\\d+(\\.\\d)? dBm\\s*${GRADE}$`))
  await expect(firstBand.locator('[data-metric="sinr"]')).toHaveText(new RegExp(`^-?\\d+(\\.\\d)? dB\\s*${GRADE}$`))
  const wifi = page.getByTestId('wan-card').filter({ has: page.getByRole('heading', { name: 'Wi-Fi WAN' }) })
  await expect(wifi.getByTestId('ssid')).not.toHaveText('—')
  await expect(wifi.locator('[data-metric="wifi"]')).toHaveText(new RegExp(`^-\\d+ dBm\\s*${GRADE}$`))
  await expect(cellular.getByTestId('allowance').first()).toContainText(/SIM A.*(MB|GB) of .*(MB|GB) · \d+%/)
  await expect(page.getByTestId('firmware')).toContainText('8.1.1')
  await expect(page.getByTestId('gps')).toContainText('Fix')

  // It refreshes on its own: the "last updated" time moves without a click.
  const firstUpdate = await page.getByTestId('last-updated').textContent()
  await expect.poll(() => page.getByTestId('last-updated').textContent(), { timeout: 120_000 }).not.toBe(firstUpdate)

  // Signal: the numbers move about once a second and the chart is drawn.
  await page.getByRole('navigation').getByRole('button', { name: 'Signal', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Signal', level: 1 })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Cellular' })).toBeChecked()
  const sinr = page.getByTestId('readout-sinr')
  await expect(sinr).toHaveText(new RegExp(`-?\\d+(\\.\\d)? dB\\s*${GRADE}`))
  const seen = new Set<string>()
  await expect
    .poll(async () => {
      seen.add((await sinr.textContent()) ?? '')
      return seen.size
    }, { timeout: 120_000 })
    .toBeGreaterThan(2)
  await expect(page.getByTestId('live-chart').locator('canvas')).toBeVisible()
  await expect(page.getByTestId('stats-row').first()).toContainText('LTE Band')

  // Markers average the readings from their drop.
  await page.getByLabel('Marker label').fill('roof, north')
  await page.getByRole('button', { name: 'Drop marker' }).click()
  const marker = page.getByTestId('marker-row').first()
  await expect(marker).toContainText('roof, north')
  await expect(marker).toContainText(/-\d+\.\d/)

  // Leaving the signal view stops the polling in main.
  const unwatched = page.waitForRequest((r) => r.url().endsWith('/ipc/signal:unwatch'))
  await page.getByRole('navigation').getByRole('button', { name: 'Overview', exact: true }).click()
  await unwatched
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()

  // Disconnect: the session ends and the device's details come back with a Connect button.
  await page.getByRole('button', { name: 'Disconnect' }).first().click()
  await expect(page.getByRole('button', { name: 'Connect', exact: true }).first()).toBeVisible()
  await expect(page.getByRole('navigation').getByText('Demo · not connected')).toBeVisible()
})
