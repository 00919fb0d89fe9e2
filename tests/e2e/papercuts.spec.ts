/// <reference lib="dom" />
/**
 * Field papercuts at the smallest supported window (1024 × 700): the Signal view shows live
 * readings without claiming there is nothing to watch, tables stay readable (no word broken
 * mid-way), USSD says which SIM answered, and the inbox of a SIM not in use is explained.
 */
import type { Locator } from '@playwright/test'
import { test, expect, openDemo, openSection } from './fixtures'
import { shoot } from './look'

test.use({ viewport: { width: 1024, height: 700 }, colorScheme: 'light' })
test.describe.configure({ mode: 'serial' })

/** The cells whose text does not sit on one line (a word broken mid-way spans two); screen-reader-only text (1 px wide) aside. */
async function oneLineEach(cells: Locator): Promise<string[]> {
  return cells.evaluateAll((els) =>
    els.flatMap((el) => {
      const r = document.createRange()
      r.selectNodeContents(el)
      const lines = new Set([...r.getClientRects()].filter((x) => x.width > 1).map((x) => Math.round(x.top)))
      return lines.size > 1 ? [`${el.textContent?.trim()} (${lines.size} lines)`] : []
    }),
  )
}

/** The page is no wider than the window (a table scrolls inside its card instead). */
async function noSidewaysScroll(page: import('@playwright/test').Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
}

test('signal, Wi-Fi table, USSD and SMS at 1024 px', async ({ app: page }) => {
  await openDemo(page, 'Signal')
  await expect(page.getByTestId('signal-updated')).toContainText('Live · updated')
  await expect(page.getByText('This router has no cellular or Wi-Fi WAN')).toHaveCount(0)
  await noSidewaysScroll(page)
  await shoot(page, 'papercuts-signal-1024')

  await openSection(page, 'Wi-Fi WAN')
  const table = page.getByRole('table', { name: 'Wi-Fi networks nearby' })
  await expect(table.getByTestId('wifi-row').first()).toBeVisible({ timeout: 120_000 })
  expect(await oneLineEach(table.locator('thead th'))).toEqual([])
  expect(await oneLineEach(table.locator('tbody th'))).toEqual([])
  await noSidewaysScroll(page)
  await shoot(page, 'papercuts-wifi-1024')

  await openSection(page, 'Messages')
  await page.getByLabel('USSD code').fill('*100#')
  await page.getByRole('radio', { name: 'SIM B' }).first().check({ force: true })
  await page.getByRole('button', { name: 'Send code' }).click()
  await expect(page.getByTestId('ussd-answer')).toContainText('Answer to *100# from SIM B (not in use)', { timeout: 120_000 })

  await page.getByRole('radiogroup', { name: 'Inbox of' }).getByRole('radio', { name: 'SIM B' }).check({ force: true })
  const idle = page.getByTestId('sms-idle-sim')
  await expect(idle).toContainText('The router only gives the inbox of the SIM in use (SIM A)')
  await expect(idle.getByRole('button', { name: 'Open Cellular to switch SIM' })).toBeVisible()
  await noSidewaysScroll(page)
  await shoot(page, 'papercuts-messages-1024')
  await openSection(page, 'Cellular')
  await noSidewaysScroll(page)
  await openSection(page, 'Device')
  await noSidewaysScroll(page)
})
