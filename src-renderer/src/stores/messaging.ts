/**
 * USSD and SMS on one cellular WAN of the connected router: send a USSD code and keep the
 * session's history; read the inbox as conversations (refreshed every 30 s while the screen
 * is open), send an SMS, and fetch a conversation as text for copying or exporting.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Res } from '../../../src-preload/contract'
import { call, listen, toUiError, type UplinkUiError } from '../ipc'
import { useActionsStore } from './actions'
import { createOpTracker } from './running-op'

export type UssdResult = Res<'ussd:send'>
export type Conversation = Res<'sms:conversations'>['conversations'][number]

/** How often the inbox refreshes while the screen is open: gently, the modem is slow. */
export const SMS_REFRESH_MS = 30_000

export const useMessagingStore = defineStore('messaging', () => {
  const deviceId = ref<string | undefined>()
  const connId = ref<number | undefined>()
  const tracker = createOpTracker()
  const ussdResult = ref<UssdResult | undefined>()
  const ussdError = ref<UplinkUiError | undefined>()
  const history = ref<UssdResult[]>([])
  const conversations = ref<Conversation[]>([])
  const inboxSimId = ref<number | undefined>()
  const smsLoading = ref(false)
  const smsLoaded = ref(false)
  const smsError = ref<UplinkUiError | undefined>()
  const lastLoaded = ref<number | undefined>()
  const sending = ref(false)
  let timer: ReturnType<typeof setInterval> | undefined

  listen('workflow:progress', tracker.onProgress)

  function target() {
    if (!deviceId.value || connId.value === undefined) throw new Error('No cellular WAN is selected.')
    return { deviceId: deviceId.value, connId: connId.value }
  }

  /** Picks the device and cellular WAN (a change starts afresh) and loads history and inbox. */
  function select(device: string, wan: number) {
    if (deviceId.value !== device || connId.value !== wan) {
      deviceId.value = device
      connId.value = wan
      ussdResult.value = ussdError.value = smsError.value = undefined
      conversations.value = []
      smsLoaded.value = false
      lastLoaded.value = undefined
    }
    void loadHistory()
    void refreshSms()
  }

  /** Reads the USSD codes sent in this session (newest first). */
  async function loadHistory() {
    if (!deviceId.value) return
    try {
      history.value = await call('ussd:history', { deviceId: deviceId.value })
    } catch {
      // The history is a convenience; the send itself reports its own errors.
    }
  }

  /** Sends a USSD code on a SIM (the active one when not given) and shows the network's answer. */
  async function sendUssd(code: string, simId?: 1 | 2) {
    const t = target()
    ussdResult.value = undefined
    ussdError.value = undefined
    try {
      ussdResult.value = await tracker.run('ussd', `Sending ${code}…`, (opId) => call('ussd:send', { ...t, opId, code, ...(simId ? { simId } : {}) }))
    } catch (err) {
      ussdError.value = toUiError(err)
    } finally {
      void loadHistory()
      void useActionsStore().refresh(t.deviceId)
    }
  }

  /** Reads the inbox as conversations now. */
  async function refreshSms() {
    if (!deviceId.value || connId.value === undefined || smsLoading.value) return
    const t = target()
    smsLoading.value = true
    try {
      const r = await call('sms:conversations', t)
      if (deviceId.value !== t.deviceId || connId.value !== t.connId) return
      conversations.value = r.conversations
      inboxSimId.value = r.simId
      smsError.value = undefined
      smsLoaded.value = true
      lastLoaded.value = Date.now()
    } catch (err) {
      smsError.value = toUiError(err)
    } finally {
      smsLoading.value = false
    }
  }

  /** Refreshes the inbox every 30 s while the screen is open. */
  function startAuto() {
    stopAuto()
    timer = setInterval(() => void refreshSms(), SMS_REFRESH_MS)
  }

  /** Stops the inbox refresh (the screen was left). */
  function stopAuto() {
    clearInterval(timer)
    timer = undefined
  }

  /** Sends an SMS; the conversations come back with it included. Rejects with an UplinkUiError. */
  async function sendSms(address: string, text: string) {
    const t = target()
    sending.value = true
    try {
      const r = await call('sms:send', { ...t, address, text })
      conversations.value = r.conversations
      lastLoaded.value = Date.now()
    } finally {
      sending.value = false
      void useActionsStore().refresh(t.deviceId)
    }
  }

  /** One conversation as plain text (for the clipboard or a .txt file). */
  async function exportText(peer: string): Promise<string> {
    return (await call('sms:exportText', { ...target(), peer })).text
  }

  return {
    deviceId, connId, ussdResult, ussdError, history, conversations, inboxSimId, smsLoading, smsLoaded, smsError, lastLoaded, sending,
    op: tracker.op, elapsedMs: tracker.elapsedMs, cancelling: tracker.cancelling,
    select, loadHistory, sendUssd, refreshSms, startAuto, stopAuto, sendSms, exportText, cancel: tracker.cancel,
  }
})
