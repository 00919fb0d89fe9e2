/**
 * The site visit and its report, on an emulator whose Wi-Fi WAN has a wrong key: changes made
 * through the Device section (an MTU, an API client whose secret is shown once, the access
 * point) and a Troubleshoot fix that types the Wi-Fi key; notes saved as typed
 * and still there after the window reloads, finishing the visit, exporting, and the preview
 * and the HTML written to disk carrying the router's identity, firmware, ICCIDs, the actions
 * and the notes, but none of the emulator's secrets.
 */
import { existsSync, readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect, addRouter, fileEmulators, openSection } from './fixtures'
import { expectAccessible, lookBothThemes, setTheme, shoot } from './look'

const ADMIN_PASSWORD = 'Adm1n-Rep0rt-Secret'
const APN_PASSWORD = 'apn-Pa55-Secret'
const NOTES = 'Replaced the antenna cable on the mast. Customer informed about the allowance.'
/** Secrets the emulator holds (src-main/emulator/models), as patterns that do not match inside longer numbers. */
const SEEDED_SECRETS = [
  ADMIN_PASSWORD, APN_PASSWORD,
  'fieldwork2024', 'pallets&forklifts', 'pallets&amp;forklifts', 'eapSecret!', 'barnyard99', 'fieldkit-main-2024', 'guestpass1',
  'b1f0c4a9e2d34f5a8b7c6d5e4f3a2b01', 'b1f0c4a9e2d34f5a8b7c6d5e4f3a2b02',
]
const WEP_KEY = /(?<!\d)1234567890(?!\d)/

const emulators = fileEmulators()

test.use({ viewport: { width: 1360, height: 900 }, colorScheme: 'light' })

async function tab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click()
}

