/// <reference lib="dom" />
/**
 * The technician's hands never leave the keyboard: tab order reaches every step, Enter and
 * Space activate, Escape closes dialogs, and focus is always visible.
 */
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'

/** Presses Tab until `target` has focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

test('connect to the demo router and reach the signal view with the keyboard alone', async ({ app: page }) => {
  const demo = page.getByRole('button', { name: 'Try the demo router' })
  await tabTo(page, demo)
  // The focus ring is visible (an outline, not only a colour change).
  expect(await demo.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none')

  // Escape closes the trust dialog without trusting anything.
  await page.keyboard.press('Enter')
  const trust = page.getByRole('dialog', { name: "Trust this router's certificate?" })
  await expect(trust).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(trust).toBeHidden()
  await expect(page.getByRole('heading', { name: 'Demo router (emulated)', level: 1 })).toBeVisible()

  // Connect again from the details page: Space on the Connect button, then trust with Enter.
  const connect = page.getByRole('main').getByRole('button', { name: 'Connect', exact: true })
  await tabTo(page, connect)
  await page.keyboard.press('Space')
  await expect(trust).toBeVisible()
  const trustButton = trust.getByRole('button', { name: 'Trust and connect' })
  await tabTo(page, trustButton, 10)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()

  // The sidebar's sections are reachable by Tab and open with Enter.
  const signal = page.getByRole('navigation').getByRole('button', { name: 'Signal', exact: true })
  await tabTo(page, signal)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Signal', level: 1 })).toBeVisible()
  await expect(signal).toHaveAttribute('aria-current', 'page')
  // Focus moves to the page's heading, not left in the sidebar.
  await expect(page.getByRole('heading', { name: 'Signal', level: 1 })).toBeFocused()

  // The tone toggle says whether it is on.
  const tone = page.getByRole('button', { name: 'Alignment tone' })
  await expect(tone).toHaveAttribute('aria-pressed', 'false')

  // From a page chosen in the sidebar, its first field is a few Tabs away (it was 11).
  const messages = page.getByRole('navigation').getByRole('button', { name: 'Messages', exact: true })
  await tabTo(page, messages)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Messages', level: 1 })).toBeFocused()
  const ussd = page.getByLabel('USSD code')
  let presses = 0
  while (!(await ussd.evaluate((el) => el === document.activeElement)) && presses < 12) {
    await page.keyboard.press('Tab')
    presses++
  }
  await expect(ussd).toBeFocused()
  expect(presses).toBeLessThanOrEqual(4)
})
