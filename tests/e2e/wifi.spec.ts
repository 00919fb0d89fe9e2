/**
 * The Wi-Fi WAN screen against the demo router: scan, sort and filter; a wrong key explained,
 * the right key connected, an SSID out of range typed by hand; disconnect and forget
 * confirmed; an SSID profile's key masked then revealed, and a rename staged as pending;
 * then axe and screenshots.
 */
import { test, expect, openDemo } from './fixtures'
import { lookBothThemes, SHOTS } from './look'

test.use({ viewport: { width: 1360, height: 900 }, colorScheme: 'light' })

test('a technician joins the site Wi-Fi as a WAN, sees why attempts fail, and edits the router SSID', async ({ app: page }) => {
  await openDemo(page, 'Wi-Fi WAN')
  const rows = page.getByTestId('wifi-row')
  const row = (ssid: string) => rows.filter({ has: page.getByRole('rowheader', { name: ssid, exact: true }) })
  const outcome = page.getByTestId('wifi-outcome')

  await test.step('scan: every network with its marks, sorted and filtered', async () => {
    await expect(rows).toHaveCount(6)
    await expect(rows.first()).toContainText('Site-Office')
    await expect(row('Site-Office')).toContainText('Connected')
    await expect(row('Site-Office')).toContainText('Saved')
    await expect(row('Site-Office')).toContainText('A2:E5:B8:55:89:DF')
    await expect(row('Site-Office')).toContainText(/-52 dBm\s*excellent/)
    await expect(row('Site-Office').getByRole('img', { name: '5 of 5 bars' })).toBeVisible()
    await expect(row('Corp-Secure')).toContainText('WPA/WPA2 Enterprise')
    const sort = page.getByRole('radiogroup', { name: 'Sort by' })
    await sort.getByText('Name').click()
    await expect(rows.first()).toContainText('Corp-Secure')
    await sort.getByText('Channel').click()
    await expect(rows.first()).toContainText('Legacy-Cam')
    await sort.getByText('Signal').click()
    await expect(rows.last()).toContainText('Far-Barn')
    await page.getByLabel('Filter networks by name').fill('ware')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText('Warehouse-5G')
    await page.getByLabel('Filter networks by name').fill('')
    await expect(rows).toHaveCount(6)
  })

  await test.step('a wrong key: the length checked as typed, the drop confirmed once, the failure explained, nothing saved', async () => {
    await page.getByRole('button', { name: 'Connect to Warehouse-5G' }).click()
    const form = page.getByRole('dialog', { name: 'Connect to Warehouse-5G' })
    const key = form.getByLabel('Wi-Fi password (key)')
    await key.fill('short')
    await expect(form.locator('#wifi-key-error')).toHaveText('Too short: a WPA key has 8 to 63 characters (this has 5).')
    await key.fill('wrong-forklifts')
    await expect(form.locator('#wifi-key-error')).toBeHidden()
    // The drop is said in the form and the one button: no second dialog.
    await expect(form.getByTestId('wifi-drop-warning')).toContainText('The Wi-Fi WAN is connected to Site-Office now')
    await form.getByRole('button', { name: 'Drop Site-Office and connect' }).click()
    await expect(form).toBeHidden()
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(outcome).toContainText('Wrong Wi-Fi password', { timeout: 120_000 })
    await expect(outcome).toContainText('The Wi-Fi password is wrong')
    await expect(outcome).toContainText('PSK_AUTH_FAIL')
    await expect(outcome).toContainText('The profile the router saved for Warehouse-5G was removed')
    await expect(row('Warehouse-5G')).not.toContainText('Saved')
  })

  await test.step('back to the network it was on, in one click from the failure', async () => {
    await outcome.getByRole('button', { name: 'Reconnect to Site-Office' }).click()
    await expect(outcome).toContainText('Connected to Site-Office', { timeout: 120_000 })
  })

  await test.step('the right key: connected, with SSID, BSSID and signal, and saved', async () => {
    await page.getByRole('button', { name: 'Connect to Warehouse-5G' }).click()
    const form = page.getByRole('dialog', { name: 'Connect to Warehouse-5G' })
    await form.getByLabel('Wi-Fi password (key)').fill('pallets&forklifts')
    await form.getByRole('button', { name: 'Drop Site-Office and connect' }).click()
    await expect(form).toBeHidden()
    await expect(outcome).toContainText('Connected to Warehouse-5G (A2:E5:B8:55:8A:10), signal -61 dBm.', { timeout: 120_000 })
    await expect(row('Warehouse-5G')).toContainText('Connected')
    await expect(row('Warehouse-5G')).toContainText('Saved')
  })

  await test.step('disconnect, confirmed', async () => {
    await page.getByRole('button', { name: 'Disconnect…' }).click()
    const confirm = page.getByRole('dialog', { name: 'Disconnect from Warehouse-5G?' })
    await expect(confirm).toContainText('goes down and stays down')
    await confirm.getByRole('button', { name: 'Disconnect' }).click()
    await expect(page.getByTestId('wifi-notice')).toContainText('Disconnected from Warehouse-5G.')
    await expect(row('Warehouse-5G')).not.toContainText('Connected')
  })

  await test.step('an SSID typed by hand that is out of range', async () => {
    await page.getByRole('button', { name: 'Connect to a network by name…' }).click()
    const form = page.getByRole('dialog', { name: 'Connect to a network' })
    await form.getByLabel('Network name (SSID)').fill('Nowhere-Net')
    await form.getByRole('radiogroup', { name: 'Security' }).getByText('WPA/WPA2 Enterprise').click()
    await expect(form.getByLabel('Login')).toBeVisible()
    await expect(form.getByRole('radiogroup', { name: 'Phase 2' })).toBeVisible()
    await form.screenshot({ path: `${SHOTS}/wifi-connect-eap-light.png` })
    await form.getByRole('radiogroup', { name: 'Security' }).getByText('Open').click()
    await expect(form.getByLabel('Login')).toBeHidden()
    await expect(form).toContainText('Open network: no key.')
    await form.getByRole('radiogroup', { name: 'Security' }).getByText('WPA/WPA2 Personal').click()
    await form.getByLabel('Wi-Fi password (key)').fill('whatever123')
    await form.getByRole('button', { name: 'Connect' }).click()
    await expect(outcome).toContainText('Network not found', { timeout: 120_000 })
    await expect(outcome).toContainText('out of range')
  })

  await test.step('forget a saved network, confirmed', async () => {
    await page.getByRole('button', { name: 'Forget Warehouse-5G' }).click()
    const confirm = page.getByRole('dialog', { name: 'Forget Warehouse-5G?' })
    await expect(confirm).toContainText('deletes its saved profile and key')
    await confirm.getByRole('button', { name: 'Forget' }).click()
    await expect(page.getByTestId('wifi-notice')).toContainText('Forgot Warehouse-5G.')
    await expect(row('Warehouse-5G')).not.toContainText('Saved')
  })

  await test.step('SSID profiles: the key masked until revealed; a rename staged as pending', async () => {
    const main = page.getByTestId('ssid-profile').filter({ has: page.getByRole('heading', { name: 'Uplink-Main' }) })
    await expect(main.getByTestId('ssid-key')).not.toContainText('fieldkit')
    await main.getByRole('button', { name: 'Reveal the key of Uplink-Main' }).click()
    await expect(main.getByTestId('ssid-key')).toHaveText('fieldkit-main-2024')
    await main.getByRole('button', { name: 'Hide the key of Uplink-Main' }).click()
    await expect(main.getByTestId('ssid-key')).not.toContainText('fieldkit')

    const guest = page.getByTestId('ssid-profile').filter({ has: page.getByRole('heading', { name: 'Uplink-Guest' }) })
    await guest.getByRole('button', { name: 'Edit Uplink-Guest' }).click()
    await guest.getByLabel('Name', { exact: true }).fill('Uplink-Visitors')
    await guest.getByLabel('New WPA key').fill('short')
    await expect(guest.getByRole('button', { name: 'Save as pending change' })).toBeDisabled()
    await guest.getByLabel('New WPA key').fill('')
    await guest.getByRole('button', { name: 'Save as pending change' }).click()
    await expect(page.getByTestId('ssid-pending')).toContainText('pending until the pending changes are applied')
    const renamed = page.getByTestId('ssid-profile').filter({ has: page.getByRole('heading', { name: 'Uplink-Visitors' }) })
    await expect(renamed).toContainText('Pending')
    await expect(renamed).toContainText('20')
  })

  await expect(page.getByTestId('recent-actions')).toContainText('config.ssid.profile')
  await lookBothThemes(page, 'wifi')
})
