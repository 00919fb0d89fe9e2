/**
 * Troubleshooting for the connected router: the findings of a fresh diagnosis, the guided
 * flows (progress lives in main's visit, so a guide resumes where it was left), and the fix
 * actions findings offer, run one at a time through the workflows with live progress.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Finding, GuideId, GuideOutline, GuideView, WifiSecurity } from '../../../src-preload/contract'
import type { WifiNetwork } from '../../../src-main/peplink/model'
import { call, listen, toUiError, type UplinkUiError } from '../ipc'
import { resultSentence, type FixAction } from '../fix-actions'
import { count } from '../format'
import { createOpTracker } from './running-op'

/** What the technician typed for a fix that needs it (the Wi-Fi key; never stored here). */
export interface FixInput {
  ssid?: string
  securityPolicy?: WifiSecurity
  key?: string
  loginId?: string
  password?: string
}

/** How a fix action ended, shown under its button. */
export interface FixOutcome {
  tone: 'success' | 'warning' | 'error'
  sentence: string
  error?: UplinkUiError
}

const VISIT_WAIT_MS = 500
const VISIT_TRIES = 20

/** Retries while main is still starting the visit (connect starts it in the background). */
async function whenVisitOpen<T>(fn: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn()
    } catch (err) {
      const e = toUiError(err)
      if (e.kind !== 'not-found' || !/visit/i.test(e.message) || i >= VISIT_TRIES) throw e
      await new Promise((r) => setTimeout(r, VISIT_WAIT_MS))
    }
  }
}

function sentenceOf(res: unknown): FixOutcome {
  if (Array.isArray(res)) {
    const nets = res as WifiNetwork[]
    const names = nets.slice(0, 5).map((n) => `${n.ssid}${n.signalStrength !== undefined ? ` (${n.signalStrength} dBm)` : ''}`)
    return { tone: 'success', sentence: nets.length ? `Found ${count(nets.length, 'Wi-Fi network')}: ${names.join(', ')}${nets.length > 5 ? ', …' : ''}.` : 'No Wi-Fi networks found.' }
  }
  const r = res as { verified?: boolean; connected?: boolean } | null
  const unverified = r?.verified === false || r?.connected === false
  return { tone: unverified ? 'warning' : 'success', sentence: resultSentence(res) }
}

