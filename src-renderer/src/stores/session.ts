/**
 * Connections to routers and the trust steps on the way: a new certificate to approve, a
 * changed certificate to stop at, a password to ask for. The dialogs read `prompt`; the
 * rest of the app reads `current` and `readOnly`.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { CertificateView, ConnectOutcome, SessionView } from '../../../src-preload/contract'
import { call, listen, toUiError, type UplinkUiError } from '../ipc'
import { useDevicesStore } from './devices'
import { useNavStore } from './nav'
import { useOverviewStore } from './overview'
import { useSignalStore } from './signal'

export type ConnectPrompt =
  | { kind: 'trust'; deviceId: string; certificate: CertificateView }
  | { kind: 'changed'; deviceId: string; expected: string; presented: CertificateView }
  | { kind: 'secret'; deviceId: string; error?: UplinkUiError; reason?: string }

export const useSessionStore = defineStore('session', () => {
  const sessions = ref<Record<string, SessionView>>({})
  const linkState = ref<Record<string, { state: string; message?: string }>>({})
  const connecting = ref<string | undefined>()
  const prompt = ref<ConnectPrompt | undefined>()
  const connectNotice = ref<{ deviceId: string; text: string } | undefined>()
  const busy = ref(false)
  const failure = ref<{ deviceId: string; error: UplinkUiError } | undefined>()
  const disconnecting = ref<string | undefined>()

  const nav = useNavStore()
  const current = computed(() => (nav.deviceId ? sessions.value[nav.deviceId] : undefined))
  /** True when the current session may only read: write controls are then disabled. */
  const readOnly = computed(() => current.value?.readOnly ?? false)

  function isConnected(deviceId: string | undefined): boolean {
    return deviceId !== undefined && sessions.value[deviceId] !== undefined
  }

  /** Connected, but the router has stopped answering (main keeps checking). */
  function isSilent(deviceId: string | undefined): boolean {
    return isConnected(deviceId) && linkState.value[deviceId!]?.state === 'reconnecting'
  }

  function forget(deviceId: string) {
    const { [deviceId]: _gone, ...rest } = sessions.value
    sessions.value = rest
    useSignalStore().stopFor(deviceId)
    useOverviewStore().stopFor(deviceId)
  }

  function settle(deviceId: string, outcome: ConnectOutcome) {
    if (outcome.status === 'connected') {
      sessions.value = { ...sessions.value, [deviceId]: outcome.session }
      prompt.value = undefined
      // What main had to say about this login (plain HTTP, a secret kept for this session only).
      connectNotice.value = outcome.notice ? { deviceId, text: outcome.notice } : undefined
      void useDevicesStore().refresh(deviceId)
      nav.go('overview', { deviceId })
    } else if (outcome.status === 'trust-required') prompt.value = { kind: 'trust', deviceId, certificate: outcome.certificate }
    else if (outcome.status === 'certificate-changed') prompt.value = { kind: 'changed', deviceId, expected: outcome.expected, presented: outcome.presented }
    else prompt.value = { kind: 'secret', deviceId, ...(outcome.reason ? { reason: outcome.reason } : {}) }
  }

  /** Connects, walking the trust steps; a wrong stored password asks for the right one. */
  async function connect(deviceId: string, opts: { secret?: string; remember?: boolean } = {}) {
    connecting.value = deviceId
    failure.value = undefined
    const devices = useDevicesStore()
    try {
      // The demo router runs inside Uplink: (re)start it first, it may be on a new port.
      if (devices.byId.get(deviceId)?.demo) await devices.startDemo()
      settle(deviceId, await call('session:connect', { deviceId, ...opts }))
    } catch (err) {
      const error = toUiError(err)
      if (error.kind === 'authentication') prompt.value = { kind: 'secret', deviceId, error }
      else if (prompt.value?.kind === 'secret') prompt.value = { ...prompt.value, error }
      else {
        prompt.value = undefined
        failure.value = { deviceId, error }
      }
    } finally {
      connecting.value = undefined
    }
  }

  /** Pins the certificate shown in the open prompt, then connects again. */
  async function trustAndConnect() {
    const p = prompt.value
    if (!p || p.kind === 'secret') return
    busy.value = true
    try {
      await useDevicesStore().trust(p.deviceId, p.kind === 'trust' ? p.certificate.fingerprint256 : p.presented.fingerprint256)
      prompt.value = undefined
      await connect(p.deviceId)
    } catch (err) {
      prompt.value = undefined
      failure.value = { deviceId: p.deviceId, error: toUiError(err) }
    } finally {
      busy.value = false
    }
  }

  /** Answers the password prompt. */
  async function submitSecret(secret: string, remember: boolean) {
    const p = prompt.value
    if (!p || p.kind !== 'secret') return
    busy.value = true
    try {
      await connect(p.deviceId, { secret, remember })
    } finally {
      busy.value = false
    }
  }

  /** Closes the open prompt without connecting. */
  function cancelPrompt() {
    prompt.value = undefined
  }

  /** Logs out of a router and stops everything polling it. */
  async function disconnect(deviceId: string) {
    disconnecting.value = deviceId
    forget(deviceId)
    try {
      await call('session:disconnect', { deviceId })
    } catch (err) {
      failure.value = { deviceId, error: toUiError(err) }
    } finally {
      disconnecting.value = undefined
      nav.leaveDevice(deviceId, 'details')
    }
  }

  /**
   * Syncs with the sessions main holds: picks them up after a reload, and forgets those main
   * closed on its own (a device's address changed, or it was forgotten).
   */
  async function load() {
    try {
      const list = await call('session:list', {})
      const live = new Set(list.map((s) => s.deviceId))
      for (const id of Object.keys(sessions.value)) {
        if (!live.has(id)) {
          forget(id)
          nav.leaveDevice(id, 'details')
        }
      }
      sessions.value = Object.fromEntries(list.map((s) => [s.deviceId, s]))
      // A window opened (or reloaded) while a router is silent learns it here, not at the next change.
      for (const s of list) if (s.notAnswering) linkState.value = { ...linkState.value, [s.deviceId]: { state: 'reconnecting', message: s.notAnswering } }
    } catch {
      // Not fatal: the technician can connect again.
    }
  }

  listen('session:state', (e) => {
    linkState.value = { ...linkState.value, [e.deviceId]: { state: e.state, message: e.message } }
    if (e.state === 'closed' || e.state === 'lost') {
      forget(e.deviceId)
      nav.leaveDevice(e.deviceId, 'details')
    }
  })

  return {
    sessions, linkState, connecting, prompt, busy, failure, disconnecting, current, readOnly, connectNotice,
    isConnected, isSilent, connect, trustAndConnect, submitSecret, cancelPrompt, disconnect, load,
    clearFailure: () => (failure.value = undefined),
    dismissConnectNotice: () => (connectNotice.value = undefined),
  }
})
