/**
 * The Messages screen against the demo router: a USSD suggestion edited and sent with the
 * answer and history shown, an invalid code blocked as it is typed, the inbox as
 * conversations with a multipart message joined, an SMS sent after a bad address is refused
 * as typed, copy and export of a conversation; then axe and screenshots.
 */
import { readFileSync } from 'node:fs'
import { test, expect, openDemo } from './fixtures'
import { lookBothThemes } from './look'

test.use({ viewport: { width: 1360, height: 900 }, colorScheme: 'light', permissions: ['clipboard-read', 'clipboard-write'] })

test('a technician checks the balance by USSD, reads the inbox, replies and exports a conversation', async ({ app: page }) => {
  await openDemo(page, 'Messages')
  const code = page.getByLabel('USSD code')
  const send = page.getByRole('button', { name: 'Send code' })

  await test.step('USSD: a suggestion fills the box without sending, is edited, then sent; answer and history shown', async () => {
    await expect(page.getByText('No codes sent yet.')).toBeVisible()
    await page.getByRole('group', { name: /Common codes/ }).getByRole('button', { name: /\*#100#/ }).click()
    await expect(code).toHaveValue('*#100#')
    await expect(code).toBeFocused()
    await expect(page.getByText('No codes sent yet.')).toBeVisible()
    await code.fill('*100#')
    await send.click()
    const answer = page.getByTestId('ussd-answer')
    await expect(answer).toContainText('Answer to *100#')
    await expect(answer).toContainText('Balance: HK$48.50')
    await expect(page.getByTestId('ussd-history')).toContainText(/\*100#.*Balance: HK\$48\.50/)
  })

  await test.step('USSD: a bad character is refused as it is typed', async () => {
    await code.fill('*100#a')
    await expect(page.locator('#ussd-code-error')).toHaveText('Only digits 0-9, * and # are allowed (not "a").')
    await expect(send).toBeDisabled()
    await expect(code).toHaveAttribute('aria-invalid', 'true')
    await code.fill('*101#')
    await expect(send).toBeEnabled()
  })

  await test.step('SMS: conversations by sender, newest first, the multipart message joined in order', async () => {
    const conversations = page.getByTestId('conversation')
    await expect(conversations).toHaveCount(4)
    await expect(conversations.first()).toContainText('csl')
    await conversations.filter({ hasText: '+81325359875' }).click()
    const thread = page.getByTestId('thread')
    await expect(thread.getByRole('heading', { name: 'Conversation with +81325359875' })).toBeVisible()
    const message = thread.getByTestId('sms-message')
    await expect(message).toHaveCount(1)
    await expect(message).toContainText('Multipart message part 1: the cabinet key is in the Multipart message part 2: grey box behind the mast.')
    await expect(message).toContainText('2 parts joined')
    await expect(page.getByTestId('sms-updated')).toContainText('refreshes every 30 s')
  })

  await test.step('SMS: the address rule and the part counter as you type, then the sent message in its conversation', async () => {
    const to = page.getByLabel('To', { exact: true })
    const sendSms = page.getByRole('button', { name: 'Send SMS' })
    await to.fill('85261234567')
    await expect(page.locator('#sms-to-error')).toHaveText('Start with + and the country code, for example +852…')
    await to.fill('+0852612')
    await expect(page.locator('#sms-to-error')).toHaveText('The country code cannot start with 0.')
    const text = page.getByLabel('Message', { exact: true })
    await text.fill('x'.repeat(161))
    await expect(page.locator('#sms-text-hint')).toHaveText('161 characters · 2 SMS (153 per part) · 145 left in this part')
    await text.fill('Café ok 👍')
    await expect(page.locator('#sms-text-hint')).toContainText('Unicode characters · 1 SMS')
    await expect(sendSms).toBeDisabled()

    await to.fill('+85261234567')
    await expect(page.locator('#sms-to-error')).toBeHidden()
    await text.fill('On site now, the router is back up.')
    await sendSms.click()
    const thread = page.getByTestId('thread')
    await expect(thread.getByRole('heading', { name: 'Conversation with +85261234567' })).toBeVisible()
    await expect(thread.getByTestId('sms-message').first()).toContainText('Sent from Uplink')
    await expect(thread.getByTestId('sms-message').first()).toContainText('On site now, the router is back up.')
    await expect(thread).toContainText('Tech arriving at site 14:00.')
    await expect(page.getByTestId('conversation').first()).toContainText('+85261234567')
    await expect(text).toHaveValue('')
  })

  await expect(page.getByTestId('recent-actions')).toContainText('cmd.sms.sendMessage')
  await lookBothThemes(page, 'messages')

  await test.step('copy and export the conversation as text', async () => {
    const thread = page.getByTestId('thread')
    await thread.getByRole('button', { name: 'Copy as text' }).click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Conversation with +85261234567')
    const download = page.waitForEvent('download')
    await thread.getByRole('button', { name: 'Export .txt' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^sms-\+85261234567-\d{4}-\d{2}-\d{2}\.txt$/)
    const text = readFileSync((await file.path())!, 'utf8')
    expect(text).toContain('Conversation with +85261234567')
    expect(text).toMatch(/Sent: On site now, the router is back up\./)
    expect(text).toMatch(/\+85261234567: Tech arriving at site 14:00\./)
  })
})
