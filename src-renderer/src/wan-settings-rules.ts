/**
 * The WAN settings form: its values, the reference's ranges for each field (mirrored from
 * the router API reference for config.wan.connection, so a wrong value is caught before it
 * is sent), what changed, and where an error main reports with a `field` belongs. Pure, no Vue.
 */
import type { AllowanceSettings, WanSettings } from '../../src-preload/contract'
import type { Allowance, Wan, WanConfig } from '../../src-main/peplink/model'

/** The reference's limits for the fields the form edits. */
export const LIMITS = {
  nameMax: 64,
  mtu: { min: 576, max: 9000, typical: 1500 },
  timeout: { min: 200, max: 10000 },
  interval: { min: 5, max: 3600 },
  retry: { min: 1, max: 20 },
  recovery: { min: 1, max: 20 },
  allowanceStart: { min: 0, max: 28 },
  apnMax: 64,
  credentialMax: 64,
  hostsMax: 2,
} as const

export type HealthType = 'ping' | 'nslookup' | 'http' | 'smartcheck'
export type AllowanceAction = 'email' | 'disconnect' | 'restrict'

/** An allowance monitor: the WAN's, or on a cellular WAN one SIM's. */
export interface AllowanceForm {
  enable: boolean
  monthlyMb: number | null
  start: number | null
  actions: AllowanceAction[]
  /** False for a SIM's monitor: the router does not report its actions, so they are sent only once edited. */
  actionsKnown: boolean
}

export interface SimForm {
  id: 1 | 2
  apn: string
  apnUsername: string
  /** Empty: unchanged (the router keeps its password; Uplink never sees it). */
  apnPassword: string
  hasApnPassword: boolean
  /** Empty: unchanged. */
  simPin: string
  clearPin: boolean
  allowance: AllowanceForm
}

