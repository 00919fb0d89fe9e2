/**
 * Troubleshooting a router in a known faulty state (an emulator started with
 * `--scenario wifi-wrong-key`): the findings show the fault with its evidence, the Wi-Fi
 * guide finds it, the fix runs through the Wi-Fi workflow with the right key, the re-check
 * passes, and after leaving (even reloading the window) the guide resumes at the same step.
 */
import { test, expect, addRouter, fileEmulators, openSection } from './fixtures'
import { expectAccessible, setTheme, shoot } from './look'

const emulators = fileEmulators()

test.use({ viewport: { width: 1360, height: 900 }, colorScheme: 'light' })

test('a Wi-Fi WAN with the wrong key: found, fixed through the guide, re-checked, and the guide resumes', async ({ app: page }) => {
  const emu = await emulators.start(emulators.folder('ts-emu'), { scenario: 'wifi-wrong-key' })
  await addRouter(page, { name: 'Depot BR1', port: emu.port, password: emu.password })
  await openSection(page, 'Troubleshoot')

  // The findings: severity, the WAN it concerns, the router's own values, an explanation, a fix.
  await expect(page.getByTestId('findings-summary')).toContainText(/[1-9]\d* problems?/)
  const wifi = page.getByRole('region', { name: 'Findings' }).getByTestId('finding').filter({ hasText: 'PSK_AUTH_FAIL' })
  await expect(wifi).toContainText('Problem')
  await expect(wifi).toContainText('WAN 3 (Wi-Fi WAN)')
  await expect(wifi).toContainText('Site-Office')
  await expect(wifi).toContainText('pre-shared key mismatch')
  await expect(wifi.getByRole('button', { name: /Re-enter the Wi-Fi password and connect/ })).toBeVisible()
  await expectAccessible(page, 'troubleshoot: guides and findings')
  await shoot(page, 'troubleshoot-light')

  // The guide: step 1 passes, step 2 finds the wrong key.
  await page.getByRole('button', { name: 'Start: Wi-Fi WAN will not connect' }).click()
  const runner = page.getByTestId('guide-runner')
  await expect(runner.getByTestId('step-title')).toHaveText('WAN enabled')
  await expect(runner.getByTestId('step-status')).toHaveText('OK')
  await runner.getByTestId('next-step').click()
  await expect(runner.getByTestId('step-title')).toHaveText('Last connection result')
  await expect(runner.getByTestId('step-status')).toHaveText('Needs a fix')
  await expect(runner.getByTestId('step-result')).toContainText('PSK_AUTH_FAIL')

  // The fix asks for the key, says what will happen, and runs the Wi-Fi workflow.
  await runner.getByRole('button', { name: /Re-enter the Wi-Fi password and connect/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect the Wi-Fi WAN' })
  await expect(dialog).toContainText('drops for a few seconds')
  await expect(dialog.getByLabel('Network (SSID)')).toHaveValue('Site-Office')
  await dialog.getByLabel('Wi-Fi password').fill('fieldwork2024')
  await expectAccessible(page, 'troubleshoot: Wi-Fi fix dialog')
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()

  // The outcome, then the automatic re-check of the step: it passes now.
  await expect(runner.getByTestId('guide-fix-outcome')).toContainText(/connected/i, { timeout: 120_000 })
  await expect(runner.getByTestId('step-status')).toHaveText('OK')
  await expect(runner.getByTestId('step-result')).toContainText('The last attempt connected.')
  await expect(runner.getByTestId('step-result')).toContainText('check 2')
  await expectAccessible(page, 'troubleshoot: guide after the fix')
  await shoot(page, 'troubleshoot-guide-light')
  await runner.getByTestId('next-step').click()
  await expect(runner.getByTestId('step-title')).toHaveText('Wi-Fi signal')

  // Leave the guide, even close the window: main keeps its place.
  await runner.getByRole('button', { name: 'Back to all guides' }).click()
  const item = page.getByTestId('guide-item').filter({ hasText: 'Wi-Fi WAN will not connect' })
  await expect(item.getByTestId('guide-where')).toContainText('step 3 of 5')
  await page.reload()
  await page.getByRole('navigation').getByRole('button', { name: /Depot BR1/ }).click()
  await openSection(page, 'Troubleshoot')
  await expect(item.getByTestId('guide-where')).toContainText('In progress: step 3 of 5 (Wi-Fi signal)')
  await page.getByRole('button', { name: 'Continue: Wi-Fi WAN will not connect' }).click()
  await expect(runner.getByTestId('step-title')).toHaveText('Wi-Fi signal')
  await expect(runner.getByRole('listitem').filter({ hasText: 'Last connection result' })).toContainText('OK')
  await setTheme(page, true)
  await expectAccessible(page, 'troubleshoot: resumed guide (dark)')
  await shoot(page, 'troubleshoot-guide-dark')
})
