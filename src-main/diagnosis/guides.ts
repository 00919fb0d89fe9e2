/**
 * Walking a guide: pure functions over a `GuideProgress`, a plain JSON object the visit
 * stores, so a technician can leave a guide and come back to the same step (even after the
 * app was closed). The handlers run a step's fix action through the workflows, take a new
 * snapshot and call `evaluateStep` again to re-check.
 */
import { z } from 'zod'
import { GUIDES, type Guide, type GuideFocus, type GuideId, type GuideStep, type StepStatus } from './guide-defs'
import type { Finding, Snapshot } from './types'

export { GUIDES, focusedWans, statusOf } from './guide-defs'
export type { Guide, GuideFocus, GuideId, GuideStep, StepCheck, StepStatus } from './guide-defs'

/** The latest check of one step. */
export interface StepResult {
  stepId: string
  status: StepStatus
  summary: string
  findings: Finding[]
  checkedAt: string
  /** `takenAt` of the snapshot the check ran on. */
  snapshotAt: string
  /** How many times the step was checked (re-checks after a fix count). */
  attempts: number
}

/** Where a technician is in a guide: JSON, persisted with the visit. */
export interface GuideProgress {
  guideId: GuideId
  /** Index of the current step; equal to the number of steps once the guide is finished. */
  stepIndex: number
  /** Latest result per step id. */
  results: Record<string, StepResult>
  /** The one WAN the guide is about, when the technician picked one. */
  wanId?: number
  startedAt: string
  updatedAt: string
  finishedAt?: string
}

/** A guide's outline for the UI (the checks themselves stay in main). */
export interface GuideOutline {
  id: GuideId
  title: string
  description: string
  steps: { id: string; title: string; intro: string }[]
}

const iso = (now?: Date) => (now ?? new Date()).toISOString()

/** The guide with this id, or a RangeError naming the known ones. */
export function getGuide(id: string): Guide {
  const g = GUIDES.find((x) => x.id === id)
  if (!g) throw new RangeError(`Unknown guide "${id}"; the guides are ${GUIDES.map((x) => x.id).join(', ')}.`)
  return g
}

/** Every guide's outline, in display order. */
export function listGuides(): GuideOutline[] {
  return GUIDES.map((g) => ({ id: g.id, title: g.title, description: g.description, steps: g.steps.map((s) => ({ id: s.id, title: s.title, intro: s.intro })) }))
}

/** A fresh progress at the first step. */
export function startGuide(guideId: GuideId, opts: { wanId?: number; now?: Date } = {}): GuideProgress {
  getGuide(guideId)
  const at = iso(opts.now)
  return { guideId, stepIndex: 0, results: {}, ...(opts.wanId === undefined ? {} : { wanId: opts.wanId }), startedAt: at, updatedAt: at }
}

/** The step the technician is on, or undefined once the guide is finished. */
export function currentStep(progress: GuideProgress): GuideStep | undefined {
  return getGuide(progress.guideId).steps[progress.stepIndex]
}

/** True once every step has been passed. */
export function isFinished(progress: GuideProgress): boolean {
  return progress.stepIndex >= getGuide(progress.guideId).steps.length
}

function focusOf(progress: GuideProgress): GuideFocus {
  const g = getGuide(progress.guideId)
  return { ...(g.wanType ? { wanType: g.wanType } : {}), ...(progress.wanId === undefined ? {} : { wanId: progress.wanId }) }
}

/** Runs the current step's check on a snapshot and records the result (a re-check replaces it). */
export function evaluateStep(progress: GuideProgress, snapshot: Snapshot, now?: Date): { progress: GuideProgress; result: StepResult } {
  const step = currentStep(progress)
  if (!step) throw new RangeError('This guide is finished; start it again to re-run its checks.')
  const check = step.check(snapshot, focusOf(progress))
  const at = iso(now)
  const result: StepResult = {
    stepId: step.id,
    status: check.status,
    summary: check.summary,
    findings: check.findings,
    checkedAt: at,
    snapshotAt: snapshot.takenAt,
    attempts: (progress.results[step.id]?.attempts ?? 0) + 1,
  }
  return { progress: { ...progress, results: { ...progress.results, [step.id]: result }, updatedAt: at }, result }
}

/** Moves to the next step (a step may be left unresolved: its result stays recorded). */
export function advance(progress: GuideProgress, now?: Date): GuideProgress {
  const steps = getGuide(progress.guideId).steps
  if (progress.stepIndex >= steps.length) return progress
  const at = iso(now)
  const stepIndex = progress.stepIndex + 1
  return { ...progress, stepIndex, updatedAt: at, ...(stepIndex >= steps.length ? { finishedAt: at } : {}) }
}

/** Goes back one step (to re-check something already passed). */
export function goBack(progress: GuideProgress, now?: Date): GuideProgress {
  if (progress.stepIndex === 0) return progress
  const { finishedAt: _done, ...rest } = progress
  return { ...rest, stepIndex: progress.stepIndex - 1, updatedAt: iso(now) }
}

const resultSchema = z.object({
  stepId: z.string(),
  status: z.enum(['ok', 'fix', 'info', 'unchecked']),
  summary: z.string(),
  findings: z.array(z.any()),
  checkedAt: z.string(),
  snapshotAt: z.string(),
  attempts: z.number().int().min(0),
})

const progressSchema = z.object({
  guideId: z.enum(GUIDES.map((g) => g.id) as [GuideId, ...GuideId[]]),
  stepIndex: z.number().int().min(0),
  results: z.record(z.string(), resultSchema),
  wanId: z.number().int().optional(),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
})

/**
 * Reads a stored progress back (resume). Results of steps a newer app no longer has are
 * dropped and the step index is kept within the guide, so an old visit still opens.
 */
export function parseGuideProgress(data: unknown): GuideProgress {
  const p = progressSchema.parse(data) as GuideProgress
  const steps = getGuide(p.guideId).steps
  const known = new Set(steps.map((s) => s.id))
  const results = Object.fromEntries(Object.entries(p.results).filter(([id]) => known.has(id)))
  return { ...p, results, stepIndex: Math.min(p.stepIndex, steps.length) }
}
