/**
 * Cellular workflows for one WAN of the connected router: carrier scan and select,
 * channel / PCI scan and lock, SIM slots and switching, module reset / rescan, billing
 * cycles. One workflow runs at a time (they all talk to the same modem); its progress,
 * elapsed time and partial lists live in `op`. Every write refreshes the action log.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { CarrierChoice, ScannedCarrier } from '../../../src-main/peplink/model'
import type { Res } from '../../../src-preload/contract'
import { call, listen, toUiError, type UplinkUiError } from '../ipc'
import { sameNetwork } from '../cellular-rules'
import { count } from '../format'
import { useActionsStore } from './actions'
import { useOverviewStore } from './overview'
import { createOpTracker } from './running-op'

export type CarrierScanResult = Res<'cellular:scanCarriers'>
export type PciScanResult = Res<'cellular:scanPci'>
export type SimOverview = Res<'sim:slots'>
export type SignalSnapshot = Res<'cellular:selectCarrier'>['signalBefore']
export type CellularArea = 'carrier' | 'pci' | 'sim' | 'module' | 'billing'
type SimId = 1 | 2

/** How long a scan waits before asking the technician (extendable while it runs). */
export const SCAN_WAIT_MS = 2 * 60_000
/** How much longer one "wait more" gives a scan. */
export const EXTEND_MS = 60_000