test('a visit: actions, notes that survive a reload, finish, export without secrets', async ({ app: page }) => {
  const emu = await emulators.start(emulators.folder('report-emu'), { adminPassword: ADMIN_PASSWORD, scenario: 'wifi-wrong-key' })
  await addRouter(page, { name: 'Report BR1', port: emu.port, password: emu.password })

  // A fix that needs the Wi-Fi key, typed by the technician.
  await openSection(page, 'Troubleshoot')
  const wifi = page.getByRole('region', { name: 'Findings' }).getByTestId('finding').filter({ hasText: 'PSK_AUTH_FAIL' })
  await wifi.getByRole('button', { name: /Re-enter the Wi-Fi password and connect/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect the Wi-Fi WAN' })
  await dialog.getByLabel('Wi-Fi password').fill('fieldwork2024')
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(page.getByTestId('findings-summary')).toContainText('Nothing found', { timeout: 120_000 })

  // Settings: an MTU staged and applied, an API client, the access point off and on.
  await openSection(page, 'Device')
  const settings = page.getByRole('region', { name: 'WAN settings' })
  const banner = page.getByTestId('pending-banner')
  await settings.getByRole('radiogroup', { name: 'WAN' }).getByText('WAN', { exact: true }).click()
  await settings.getByLabel('MTU', { exact: true }).fill('1400')
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(banner).toContainText('WAN 1 settings')
  await banner.getByRole('button', { name: 'Apply now' }).click()
  await expect(banner).toContainText('Changes applied')

  await tab(page, 'API access')
  await page.getByLabel('Client name').fill('Report client')
  await page.getByRole('button', { name: 'Create client' }).click()
  const createdSecret = (await page.getByTestId('client-secret').textContent())!.trim()
  expect(createdSecret.length).toBeGreaterThan(8)
  await page.getByRole('button', { name: 'I have saved it — hide the secret' }).click()

  await tab(page, 'Access point')
  await page.getByRole('button', { name: 'Turn the access point off…' }).click()
  await page.getByRole('dialog', { name: 'Turn the access point off?' }).getByRole('button', { name: 'Turn it off' }).click()
  await page.getByRole('button', { name: 'Turn the access point on' }).click()
  await expect(page.getByTestId('ap-state')).toHaveText('On')

  // The open visit lists every change with its outcome.
  await openSection(page, 'Report')
  await expect(page.getByTestId('visit-state')).toHaveText('Open')
  const actions = page.getByTestId('visit-action')
  await expect(actions.filter({ hasText: 'cmd.wifi.connect' })).toContainText('Done')
  await expect(actions.filter({ hasText: 'cmd.config.apply' })).toContainText('Done')
  await expect(actions.filter({ hasText: 'cmd.ap' })).toHaveCount(2)
  await expect(actions).toHaveCount(6)
  await expect(actions.filter({ hasText: 'auth.client' })).toContainText('Report client')
  await expect(page.getByTestId('visit-findings')).toContainText('0 problems, 0 warnings, 0 notes at the last check')

  // Notes save on their own a moment after typing stops, and survive closing the window.
  await page.getByLabel('Notes for the report').fill(NOTES)
  await expect(page.getByTestId('notes-status')).toContainText('Saved at')
  await page.reload()
  await page.getByRole('navigation').getByRole('button', { name: /Report BR1/ }).click()
  await openSection(page, 'Report')
  await expect(page.getByLabel('Notes for the report')).toHaveValue(NOTES)
  await lookBothThemes(page, 'report-visit')

  // Finish (confirmed), then export.
  await page.getByRole('button', { name: 'Finish visit…' }).click()
  const finish = page.getByRole('dialog', { name: 'Finish this visit?' })
  await expect(finish).toContainText('closes the visit')
  await finish.getByRole('button', { name: 'Finish visit' }).click()
  await expect(page.getByTestId('visit-state')).toContainText('Finished')
  await expect(page.getByTestId('notes-readonly')).toHaveText(NOTES)
  await page.getByTestId('export-report').click()
  const htmlPath = page.getByTestId('report-html-path')
  await expect(htmlPath).toHaveText(/\.html$/, { timeout: 120_000 })

  // The preview (a sandboxed frame) carries identity, firmware, ICCIDs, actions and notes.
  const preview = page.frameLocator('[data-testid="report-preview"]')
  await expect(preview.locator('h1')).toHaveText('Site visit report: Report BR1')
  await expect(preview.locator('body')).toContainText('8.1.1')
  await expect(preview.locator('body')).toContainText('89852000012345678901')
  await expect(preview.locator('body')).toContainText('89852060098765432109')
  await expect(preview.locator('body')).toContainText('config.wan.connection')
  await expect(preview.locator('body')).toContainText('cmd.wifi.connect')
  await expect(preview.locator('body')).toContainText('cmd.ap')
  await expect(preview.locator('body')).toContainText(NOTES)
  await expect(preview.locator('svg[aria-label="Signal before and after"]')).toBeVisible()
  await expect(page.getByTestId('report-download')).toHaveAttribute('href', /^blob:/)

  // The file on disk: same content, no secret of the router, the Wi-Fi or the API clients.
  const html = readFileSync((await htmlPath.textContent())!.trim(), 'utf8')
  expect(html).toContain('89852000012345678901')
  expect(html).toContain(NOTES)
  for (const secret of [...SEEDED_SECRETS, createdSecret]) expect(html, `the report contains "${secret}"`).not.toContain(secret)
  expect(html).not.toMatch(WEP_KEY)
  const pdf = page.getByTestId('report-pdf-path')
  if (await pdf.isVisible()) expect(existsSync((await pdf.textContent())!.trim())).toBe(true)

  // Listed per device.
  await expect(page.getByTestId('report-row').first()).toContainText('.html')
  await expectAccessible(page, 'report: exported', ['[data-testid="report-preview"]'])
  // Full-page captures leave the sandboxed (out-of-process) frame blank: shoot the viewport at it.
  await page.getByRole('region', { name: 'Site report' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screenshots/report-exported-light.png' })
  await setTheme(page, true)
  await expectAccessible(page, 'report: exported (dark)', ['[data-testid="report-preview"]'])
  await shoot(page, 'report-exported-dark')
})

// An action whose parameters held a nested secret (an APN password in a SIM's settings): the
// report is redacted twice (HTML, then the exported file), and the second pass must leave
// the first one's JSON intact, or main's "a secret survived" guard refuses the export.
test('a visit where an APN password was set still exports, without the password', async ({ app: page }) => {
  const apnEmu = await emulators.start(emulators.folder('report-apn'))
  await addRouter(page, { name: 'APN BR1', port: apnEmu.port, password: apnEmu.password })
  await openSection(page, 'Device')
  const settings = page.getByRole('region', { name: 'WAN settings' })
  await settings.getByRole('radiogroup', { name: 'WAN' }).getByText('Cellular', { exact: true }).click()
  await settings.getByTestId('sim-1-fields').getByLabel('APN password').fill(APN_PASSWORD)
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByTestId('pending-banner').getByText('WAN 2 settings')).toBeVisible()
  await openSection(page, 'Report')
  await page.getByTestId('export-report').click()
  const htmlPath = page.getByTestId('report-html-path')
  await expect(htmlPath).toHaveText(/\.html$/, { timeout: 120_000 })
  expect(readFileSync((await htmlPath.textContent())!.trim(), 'utf8')).not.toContain(APN_PASSWORD)
})
