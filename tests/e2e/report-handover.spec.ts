/**
 * The report a customer is handed: antenna markers dropped on the Signal view (kept in the
 * visit, back after a reload) appear with their averages; an export made before "Finish visit"
 * is marked superseded once the visit ends, and exporting again gives the final report; the
 * list of past reports is there as soon as the view opens.
 */
import { readFileSync } from 'node:fs'
import { test, expect, addRouter, fileEmulators, openSection } from './fixtures'

const emulators = fileEmulators()

test.use({ viewport: { width: 1360, height: 900 }, colorScheme: 'light' })

test('markers in the report, an interim export superseded by the final one, the list loaded at once', async ({ app: page }) => {
  const emu = await emulators.start(emulators.folder('handover'))
  await addRouter(page, { name: 'Handover BR1', port: emu.port, password: emu.password })

  await test.step('two antenna positions marked on the Signal view, kept across a reload', async () => {
    await openSection(page, 'Signal')
    await expect(page.getByTestId('signal-updated')).toContainText('Live · updated')
    for (const where of ['roof north', 'mast 3 m']) {
      await page.getByLabel('Marker label').fill(where)
      await page.getByRole('button', { name: 'Drop marker' }).click()
    }
    await expect(page.getByTestId('marker-row')).toHaveCount(2)
    // The visit has them (saved in main) before the page goes away.
    await expect(page.getByTestId('markers-saved')).toHaveText('Saved in the visit')
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Signal', level: 1 })).toBeVisible()
    await expect(page.getByTestId('marker-row')).toHaveCount(2)
    await expect(page.getByTestId('marker-row').first()).toContainText('roof north')
  })

  await test.step('Past reports is loaded when the view opens, without Refresh', async () => {
    await openSection(page, 'Report')
    await expect(page.getByTestId('report-row').first()).toBeVisible()
    await expect(page.getByTestId('no-reports')).toHaveCount(0)
  })

  await test.step('an export while the visit is open is interim, then superseded by the final one', async () => {
    await page.getByTestId('export-report').click()
    await expect(page.getByTestId('report-html-path')).toHaveText(/\.html$/, { timeout: 120_000 })
    await expect(page.getByTestId('export-interim')).toBeVisible()
    const interimPath = (await page.getByTestId('report-html-path').textContent())!.trim()
    const interim = readFileSync(interimPath, 'utf8')
    expect(interim).toContain('Interim report')
    expect(interim).toContain('roof north')
    expect(interim).toContain('mast 3 m')
    expect(interim).toMatch(/Antenna positions tried/)

    await page.getByRole('button', { name: 'Finish visit…' }).click()
    await page.getByRole('dialog', { name: 'Finish this visit?' }).getByRole('button', { name: 'Finish visit' }).click()
    await expect(page.getByTestId('visit-state')).toContainText('Finished')
    await expect(page.getByTestId('export-superseded')).toBeVisible()
    await expect(page.getByTestId('report-superseded').first()).toBeVisible()

    await page.getByRole('button', { name: 'Export the final report' }).click()
    await expect(page.getByTestId('export-superseded')).toHaveCount(0, { timeout: 120_000 })
    const finalPath = (await page.getByTestId('report-html-path').textContent())!.trim()
    const final = readFileSync(finalPath, 'utf8')
    expect(final).not.toContain('(still open)')
    expect(final).not.toContain('Interim report')
    expect(final).toContain('Technical details')
    expect(final).toContain('Data used this cycle')
  })
})