export const useCellularStore = defineStore('cellular', () => {
  const deviceId = ref<string | undefined>()
  const connId = ref<number | undefined>()
  const tracker = createOpTracker()
  const errors = ref<Partial<Record<CellularArea, UplinkUiError>>>({})
  const carrierScan = ref<CarrierScanResult | undefined>()
  const carrierResult = ref<Res<'cellular:selectCarrier'> | undefined>()
  const pciScan = ref<PciScanResult | undefined>()
  const pciResult = ref<(Res<'cellular:lockPci'> & { simId: SimId }) | undefined>()
  const sims = ref<SimOverview | undefined>()
  const simsLoading = ref(false)
  const simResult = ref<Res<'sim:set'> | undefined>()
  const moduleResult = ref<Res<'module:action'> | undefined>()
  const billingResult = ref<{ simId?: number; summary: string } | undefined>()
  /** When the running scan stops waiting (moves when the technician extends it). */
  const deadline = ref(0)

  listen('workflow:progress', tracker.onProgress)

  const busy = computed(() => tracker.op.value !== undefined)
  /** The list a running carrier scan has found so far. */
  const partialCarriers = computed<ScannedCarrier[]>(() => (tracker.op.value?.kind === 'carrier-scan' ? ((tracker.op.value.data as { carriers?: ScannedCarrier[] } | undefined)?.carriers ?? []) : []))
  /** The cells a running channel / PCI scan has heard so far. */
  const partialCells = computed<PciScanResult['cells']>(() =>
    tracker.op.value?.kind === 'pci-scan' ? ((tracker.op.value.data as { cells?: PciScanResult['cells'] } | undefined)?.cells ?? []).map((c) => ({ ...c, serving: false })) : [],
  )

  function clear() {
    errors.value = {}
    carrierScan.value = carrierResult.value = pciScan.value = pciResult.value = undefined
    sims.value = simResult.value = moduleResult.value = billingResult.value = undefined
  }

  /** Picks the device and cellular WAN the screen works on (a change starts afresh). */
  function select(device: string, wan: number) {
    if (deviceId.value === device && connId.value === wan) return
    deviceId.value = device
    connId.value = wan
    clear()
  }

  function target() {
    if (!deviceId.value || connId.value === undefined) throw new Error('No cellular WAN is selected.')
    return { deviceId: deviceId.value, connId: connId.value }
  }

  /** Runs one write of an area: clears its error, records failures, refreshes the log after. */
  async function write<T>(area: CellularArea, fn: () => Promise<T>): Promise<T | undefined> {
    const t = target()
    errors.value = { ...errors.value, [area]: undefined }
    try {
      return await fn()
    } catch (err) {
      errors.value = { ...errors.value, [area]: toUiError(err) }
      return undefined
    } finally {
      void useActionsStore().refresh(t.deviceId)
    }
  }

  /**
   * Polls a scan until done, the (extendable) deadline, or cancel; resumes the router's scan
   * each round. A cancelled scan keeps what it had found: `keepFound` runs while the op, and
   * the partial list its progress carried, are still there (they go when the op settles).
   */
  async function scanLoop(kind: 'carrier-scan' | 'pci-scan', resume: boolean, waitMs: number, round: (opId: string, resume: boolean, timeoutMs: number) => Promise<{ complete: boolean }>, keepFound: () => void) {
    deadline.value = Date.now() + waitMs
    await tracker.run(kind, 'Starting the scan…', async (opId) => {
      let again = resume
      try {
        for (;;) {
          const r = await round(opId, again, Math.max(1000, deadline.value - Date.now()))
          if (r.complete || tracker.cancelling.value || deadline.value - Date.now() < 1000) return
          again = true
        }
      } catch (err) {
        if (toUiError(err).kind !== 'cancelled') throw err
        keepFound()
      }
    })
  }

  /** Scans for carriers; `resume` keeps waiting on the scan already running in the router. */
  async function scanCarriers(resume = false, waitMs = SCAN_WAIT_MS) {
    const t = target()
    carrierResult.value = undefined
    if (!resume) carrierScan.value = undefined
    await write('carrier', () =>
      scanLoop('carrier-scan', resume, waitMs, async (opId, again, timeoutMs) => (carrierScan.value = await call('cellular:scanCarriers', { ...t, opId, resume: again, timeoutMs })), () => {
        const found = partialCarriers.value
        carrierScan.value = { complete: false, carriers: found.map((c) => ({ ...c, inUse: false, selected: false })), selected: carrierScan.value?.selected ?? null, elapsedMs: tracker.elapsedMs.value, summary: `Scan cancelled; ${count(found.length, 'network')} found so far.` }
      }),
    )
  }

  /** Gives the running scan another minute before it stops waiting. */
  function extendScan(ms = EXTEND_MS) {
    deadline.value = Math.max(deadline.value, Date.now()) + ms
  }

  /** Selects a carrier (null: automatic) on the active SIM and waits for the link to come back on it. */
  async function selectCarrier(carrier: CarrierChoice | null) {
    const t = target()
    carrierResult.value = undefined
    const choice = carrier ? { mcc: carrier.mcc, mnc: carrier.mnc, pcs: carrier.pcs ?? 0, ...(carrier.name ? { name: carrier.name } : {}) } : null
    const label = carrier ? carrier.name ?? `${carrier.mcc}-${carrier.mnc}` : 'automatic selection'
    const r = await write('carrier', () => tracker.run('carrier-select', `Selecting ${label}…`, (opId) => call('cellular:selectCarrier', { ...t, opId, carrier: choice })))
    if (!r) return
    carrierResult.value = r
    const scan = carrierScan.value
    if (scan) {
      carrierScan.value = {
        ...scan,
        selected: choice,
        carriers: scan.carriers.map((c) => ({
          ...c,
          selected: !!choice && sameNetwork(c, choice),
          inUse: r.verified && (choice ? sameNetwork(c, choice) : c.name === r.signalAfter.carrier),
        })),
      }
    }
    afterLinkChange()
  }

  /** Scans the LTE cells the modem hears; `resume` keeps waiting on the running scan. */
  async function scanPci(resume = false, waitMs = SCAN_WAIT_MS) {
    const t = target()
    pciResult.value = undefined
    if (!resume) pciScan.value = undefined
    await write('pci', () =>
      scanLoop('pci-scan', resume, waitMs, async (opId, again, timeoutMs) => (pciScan.value = await call('cellular:scanPci', { ...t, opId, resume: again, timeoutMs })), () => {
        const found = partialCells.value
        pciScan.value = { complete: false, cells: found, elapsedMs: tracker.elapsedMs.value, summary: `Scan cancelled; ${count(found.length, 'cell')} heard so far.` }
      }),
    )
  }

  /** Locks a SIM to a channel (and PCI), or clears its lock with null; verifies the link is back on it. */
  async function lockPci(simId: SimId, lock: { channel: number; pci?: number } | null) {
    const t = target()
    pciResult.value = undefined
    const what = lock ? `Locking to channel ${lock.channel}${lock.pci !== undefined ? `, PCI ${lock.pci}` : ''}…` : 'Clearing the lock…'
    const r = await write('pci', () => tracker.run(lock ? 'pci-lock' : 'pci-clear', what, (opId) => call('cellular:lockPci', { ...t, opId, simId, lock })))
    if (r) pciResult.value = { ...r, simId }
    afterLinkChange()
  }

  /** Reads the SIM slots (detected, active, carrier, ICCID, IMSI, APN, allowance, selection). */
  async function loadSims() {
    const t = target()
    simsLoading.value = true
    try {
      const next = await call('sim:slots', t)
      if (deviceId.value === t.deviceId && connId.value === t.connId) sims.value = next
      errors.value = { ...errors.value, sim: undefined }
    } catch (err) {
      errors.value = { ...errors.value, sim: toUiError(err) }
    } finally {
      simsLoading.value = false
    }
  }

  /** Changes which SIMs are enabled and which is preferred; verifies the active SIM and the link. */
  async function setSims(enabledSim: SimId[], preferredSim: SimId | null) {
    const t = target()
    simResult.value = undefined
    const r = await write('sim', () => tracker.run('sim-set', 'Changing the SIM selection…', (opId) => call('sim:set', { ...t, opId, enabledSim, preferredSim })))
    if (r) simResult.value = r
    afterLinkChange()
  }

  /** Resets the cellular module or rescans the network; waits for the link to come back. */
  async function moduleAction(action: 'reset' | 'rescan') {
    const t = target()
    moduleResult.value = undefined
    const r = await write('module', () => tracker.run(`module-${action}`, action === 'reset' ? 'Resetting the module…' : 'Rescanning the network…', (opId) => call('module:action', { ...t, opId, action })))
    if (r) moduleResult.value = r
    afterLinkChange()
  }

  /** Starts a new billing cycle for one SIM; its usage goes back to zero. */
  async function newCycle(simId: SimId) {
    const t = target()
    billingResult.value = undefined
    const r = await write('billing', () => call('billing:newCycle', { ...t, simId }))
    if (!r) return
    billingResult.value = { simId, summary: r.summary }
    const s = sims.value
    if (s && r.allowance) sims.value = { ...s, slots: s.slots.map((x) => (x.id === simId ? { ...x, allowance: r.allowance } : x)) }
  }

  /** After a write that moved the link: fresh SIM facts and WAN status. */
  function afterLinkChange() {
    void loadSims()
    void useOverviewStore().refresh()
  }

  return {
    deviceId, connId, errors, carrierScan, carrierResult, pciScan, pciResult, sims, simsLoading, simResult, moduleResult, billingResult, deadline,
    op: tracker.op, elapsedMs: tracker.elapsedMs, cancelling: tracker.cancelling, busy, partialCarriers, partialCells,
    select, scanCarriers, extendScan, selectCarrier, scanPci, lockPci, loadSims, setSims, moduleAction, newCycle, cancel: tracker.cancel,
  }
})
