/**
 * `status.wan.connection.allowance` -> Allowance[]. A cellular WAN maps SIM id -> allowance,
 * any other WAN (8.0.1+) is the allowance itself. Keys may be names ("vwan5"): kept as sent.
 */
import type { Allowance, AllowanceEntry, AllowanceMonitor } from '../model'
import { bool, compact, isObj, keyId, listMap, num, orderedEntries, str, strList, text, type Obj } from './read'

const ENDPOINT = 'status.wan.connection.allowance'
const ALLOWANCE_FIELDS = ['enable', 'usage', 'limit', 'percent', 'start', 'unit']

function readEntry(o: Obj, simId?: number): AllowanceEntry {
  return compact({
    simId,
    enable: bool(o.enable) ?? false,
    usage: num(o.usage),
    limit: num(o.limit),
    percent: num(o.percent),
    start: num(o.start),
    unit: text(o.unit),
  })
}

/** An allowance object has its fields directly; a per-SIM map has objects under SIM ids. */
function isAllowanceObj(o: Obj): boolean {
  return ALLOWANCE_FIELDS.some((k) => o[k] !== undefined && !isObj(o[k]))
}

/** Normalises `status.wan.connection.allowance`, in the answer's order. */
export function normalizeAllowance(raw: unknown): Allowance[] {
  return listMap(raw, ENDPOINT).map(({ key, value }) => {
    const entries = isAllowanceObj(value)
      ? [readEntry(value)]
      : orderedEntries(value).map((e) => readEntry(e.value, keyId(e.key)))
    return compact({ wanKey: key, wanId: keyId(key), entries })
  })
}

/** A bandwidth allowance monitor; the e-mail flag is `hasSmtp` on real routers, `hasSntp` in the 8.1.1 reference. */
export function readAllowanceMonitor(v: unknown): AllowanceMonitor | undefined {
  if (!isObj(v)) return undefined
  const out: AllowanceMonitor = {}
  const enable = bool(v.enable)
  if (enable !== undefined) out.enable = enable
  const hasSmtp = bool(v.hasSmtp) ?? bool(v.hasSntp)
  if (hasSmtp !== undefined) out.hasSmtp = hasSmtp
  const action = strList(v.action)
  if (action !== undefined) out.action = action
  const start = num(v.start)
  if (start !== undefined) out.start = start
  const m = v.monthlyAllowance
  const value = isObj(m) ? num(m.value) : undefined
  if (value !== undefined) out.monthlyAllowance = { value, unit: str((m as Obj).unit) ?? 'MB' }
  return out
}
