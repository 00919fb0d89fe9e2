/**
 * Cell locks on a router running 8.5.2 with a lock left from an earlier visit: the Cellular
 * page shows it with a clear button; the cell scan lists band and RSRP/RSRQ, strongest first,
 * serving cell marked; a lock to another operator's cell is warned before it is sent; after a
 * SIM switch the lock form starts afresh; the keychain notice, once dismissed, stays dismissed.
 */
import { rmSync } from 'node:fs'
import { test, expect, addRouter, fileEmulators, openSection, startHost, tempDir } from './fixtures'
import { expectAccessible } from './look'

const emulators = fileEmulators()

test.use({ viewport: { width: 1360, height: 900 }, colorScheme: 'light' })

test('a lock left on the router, cells to choose from, another operator warned, a fresh form after a SIM switch', async ({ app: page }) => {
  const emu = await emulators.start(emulators.folder('locks'), { firmware: '8.5.2', scenario: 'pci-locked' })
  await addRouter(page, { name: 'Locked BR1', port: emu.port, password: emu.password })
  await openSection(page, 'Cellular')
  const progress = page.getByTestId('op-progress')

  await test.step('the lock the router reports is shown, with a clear button that asks first', async () => {
    const reported = page.getByTestId('pci-lock-reported')
    await expect(reported).toHaveCount(1)
    await expect(reported).toContainText('SIM A is locked to channel 3000, PCI 371')
    await reported.getByRole('button', { name: 'Clear the lock on SIM A…' }).click()
    await page.getByRole('dialog', { name: 'Clear the lock on SIM A?' }).getByRole('button', { name: 'Clear the lock' }).click()
    await expect(page.getByTestId('pci-result')).toContainText('Channel/PCI lock cleared', { timeout: 120_000 })
    await expect(page.getByTestId('pci-locks')).toContainText('The router reports no channel/PCI lock on either SIM.')
  })

  await test.step('the cell scan: band and RSRP/RSRQ per cell, strongest first, serving cell marked', async () => {
    await page.getByRole('button', { name: 'Scan cells…' }).click()
    await page.getByRole('dialog', { name: 'Scan for cells?' }).getByRole('button', { name: 'Start the scan' }).click()
    await expect(progress).toBeHidden({ timeout: 120_000 })
    const table = page.getByRole('table', { name: 'Cells heard' })
    await expect(table.locator('thead')).toContainText('RSRP')
    await expect(table.locator('thead')).toContainText('Band')
    const rows = page.getByTestId('cell-row')
    await expect(rows.first()).toContainText('LTE Band 3 (1800 MHz)')
    await expect(rows.filter({ has: page.getByTestId('serving') })).toHaveCount(1)
    await expectAccessible(page, 'cellular: cells with radio values')
  })

  await test.step('a lock to another operator\'s cell is warned before anything is sent', async () => {
    // SIM A is on .csl (454-00); PCI 140 on 1450 is a SmarTone (454-06) cell.
    await page.getByTestId('cell-row').filter({ hasText: '454-06' }).filter({ hasText: '1450' }).getByRole('button', { name: /^Use in lock/ }).click()
    await page.getByRole('button', { name: 'Lock SIM A…' }).click()
    const confirm = page.getByRole('dialog', { name: 'Lock SIM A to channel 1450, PCI 140?' })
    await expect(confirm.getByTestId('pci-operator-warning')).toContainText('This cell belongs to 454-06, but SIM A is on .csl (454-00)')
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByLabel('Channel (EARFCN)')).toHaveValue('1450')
  })

  await test.step('after a SIM switch the lock form no longer aims the old SIM\'s cell at the new one', async () => {
    await page.getByRole('radiogroup', { name: 'Preferred SIM' }).getByRole('radio', { name: 'SIM B' }).check({ force: true })
    await page.getByRole('button', { name: 'Apply SIM changes…' }).click()
    await page.getByRole('dialog', { name: 'Change the SIM selection?' }).getByRole('button', { name: 'Apply' }).click()
    await expect(page.getByTestId('sim-result')).toContainText('Now on SIM B', { timeout: 120_000 })
    await expect(page.getByLabel('Channel (EARFCN)')).toHaveValue('')
    await expect(page.getByLabel('PCI', { exact: true })).toHaveValue('')
    await expect(page.getByRole('radiogroup', { name: 'SIM', exact: true }).getByRole('radio', { name: 'SIM B' })).toBeChecked()
  })
})

test('the keychain notice, once dismissed, stays dismissed after a reload', async ({ page }) => {
  // A host of its own that cannot reach any Secret Service, so the notice is there to dismiss.
  const dir = tempDir('no-keychain')
  const { host, proc } = await startHost(dir, { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent-uplink-bus' })
  try {
    await page.goto(host.launchUrl)
    const notice = page.getByTestId('keychain-notice')
    await expect(notice).toContainText('No system keychain:')
    await notice.getByRole('button', { name: /close/i }).click()
    await expect(notice).toBeHidden()
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
    await expect(notice).toHaveCount(0)
  } finally {
    await proc.stop()
    rmSync(dir, { recursive: true, force: true })
  }
})
