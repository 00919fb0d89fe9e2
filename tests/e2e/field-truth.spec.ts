/**
 * Real device families in the app: a MAX BR1 running on its SpeedFusion Connect eSIM, a Balance
 * with a VLAN WAN and a USB modem in standby, and the demo router started as a dual-cellular MAX.
 * What a technician would notice: the SIM that really carries the WAN, the module's name, a
 * backup shown as Standby (not Down), and no advice to switch SIMs on a healthy router.
 */
import { test, expect, addRouter, fileEmulators, openSection } from './fixtures'
import { expectAccessible } from './look'

const emulators = fileEmulators()

test.use({ viewport: { width: 1360, height: 900 }, colorScheme: 'light' })
test.describe.configure({ mode: 'serial' })

test('a MAX BR1 on its eSIM: the SIM in use, the module, and no SIM advice', async ({ app: page }) => {
  const br1 = await emulators.start(emulators.folder('truth-br1'), { model: 'br1-pro-5g', firmware: '8.5.2', scenario: 'esim-in-use' })
  await addRouter(page, { name: 'Bus 01 BR1', port: br1.port, password: br1.password })

  const cellCard = page.getByTestId('wan-card').filter({ has: page.getByTestId('wan-name').getByText('Cellular', { exact: true }) })
  await expect(cellCard.getByTestId('sim-in-use')).toContainText('SpeedFusion Connect eSIM')
  await expect(cellCard.getByTestId('module')).toContainText('Quectel RM520N-GL')
  await expect(cellCard.getByTestId('wan-status')).toHaveText('Up')

  await openSection(page, 'Cellular')
  const virtual = page.getByTestId('sim-virtual')
  await expect(virtual).toContainText('SpeedFusion Connect eSIM')
  await expect(virtual).toContainText('In use')
  await expect(virtual).toContainText('the physical SIMs are idle on purpose')

  // Healthy for its family: the full check finds nothing to act on, and no SIM advice at all.
  await openSection(page, 'Troubleshoot')
  await expect(page.getByTestId('findings-summary')).toHaveText(/Nothing found|0 problems, 0 warnings/)
  await expect(page.getByTestId('finding').filter({ hasText: /SIM/ })).toHaveCount(0)

  await openSection(page, 'Device')
  await page.getByRole('tab', { name: 'Firmware & modules', exact: true }).click()
  const row = page.getByTestId('module-row')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Quectel')
  await expect(row).toContainText('RM520NGLAAR03A07M4G')
  await expect(row).toContainText('861234567890123')
  await expectAccessible(page, 'device-modules')
})

test('a Balance 710: a VLAN WAN, and a USB modem backup shown as Standby, not Down', async ({ app: page }) => {
  const balance = await emulators.start(emulators.folder('truth-b710'), { model: 'balance-710', firmware: '8.5.2' })
  await addRouter(page, { name: 'DC Balance', port: balance.port, password: balance.password })
  const card = (name: string) => page.getByTestId('wan-card').filter({ has: page.getByTestId('wan-name').getByText(name, { exact: true }) })
  await expect(page.getByTestId('wan-card')).toHaveCount(7)
  await expect(card('VLAN WAN')).toContainText('VLAN WAN')
  await expect(card('VLAN WAN').getByTestId('wan-status')).toHaveText('Up')
  await expect(card('USB Modem').getByTestId('wan-status')).toHaveText('Standby')
  await expect(card('USB Modem')).toContainText('USB modem')
})
