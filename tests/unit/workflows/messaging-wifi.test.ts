import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { RouterClient } from '../../../src-main/peplink/client'
import { ValidationError } from '../../../src-main/peplink/errors'
import { buildConversations, conversationText, readConversations, sendSms, sendUssdCode } from '../../../src-main/workflows/messaging'
import { connectWifi, disconnectWifi, forgetWifi, scanWifi } from '../../../src-main/workflows/wifi'

let emu: RunningEmulator
let client: RouterClient
const fast = { pollMs: 50 }

beforeAll(async () => {
  emu = await startEmulator({ scanDurationMs: 300, reconnectMs: 150, wifiConnectMs: 200 })
  client = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'admin', ...emu.credentials } })
  await client.open()
})
afterAll(async () => {
  await client.close()
  await emu.close()
})

describe('USSD and SMS', () => {
  it('sends a USSD code and returns the network answer', async () => {
    const r = await sendUssdCode(client, { connId: 2, code: '*100#' })
    expect(r.reply).toMatch(/Balance/)
    expect(emu.state.ussd.sent.at(-1)?.ussd).toBe('*100#')
    expect(r).toMatchObject({ simId: 1, simInUse: true })
  })

  it('says which SIM answered when the code goes out on the SIM not in use', async () => {
    const r = await sendUssdCode(client, { connId: 2, simId: 2, code: '*100#' })
    expect(r).toMatchObject({ simId: 2, simInUse: false })
    expect(emu.state.ussd.sent.at(-1)).toMatchObject({ simId: 2, ussd: '*100#' })
  })

  it('refuses a USSD code with other characters before sending', async () => {
    const before = emu.state.ussd.sent.length
    await expect(sendUssdCode(client, { connId: 2, code: '*100#; rm' })).rejects.toBeInstanceOf(ValidationError)
    expect(emu.state.ussd.sent.length).toBe(before)
  })

  it('groups the inbox by sender, joins multipart parts in order, newest first', async () => {
    const { conversations } = await readConversations(client, { connId: 2 })
    const latest = conversations.map((c) => c.latest)
    expect([...latest].sort((a, b) => b - a)).toEqual(latest)
    const multipart = conversations.find((c) => c.messages.some((m) => m.parts > 1))!
    const m = multipart.messages.find((x) => x.parts > 1)!
    expect(m.text.indexOf('part 1')).toBeLessThan(m.text.indexOf('part 2'))
    expect(m.ids).toEqual([...m.ids].sort((a, b) => a - b))
  })

  it('sends an SMS that then appears in its conversation, and exports it as text', async () => {
    const sent = await sendSms(client, { connId: 2, address: '+85291234567', text: 'Technician on site' })
    const { conversations } = await readConversations(client, { connId: 2, sent: [sent] })
    const c = conversations.find((x) => x.peer === '+85291234567')!
    expect(c.messages[0]).toMatchObject({ direction: 'out', text: 'Technician on site' })
    expect(conversationText(c)).toMatch(/Sent: Technician on site/)
    await expect(sendSms(client, { connId: 2, address: '+0912', text: 'x' })).rejects.toThrow(/first not 0/)
  })

  it('accepts both spellings of the text and length as a string', () => {
    const convs = buildConversations([
      { id: 2, sender: 'A', timestamp: 100, text: 'one ', length: 4 },
      { id: 6, sender: 'A', timestamp: 100, text: 'two', length: 3 },
      { id: 1, sender: 'B', timestamp: 50, text: 'solo' },
    ])
    expect(convs.map((c) => [c.peer, c.messages[0]!.text])).toEqual([['A', 'one two'], ['B', 'solo']])
  })
})