export interface WanForm {
  id: number
  name: string
  enable: boolean
  /** null: the router's default for the link. */
  mtu: number | null
  /** The health check cannot be read back, so it is only sent when the technician edits it. */
  editHealth: boolean
  health: { enable: boolean; type: HealthType; host1: string; host2: string; timeout: number | null; interval: number | null; retry: number | null; recovery: number | null }
  /** The WAN's monitor (a cellular WAN has one per SIM instead). */
  allowance: AllowanceForm
  sims: SimForm[]
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {})
const UNIT_MB: Record<string, number> = { MB: 1, GB: 1024, TB: 1024 * 1024 }
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** The form as the router reported this WAN (status, allowance, and the last save's answer). */
export function initialForm(wan: Wan, allowance?: Allowance, saved?: WanConfig): WanForm {
  const s = obj(saved?.settings)
  const hc = obj(s.healthcheck)
  const hosts = (obj(obj(hc.method).detail).host as unknown[] | undefined)?.map(String) ?? []
  const monitor = wan.allowanceMonitor
  // A cellular WAN's entries are its SIMs' (read per SIM below), not the WAN's.
  const entry = allowance?.entries.find((e) => e.simId === undefined)
  const ma = monitor?.monthlyAllowance
  const limitMb = ma ? ma.value * (UNIT_MB[ma.unit] ?? 1) : entry?.limit
  return {
    id: wan.id,
    name: saved?.name ?? wan.name,
    enable: saved?.enable ?? wan.enable,
    mtu: int(obj(s.physical).mtu) ?? wan.mtu ?? null,
    editHealth: false,
    health: {
      enable: typeof hc.enable === 'boolean' ? hc.enable : true,
      type: (obj(hc.method).type as HealthType | undefined) ?? 'ping',
      host1: hosts[0] ?? '',
      host2: hosts[1] ?? '',
      timeout: int(hc.timeout),
      interval: int(hc.interval),
      retry: int(hc.retry),
      recovery: int(hc.recovery),
    },
    allowance: {
      enable: monitor?.enable ?? entry?.enable ?? false,
      monthlyMb: limitMb ?? null,
      start: monitor?.start ?? entry?.start ?? null,
      actions: (monitor?.action ?? []).filter((a): a is AllowanceAction => a === 'email' || a === 'disconnect' || a === 'restrict'),
      actionsKnown: true,
    },
    sims: (wan.cellular?.sims ?? [])
      .filter((x): x is typeof x & { id: 1 | 2 } => x.id === 1 || x.id === 2)
      .map((x) => {
        // status.wan.connection.allowance reports each SIM's monitor, without its actions.
        const e = allowance?.entries.find((a) => a.simId === x.id)
        return {
          id: x.id, apn: x.apn ?? '', apnUsername: x.apnUsername ?? '', apnPassword: '', hasApnPassword: x.hasApnPassword, simPin: '', clearPin: false,
          allowance: { enable: e?.enable ?? false, monthlyMb: e?.limit ?? null, start: e?.start ?? null, actions: [], actionsKnown: false },
        }
      }),
  }
}

function range(v: number | null, r: { min: number; max: number }, required: boolean): string | undefined {
  if (v === null) return required ? `Enter a whole number from ${r.min} to ${r.max}.` : undefined
  if (!Number.isInteger(v) || v < r.min || v > r.max) return `Must be a whole number from ${r.min} to ${r.max}.`
  return undefined
}

/** Field key -> message for every value outside the reference's ranges. */
export function validateWanForm(f: WanForm): Record<string, string> {
  const e: Record<string, string | undefined> = {}
  const name = f.name.trim()
  e.name = !name ? 'Give the WAN a name.' : name.length > LIMITS.nameMax ? `At most ${LIMITS.nameMax} characters.` : undefined
  e.mtu = range(f.mtu, LIMITS.mtu, false)
  if (f.editHealth) {
    e['health.timeout'] = range(f.health.timeout, LIMITS.timeout, false)
    e['health.interval'] = range(f.health.interval, LIMITS.interval, false)
    e['health.retry'] = range(f.health.retry, LIMITS.retry, false)
    e['health.recovery'] = range(f.health.recovery, LIMITS.recovery, false)
    const hosts = [f.health.host1, f.health.host2].map((h) => h.trim())
    e['health.hosts'] = hosts.some((h) => h.length > 253 || /\s/.test(h)) ? 'A host is a name or address without spaces.' : undefined
  }
  validateAllowance(f.allowance, 'allowance', e)
  for (const s of f.sims) {
    validateAllowance(s.allowance, `sim${s.id}.allowance`, e)
    e[`sim${s.id}.apn`] = s.apn.length > LIMITS.apnMax ? `At most ${LIMITS.apnMax} characters.` : undefined
    e[`sim${s.id}.apnUsername`] = s.apnUsername.length > LIMITS.credentialMax ? `At most ${LIMITS.credentialMax} characters.` : undefined
    e[`sim${s.id}.apnPassword`] = s.apnPassword.length > LIMITS.credentialMax ? `At most ${LIMITS.credentialMax} characters.` : undefined
    e[`sim${s.id}.simPin`] = s.simPin && !/^\d{4,8}$/.test(s.simPin) ? 'A SIM PIN is 4 to 8 digits.' : undefined
  }
  return Object.fromEntries(Object.entries(e).filter((x): x is [string, string] => x[1] !== undefined))
}

function validateAllowance(a: AllowanceForm, key: string, e: Record<string, string | undefined>): void {
  if (!a.enable) return
  e[`${key}.monthlyMb`] = a.monthlyMb === null ? 'Enter the monthly allowance in MB.' : !Number.isInteger(a.monthlyMb) || a.monthlyMb < 1 ? 'Must be a whole number of MB, 1 or more.' : undefined
  e[`${key}.start`] = range(a.start, LIMITS.allowanceStart, false)
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The monitor as sent, when it changed; a SIM's actions only once the technician edited them. */
function allowanceChange(initial: AllowanceForm | undefined, a: AllowanceForm): AllowanceSettings | undefined {
  if (initial && same(a, initial)) return undefined
  const sendActions = a.actionsKnown || !same(a.actions, initial?.actions ?? [])
  return { enable: a.enable, ...(a.monthlyMb !== null ? { monthlyMb: a.monthlyMb } : {}), ...(a.start !== null ? { start: a.start } : {}), ...(sendActions ? { action: a.actions } : {}) }
}

/** Only what changed, as the contract's WanSettings (undefined when nothing changed). */
export function changedSettings(initial: WanForm, f: WanForm): WanSettings | undefined {
  const out: WanSettings = { id: f.id }
  if (f.name.trim() !== initial.name) out.name = f.name.trim()
  if (f.enable !== initial.enable) out.enable = f.enable
  if (f.mtu !== initial.mtu) out.mtu = f.mtu
  if (f.editHealth) {
    const h = f.health
    const hosts = [h.host1, h.host2].map((x) => x.trim()).filter(Boolean)
    out.healthcheck = {
      enable: h.enable,
      type: h.type,
      ...(hosts.length ? { hosts } : {}),
      ...(h.timeout !== null ? { timeout: h.timeout } : {}),
      ...(h.interval !== null ? { interval: h.interval } : {}),
      ...(h.retry !== null ? { retry: h.retry } : {}),
      ...(h.recovery !== null ? { recovery: h.recovery } : {}),
    }
  }
  const allowance = allowanceChange(initial.allowance, f.allowance)
  if (allowance) out.allowance = allowance
  const sims = f.sims.flatMap((s) => {
    const before = initial.sims.find((x) => x.id === s.id)
    const change: NonNullable<WanSettings['sims']>[number] = { id: s.id }
    if (s.apn !== before?.apn) change.apn = s.apn
    if (s.apnUsername !== before?.apnUsername) change.apnUsername = s.apnUsername
    if (s.apnPassword) change.apnPassword = s.apnPassword
    if (s.clearPin) change.simPin = null
    else if (s.simPin) change.simPin = s.simPin
    const allowance = allowanceChange(before?.allowance, s.allowance)
    if (allowance) change.allowance = allowance
    return Object.keys(change).length > 1 ? [change] : []
  })
  if (sims.length) out.sims = sims
  return Object.keys(out).length > 1 ? out : undefined
}

const MAIN_FIELDS: [RegExp, (m: RegExpMatchArray, sims: number[]) => string][] = [
  [/^name$/, () => 'name'],
  [/^(physical\.)?mtu$/, () => 'mtu'],
  [/^healthcheck\.(timeout|interval|retry|recovery)$/, (m) => `health.${m[1]}`],
  [/^healthcheck\.(hosts|method\.detail\.host)/, () => 'health.hosts'],
  [/^(allowance|bandwidthAllowanceMonitor)\.start$/, () => 'allowance.start'],
  [/^(allowance\.monthlyMb|bandwidthAllowanceMonitor\.monthlyAllowance)/, () => 'allowance.monthlyMb'],
  [/^(sims|cellular\.sim)\.(\d+)\.(apn|operator\.apn)$/, (m, s) => `sim${s[Number(m[2])] ?? 1}.apn`],
  [/^(sims|cellular\.sim)\.(\d+)\.(apnUsername|operator\.username)$/, (m, s) => `sim${s[Number(m[2])] ?? 1}.apnUsername`],
  [/^(sims|cellular\.sim)\.(\d+)\.(apnPassword|operator\.password)$/, (m, s) => `sim${s[Number(m[2])] ?? 1}.apnPassword`],
  [/^(sims|cellular\.sim)\.(\d+)\.simPin$/, (m, s) => `sim${s[Number(m[2])] ?? 1}.simPin`],
  [/^(sims|cellular\.sim)\.(\d+)\.(allowance|bandwidthAllowanceMonitor)\.start$/, (m, s) => `sim${s[Number(m[2])] ?? 1}.allowance.start`],
  [/^(sims|cellular\.sim)\.(\d+)\.(allowance\.monthlyMb|bandwidthAllowanceMonitor\.monthlyAllowance)/, (m, s) => `sim${s[Number(m[2])] ?? 1}.allowance.monthlyMb`],
]

/**
 * The form field an error from main is about. Main names fields by the request it checked:
 * the IPC schema ("settings.sims.0.simPin") or the router request ("list[0].physical.mtu");
 * `sentSims` maps a position in the sent SIM list back to the SIM's id.
 */
export function formFieldOf(field: string | undefined, sentSims: number[] = []): string | undefined {
  if (!field) return undefined
  const path = field.replace(/\[(\d+)\]/g, '.$1').replace(/^(settings\.|list\.\d+\.)/, '')
  for (const [re, key] of MAIN_FIELDS) {
    const m = path.match(re)
    if (m) return key(m, sentSims)
  }
  return undefined
}

/** Main's sentence without the field path it starts with ("list[0].physical.mtu: must be …"). */
export function fieldMessage(message: string, field?: string): string {
  const rest = field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message
  return rest.charAt(0).toUpperCase() + rest.slice(1)
}