export const useDiagnosisStore = defineStore('diagnosis', () => {
  const deviceId = ref<string | undefined>()
  const findings = ref<Finding[]>([])
  const checkedAt = ref<string | undefined>()
  const diagnosing = ref(false)
  const error = ref<UplinkUiError | undefined>()
  const guides = ref<GuideOutline[]>([])
  const guidesError = ref<UplinkUiError | undefined>()
  const openGuideId = ref<GuideId | undefined>()
  const guide = shallowRef<GuideView | undefined>()
  const guideBusy = ref<'open' | 'check' | 'move' | undefined>()
  const guideError = ref<UplinkUiError | undefined>()
  const fixKey = ref<string | undefined>()
  const outcomes = ref<Record<string, FixOutcome>>({})
  /** The last fix that ran and how it ended, shown where it was started even once its finding is gone. */
  const lastFix = ref<(FixOutcome & { label: string; context: 'guide' | 'findings' }) | undefined>()
  const tracker = createOpTracker()

  listen('workflow:progress', (e) => tracker.onProgress(e))

  /** Switches to a device; another device's findings and open guide are dropped. */
  function select(id: string) {
    if (deviceId.value === id) return
    deviceId.value = id
    findings.value = []
    checkedAt.value = undefined
    error.value = undefined
    openGuideId.value = undefined
    guide.value = undefined
    guideError.value = undefined
    outcomes.value = {}
    lastFix.value = undefined
  }

  /** Runs every rule on a fresh snapshot (recorded as the visit's latest picture). */
  async function run() {
    const id = deviceId.value
    if (!id || diagnosing.value) return
    diagnosing.value = true
    try {
      const res = await call('diagnosis:run', { deviceId: id })
      if (deviceId.value !== id) return
      findings.value = res.findings
      checkedAt.value = res.snapshot.takenAt
      error.value = undefined
    } catch (err) {
      if (deviceId.value === id) error.value = toUiError(err)
    } finally {
      diagnosing.value = false
    }
  }

  /** Loads the guides' outlines once. */
  async function loadGuides() {
    if (guides.value.length) return
    try {
      guides.value = await call('guides:list', {})
      guidesError.value = undefined
    } catch (err) {
      guidesError.value = toUiError(err)
    }
  }

  async function guideCall(kind: 'open' | 'check' | 'move', fn: () => Promise<GuideView>): Promise<GuideView | undefined> {
    const id = deviceId.value
    guideBusy.value = kind
    guideError.value = undefined
    try {
      const view = await whenVisitOpen(fn)
      if (deviceId.value !== id) return undefined
      guide.value = view
      return view
    } catch (err) {
      if (deviceId.value === id) guideError.value = toUiError(err)
      return undefined
    } finally {
      guideBusy.value = undefined
    }
  }

  /** Opens (or resumes) a guide; a step not checked yet is checked at once. */
  async function openGuide(guideId: GuideId) {
    const id = deviceId.value
    if (!id) return
    openGuideId.value = guideId
    guide.value = undefined
    lastFix.value = undefined
    const view = await guideCall('open', () => call('guides:open', { deviceId: id, guideId }))
    if (view && !view.finished && !view.result) await check()
  }

  /** Runs the current step's checks on a fresh snapshot. */
  async function check() {
    const id = deviceId.value
    const g = openGuideId.value
    if (!id || !g) return
    await guideCall('check', () => call('guides:check', { deviceId: id, guideId: g }))
  }

  /** Moves to the next or previous step, checking it when it has no result yet. */
  async function move(direction: 'next' | 'back') {
    const id = deviceId.value
    const g = openGuideId.value
    if (!id || !g) return
    lastFix.value = undefined
    const view = await guideCall('move', () => call('guides:move', { deviceId: id, guideId: g, direction }))
    if (view && !view.finished && !view.result) await check()
  }

  /** Closes the guide on screen; its place is kept in main for when it is opened again. */
  function leaveGuide() {
    openGuideId.value = undefined
    lastFix.value = undefined
    guide.value = undefined
    guideError.value = undefined
  }

  async function execute(id: string, opId: string, a: FixAction, input: FixInput): Promise<unknown> {
    const p = a.params ?? {}
    const connId = Number(p.connId)
    const simId = p.simId === 1 || p.simId === 2 ? p.simId : undefined
    switch (a.workflow) {
      case 'carrier.scan': return call('cellular:scanCarriers', { deviceId: id, opId, connId })
      case 'carrier.select': return call('cellular:selectCarrier', { deviceId: id, opId, connId, ...(simId ? { simId } : {}), carrier: null })
      case 'pci.scan': return call('cellular:scanPci', { deviceId: id, opId, connId })
      case 'pci.clear': return call('cellular:lockPci', { deviceId: id, opId, connId, simId: simId ?? 1, lock: null })
      case 'sim.switch': return call('sim:set', { deviceId: id, opId, connId, enabledSim: (p.enabledSim ?? []) as (1 | 2)[], preferredSim: (p.preferredSim ?? null) as 1 | 2 | null })
      case 'module.reset': return call('module:action', { deviceId: id, opId, connId, action: 'reset' })
      case 'module.rescan': return call('module:action', { deviceId: id, opId, connId, action: 'rescan' })
      case 'billing.newCycle': return call('billing:newCycle', { deviceId: id, connId, ...(simId ? { simId } : {}) })
      case 'wifi.scan': return call('wifi:scan', { deviceId: id, connId })
      case 'wifi.connect': {
        const ssid = input.ssid ?? (typeof p.ssid === 'string' ? p.ssid : '')
        const securityPolicy = input.securityPolicy ?? 'wpa-psk'
        const secret = securityPolicy === 'wpa-eap' ? { loginId: input.loginId, password: input.password } : securityPolicy === 'open' ? {} : { key: input.key }
        return call('wifi:connect', { deviceId: id, opId, connId, ssid, securityPolicy, ...secret })
      }
      case 'wan.enable': return call('wan:priority', { deviceId: id, list: [{ connId, enable: true }], instantActive: true })
      case 'wan.priority': return call('wan:priority', { deviceId: id, list: (p.list ?? []) as { connId: number; priority?: number }[], instantActive: true })
      default: throw new Error('This one is done by hand on site.')
    }
  }

  /**
   * Runs a finding's fix action (one at a time), then re-checks where it was offered: the
   * guide's step, or the whole diagnosis. `key` names the button, so its outcome shows beside it.
   */
  async function runFix(key: string, a: FixAction, input: FixInput = {}, recheck: 'guide' | 'findings' = 'findings') {
    const id = deviceId.value
    if (!id || tracker.op.value) return
    fixKey.value = key
    const { [key]: _old, ...rest } = outcomes.value
    outcomes.value = rest
    try {
      const res = await tracker.run(a.workflow, `${a.label}…`, (opId) => execute(id, opId, a, input))
      outcomes.value = { ...outcomes.value, [key]: sentenceOf(res) }
    } catch (err) {
      const e = toUiError(err)
      outcomes.value = { ...outcomes.value, [key]: { tone: 'error', sentence: e.message, error: e } }
    } finally {
      const o = outcomes.value[key]
      if (o) lastFix.value = { ...o, label: a.label, context: recheck }
      fixKey.value = undefined
    }
    if (deviceId.value !== id) return
    // The guide's step is re-checked first (that is what the technician is looking at); the
    // findings list below it is refreshed too, so it does not show what was just fixed.
    if (recheck === 'guide' && openGuideId.value) await check()
    await run()
  }

  return {
    deviceId, findings, checkedAt, diagnosing, error, guides, guidesError, openGuideId, guide, guideBusy, guideError,
    fixKey, outcomes, lastFix, op: tracker.op, elapsedMs: tracker.elapsedMs, cancelling: tracker.cancelling,
    select, run, loadGuides, openGuide, check, move, leaveGuide, runFix, cancelFix: tracker.cancel,
  }
})
