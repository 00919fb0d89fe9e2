/// <reference lib="dom" />
/**
 * How the app looks and whether everyone can use it: screenshots of the overview and the
 * signal view in light and dark theme (test-results/screenshots), an axe scan of every view
 * (no serious or critical violation), and the theme following the OS and being remembered.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

const SHOTS = 'test-results/screenshots'

/** Runs axe on the page and fails with a readable list of serious and critical violations. */
async function expectAccessible(page: Page, what: string) {
  // Colours are checked once the theme's transitions have finished, not halfway through.
  // (Endless animations such as a spinner are ignored: they never finish.)
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity))
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n')
  expect(report, `${what}: serious or critical axe violations`).toBe('')
}

/** A full-page screenshot from the top (the sidebar is sticky, so scroll back first). */
async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

async function setTheme(page: Page, dark: boolean) {
  const sw = page.getByRole('switch', { name: 'Dark theme' })
  if ((await sw.getAttribute('aria-checked')) !== String(dark)) await sw.click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', dark ? 'dark' : 'light')
}

async function connectDemo(page: Page) {
  await page.getByRole('button', { name: 'Try the demo router' }).click()
  const trust = page.getByRole('dialog', { name: "Trust this router's certificate?" })
  await expect(trust).toBeVisible()
  await expectAccessible(page, 'trust dialog')
  await page.screenshot({ path: `${SHOTS}/trust-dialog-light.png` })
  await trust.getByRole('button', { name: 'Trust and connect' }).click()
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()
}

/** Waits until the signal view has drawn a few seconds of readings. */
async function signalSettled(page: Page) {
  await expect(page.getByTestId('readout-rsrp')).toHaveText(/-\d+ dBm/)
  await expect.poll(() => page.getByTestId('stats-row').first().locator('td').last().textContent(), { timeout: 120_000 }).toMatch(/^([3-9]|\d\d+)$/)
}

test.use({ viewport: { width: 1360, height: 900 }, colorScheme: 'light' })

test('every view passes axe, and the overview and signal view look right in both themes', async ({ app: page }) => {
  await expect(page.getByRole('heading', { name: 'Welcome to Uplink' })).toBeVisible()
  await expectAccessible(page, 'welcome (light)')
  await shoot(page, 'welcome-light')
  await setTheme(page, true)
  await expectAccessible(page, 'welcome (dark)')
  await setTheme(page, false)

  await page.getByRole('button', { name: 'Add a router' }).first().click()
  await expect(page.getByRole('heading', { name: 'Add a router' })).toBeVisible()
  await page.getByRole('button', { name: 'Save and connect' }).click()
  await expect(page.getByText('Give the router a name')).toBeVisible()
  await expectAccessible(page, 'add form with errors')
  await shoot(page, 'add-form-light')

  await page.getByRole('button', { name: 'Discover routers' }).first().click()
  await expect(page.getByRole('heading', { name: 'Discover routers' })).toBeVisible()
  await expect(page.getByText("Reading this laptop's network settings")).toBeHidden()
  await expectAccessible(page, 'discover')
  await shoot(page, 'discover-light')

  await page.getByRole('button', { name: 'Uplink', exact: true }).click()
  await connectDemo(page)
  await expect(page.getByTestId('band-row').first()).toBeVisible()
  await expectAccessible(page, 'overview (light)')
  await shoot(page, 'overview-light')
  await setTheme(page, true)
  await expectAccessible(page, 'overview (dark)')
  await shoot(page, 'overview-dark')

  await page.getByRole('navigation').getByRole('button', { name: 'Signal', exact: true }).click()
  await signalSettled(page)
  await page.getByLabel('Marker label').fill('roof, north')
  await page.getByRole('button', { name: 'Drop marker' }).click()
  await expect(page.getByTestId('marker-row')).toHaveCount(1)
  await expectAccessible(page, 'signal (dark)')
  await shoot(page, 'signal-dark')
  await setTheme(page, false)
  await expect(page.getByTestId('live-chart').locator('canvas')).toBeVisible()
  await expectAccessible(page, 'signal (light)')
  await shoot(page, 'signal-light')

  await page.getByRole('radiogroup', { name: 'WAN' }).getByText('Wi-Fi WAN').click()
  await expect(page.getByRole('radio', { name: 'Wi-Fi WAN' })).toBeChecked()
  await expect(page.getByTestId('readout-wifi')).toHaveText(/-\d+ dBm/)
  await expectAccessible(page, 'signal, Wi-Fi WAN')

  await page.getByRole('navigation').getByRole('button', { name: 'Cellular', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Cellular', level: 1 })).toBeVisible()
  await expect(page.getByTestId('sim-slot').first()).toBeVisible()
  await expectAccessible(page, 'cellular')

  await page.getByRole('button', { name: 'Device details' }).click()
  await expect(page.getByRole('heading', { name: 'Demo router (emulated)', level: 1 })).toBeVisible()
  await expectAccessible(page, 'device details')
  await shoot(page, 'device-details-light')
  await page.getByRole('button', { name: 'Forget router…' }).click()
  await expect(page.getByRole('dialog')).toContainText('keychain')
  await expectAccessible(page, 'forget dialog')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
})

test('the theme follows the OS until the technician picks one, and the choice is remembered', async ({ app: page }) => {
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')

  await setTheme(page, true)
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByRole('button', { name: 'Follow the system theme' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
})
