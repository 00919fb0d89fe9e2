/**
 * What the Messages screen checks as the technician types: USSD codes, SMS addresses and how
 * many SMS a text costs. Pure functions, no Vue; main checks the same rules again.
 */

/** Codes carriers commonly use for balance and own number; editable, never sent unasked. */
export const USSD_SUGGESTIONS = [
  { code: '*100#', label: 'Balance' },
  { code: '*101#', label: 'Balance / data left' },
  { code: '*#100#', label: 'Own number' },
  { code: '*111#', label: 'Account menu' },
] as const

/** Why a USSD code cannot be sent (undefined when it can): only 0-9, * and #. */
export function ussdProblem(code: string): string | undefined {
  if (code === '') return 'Type a code, or pick one of the suggestions.'
  const bad = [...new Set(code.replace(/[0-9*#]/g, ''))]
  if (bad.length) return `Only digits 0-9, * and # are allowed (not ${bad.map((c) => (c === ' ' ? 'spaces' : `"${c}"`)).join(', ')}).`
  if (code.length > 182) return 'A USSD code is at most 182 characters.'
  return undefined
}

/** Why an SMS address is not accepted (undefined when it is): +, then 2-15 digits, the first not 0. */
export function smsAddressProblem(address: string): string | undefined {
  if (address === '') return 'Type the number in international form, for example +85261234567.'
  if (!address.startsWith('+')) return 'Start with + and the country code, for example +852…'
  const digits = address.slice(1)
  if (/[^0-9]/.test(digits)) return 'After the +, use digits only (no spaces or dashes).'
  if (digits.startsWith('0')) return 'The country code cannot start with 0.'
  if (digits.length < 2) return 'Too short: at least 2 digits after the +.'
  if (digits.length > 15) return 'Too long: at most 15 digits after the +.'
  return undefined
}

// The GSM 03.38 default alphabet; the extension characters below cost two each.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
)
const GSM_EXTENDED = new Set('^{}\\[~]|€\f')

/** The SMS cost of a text: encoding, characters counted, parts, and room left in the last part. */
export interface SmsCount {
  encoding: 'GSM' | 'Unicode'
  units: number
  parts: number
  perPart: number
  left: number
}

/** 160 GSM characters fit one SMS, 153 per part when split; 70 / 67 when a non-GSM character is present. */
export function smsCount(text: string): SmsCount {
  const chars = [...text]
  const gsm = chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENDED.has(c))
  // Unicode SMS count UTF-16 code units: an emoji takes two.
  const units = gsm ? chars.reduce((n, c) => n + (GSM_EXTENDED.has(c) ? 2 : 1), 0) : text.length
  const single = gsm ? 160 : 70
  const multi = gsm ? 153 : 67
  const parts = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / multi)
  const perPart = parts > 1 ? multi : single
  const left = parts === 0 ? single : parts * perPart - units
  return { encoding: gsm ? 'GSM' : 'Unicode', units, parts, perPart, left }
}

/** The longest text the router takes (10 parts of 153). */
export const SMS_MAX_CHARS = 1530
