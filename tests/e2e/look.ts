/// <reference lib="dom" />
/**
 * Shared checks for how a screen looks and whether everyone can use it: an axe scan that
 * fails on serious or critical violations, full-page screenshots to test-results/screenshots,
 * and switching the theme from the sidebar.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

export const SHOTS = 'test-results/screenshots'

/**
 * Runs axe on the page and fails with a readable list of serious and critical violations.
 * `exclude` skips parts axe cannot enter, such as a sandboxed frame (no scripts run there,
 * so axe would wait for it forever).
 */
export async function expectAccessible(page: Page, what: string, exclude: string[] = []): Promise<void> {
  // Colours are checked once transitions have finished (endless ones, like a spinner, never do).
  await settled(page)
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
  for (const selector of exclude) axe = axe.exclude(selector)
  const result = await axe.analyze()
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n')
  expect(report, `${what}: serious or critical axe violations`).toBe('')
}

/** Waits until no finite animation or transition runs (a theme change fades colours). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity))
}

/** A full-page screenshot from the top (the sidebar is sticky, so scroll back first). */
export async function shoot(page: Page, name: string): Promise<void> {
  await settled(page)
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

/** Switches the theme with the sidebar's switch and waits for it to apply. */
export async function setTheme(page: Page, dark: boolean): Promise<void> {
  const sw = page.getByRole('switch', { name: 'Dark theme' })
  if ((await sw.getAttribute('aria-checked')) !== String(dark)) await sw.click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', dark ? 'dark' : 'light')
}

/** Axe and a screenshot in the light theme, then the same in the dark one, back to light. */
export async function lookBothThemes(page: Page, name: string): Promise<void> {
  await setTheme(page, false)
  await expectAccessible(page, `${name} (light)`)
  await shoot(page, `${name}-light`)
  await setTheme(page, true)
  await expectAccessible(page, `${name} (dark)`)
  await shoot(page, `${name}-dark`)
  await setTheme(page, false)
}
