/**
 * A site survey on the demo router: start recording, name three antenna positions as they are
 * tried, stop, read which is best, export CSV and KML, and find the survey in the site report.
 */
import { readFileSync } from 'node:fs'
import { test, expect, openDemo, openSection } from './fixtures'
import { expectAccessible } from './look'

test.use({ viewport: { width: 1360, height: 900 }, colorScheme: 'light' })

test('a survey: three positions, stopped, compared and exported', async ({ app: page }) => {
  await openDemo(page, 'Survey')
  await page.getByLabel('First position').fill('window east')
  await page.getByTestId('survey-start').click()
  const recording = page.getByTestId('survey-recording')
  await expect(recording).toContainText('at window east')
  await expect(page.getByTestId('survey-live')).toContainText('RSRP')

  /** Waits until the recording has more samples than now (the next reading is in). */
  async function nextSample() {
    const n = Number(/(\d+) samples?/.exec((await recording.textContent()) ?? '')?.[1] ?? 0)
    await expect(recording).toContainText(new RegExp(`(${n + 1}|${n + 2}|${n + 3}) samples`), { timeout: 120_000 })
  }
  await nextSample()
  // The signal view's alignment tone is here too, and says whether it is on.
  const tone = page.getByRole('button', { name: 'Alignment tone' })
  await tone.click()
  await expect(tone).toHaveAttribute('aria-pressed', 'true')
  await tone.click()
  await expect(tone).toHaveAttribute('aria-pressed', 'false')
  for (const where of ['roof north', 'mast 3 m']) {
    await page.getByLabel('Next position').fill(where)
    await page.getByTestId('survey-mark').click()
    await expect(recording).toContainText(`at ${where}`)
    await nextSample()
    await nextSample()
  }
  await expectAccessible(page, 'survey: recording')
  await page.getByTestId('survey-stop').click()

  await expect(page.getByTestId('survey-verdict')).toContainText(/is best|are alike|Only/)
  await expect(page.getByTestId('survey-rank')).toHaveCount(3)
  await expect(page.getByTestId('survey-chart')).toBeVisible()
  await expect(page.getByTestId('survey-row')).toHaveCount(1)
  await expectAccessible(page, 'survey: compared')

  // A position renamed afterwards: the comparison follows.
  await page.getByRole('button', { name: 'Rename mast 3 m' }).click()
  await page.getByLabel('Rename mast 3 m to').fill('mast 4 m')
  await page.getByTestId('survey-rename-save').click()
  await expect(page.getByTestId('survey-rank').filter({ hasText: 'mast 4 m' })).toHaveCount(1)
  await expect(page.getByTestId('survey-rank').filter({ hasText: 'mast 3 m' })).toHaveCount(0)
  await expect(page.getByTestId('survey-row')).toContainText('mast 4 m')

  // The chart: each band on its own, zoomed in and back out (the main process sends the range).
  const chart = page.getByTestId('survey-chart')
  await expect(chart.locator('path.series')).toHaveCount(1)
  await page.getByText('Each band').click()
  await expect.poll(() => chart.locator('path.series').count()).toBeGreaterThanOrEqual(2)
  await page.getByTestId('survey-zoom-in').click()
  await expect(page.getByTestId('survey-view-range')).toContainText('Showing')
  await page.getByTestId('survey-zoom-all').click()
  await expect(page.getByTestId('survey-view-range')).toHaveText('Showing the whole recording')

  await page.getByTestId('survey-export-csv').click()
  await expect(page.getByTestId('survey-exported')).toContainText('Saved CSV to')
  const csvPath = (await page.getByTestId('survey-exported').locator('.mono').textContent())!.trim()
  const csv = readFileSync(csvPath, 'utf8')
  expect(csv.split('\n')[0]).toMatch(/^time_utc,seconds,position,/)
  expect(csv).toContain('roof north')
  await page.getByTestId('survey-export-kml').click()
  await expect(page.getByTestId('survey-exported')).toContainText('Saved KML to')

  // Continued from the list: the same recording goes on, then stops again.
  const before = Number(/(\d+) samples/.exec((await page.getByTestId('survey-row').textContent()) ?? '')?.[1])
  await page.getByTestId('survey-continue').click()
  await expect(recording).toContainText('at mast 4 m')
  await nextSample()
  await page.getByTestId('survey-stop').click()
  await expect(page.getByTestId('survey-row')).toHaveCount(1)
  await expect.poll(async () => Number(/(\d+) samples/.exec((await page.getByTestId('survey-row').textContent()) ?? '')?.[1])).toBeGreaterThan(before)

  // The comparison is part of the visit: the site report shows it.
  await openSection(page, 'Report')
  await page.getByTestId('export-report').click()
  const htmlPath = page.getByTestId('report-html-path')
  await expect(htmlPath).toHaveText(/\.html$/, { timeout: 120_000 })
  const report = readFileSync((await htmlPath.textContent())!.trim(), 'utf8')
  expect(report).toContain('<h2>Site survey</h2>')
  expect(report).toContain('aria-label="RSRP over the survey of')
  expect(report).toMatch(/roof north|mast 3 m|window east/)
  expect(report).toMatch(/is best|are alike|Only /)
})