describe('Wi-Fi as WAN', () => {
  it('scans with signal, in-use and saved marks', async () => {
    const nets = await scanWifi(client, { connId: 3 })
    const office = nets.find((n) => n.ssid === 'Site-Office')!
    expect(office).toMatchObject({ connected: true })
    expect(office.profileId).toBeTypeOf('number')
    expect(nets.every((n) => typeof n.signalStrength === 'number')).toBe(true)
  })

  it('connects with the right key and says where it is connected', async () => {
    const r = await connectWifi(client, { connId: 3, ssid: 'Warehouse-5G', securityPolicy: 'wpa-psk', key: 'pallets&forklifts' }, fast)
    expect(r).toMatchObject({ result: 'CONNECTED', connected: true, ssid: 'Warehouse-5G' })
    expect(r.explanation).toMatch(/^Connected to Warehouse-5G \(/)
  })

  it('explains a wrong key, keeps no profile for it, and offers the network it was on', async () => {
    emu.applyScenario('healthy') // on Site-Office, nothing saved for Warehouse-5G
    const r = await connectWifi(client, { connId: 3, ssid: 'Warehouse-5G', securityPolicy: 'wpa-psk', key: 'wrong-password' }, fast)
    expect(r.result).toBe('PSK_AUTH_FAIL')
    expect(r.explanation).toBe('The Wi-Fi password is wrong. Check it with the network owner and try again. The profile the router saved for Warehouse-5G was removed, so the wrong settings are not kept. The Wi-Fi WAN is down now; it was on Site-Office before.')
    expect(r).toMatchObject({ profileRemoved: true, previous: { ssid: 'Site-Office', securityPolicy: 'wpa-psk' } })
    const saved = await client.api.wifiScan({ connId: 3, infoType: 'config' })
    expect(saved.filter((n) => n.ssid === 'Warehouse-5G' && n.profileId !== undefined)).toEqual([])
    // The saved profile of the network it was on is enough to go back: no key needed.
    const back = await connectWifi(client, { connId: 3, ...r.previous! }, fast)
    expect(back).toMatchObject({ result: 'CONNECTED', ssid: 'Site-Office' })
  })

  it('keeps a profile the technician had saved before, even when the new key is wrong', async () => {
    await connectWifi(client, { connId: 3, ssid: 'Warehouse-5G', securityPolicy: 'wpa-psk', key: 'pallets&forklifts' }, fast)
    const r = await connectWifi(client, { connId: 3, ssid: 'Warehouse-5G', securityPolicy: 'wpa-psk', key: 'wrong-password' }, fast)
    expect(r.profileRemoved).toBeUndefined()
    expect((await client.api.wifiScan({ connId: 3, infoType: 'config' })).some((n) => n.ssid === 'Warehouse-5G' && n.profileId !== undefined)).toBe(true)
  })

  it('explains an absent SSID', async () => {
    const r = await connectWifi(client, { connId: 3, ssid: 'Not-Here', securityPolicy: 'wpa-psk', key: 'whatever1' }, fast)
    expect(r.result).toBe('AP_NOT_FOUND')
    expect(r.explanation).toMatch(/out of range or hidden/)
  })

  it('explains a timeout, and reports honestly when no final result arrives in time', async () => {
    const weak = await connectWifi(client, { connId: 3, ssid: 'Far-Barn', securityPolicy: 'wpa-psk', key: 'barnyard99' }, fast)
    expect(weak.result).toBe('TIMEOUT')
    const pending = await connectWifi(client, { connId: 3, ssid: 'Guest-Open', securityPolicy: 'open' }, { ...fast, timeoutMs: 50 })
    expect(pending).toMatchObject({ final: false, connected: false })
    expect(pending.explanation).toMatch(/no final result/)
  })

  it('disconnects and forgets', async () => {
    await connectWifi(client, { connId: 3, ssid: 'Guest-Open', securityPolicy: 'open' }, fast)
    expect((await disconnectWifi(client, { connId: 3 })).summary).toBe('Disconnected.')
    expect((await forgetWifi(client, { connId: 3, ssid: 'Guest-Open', securityPolicy: 'open' })).summary).toBe('Forgot Guest-Open.')
    expect((await scanWifi(client, { connId: 3 })).find((n) => n.ssid === 'Guest-Open')?.profileId).toBeUndefined()
  })

  it('says a cellular WAN is not a Wi-Fi WAN before trying', async () => {
    await expect(scanWifi(client, { connId: 2 })).rejects.toThrow(/needs a Wi-Fi WAN; WAN 2 \("Cellular"\) is cellular/)
  })
})
