/**
 * The value rules the API reference gives, as reusable zod schemas. Each rule carries
 * its own sentence so a validation error names the field and the rule it broke.
 */
import { z } from 'zod'

/** A WAN connection id: a positive whole number. */
export const connId = z.number({ error: 'must be a WAN connection id (a number)' }).int('must be a whole number').min(1, 'must be 1 or more')

/** SIM slot: 1 is SIM A, 2 is SIM B. */
export const simId = z.union([z.literal(1), z.literal(2)], { error: 'must be 1 (SIM A) or 2 (SIM B)' })

/** Integer within an inclusive range, with the range in the message. */
export function intIn(min: number, max: number) {
  const rule = `must be a whole number from ${min} to ${max}`
  return z.number({ error: rule }).int(rule).min(min, rule).max(max, rule)
}

/** `yes` / `no` flags as the router spells them in query strings. */
export const yesNo = z.enum(['yes', 'no'], { error: 'must be "yes" or "no"' })

/** The SMS address rule: `+`, then 2 to 15 digits, the first not 0. */
export const smsAddress = z
  .string({ error: 'must be a phone number' })
  .regex(/^\+[1-9]\d{1,14}$/, 'must be "+" followed by 2 to 15 digits, the first not 0 (for example +85291234567)')

/** USSD codes contain only digits, `*` and `#`. */
export const ussdCode = z
  .string({ error: 'must be a USSD code' })
  .regex(/^[0-9*#]+$/, 'may contain only the digits 0-9, "*" and "#" (for example *100#)')
  .max(182, 'must be at most 182 characters')

/** MCC is 3 digits. */
export const mcc = z.string({ error: 'must be a 3-digit country code' }).regex(/^\d{3}$/, 'must be 3 digits (for example "454")')

/**
 * MNC: the reference says 2-3 digits, but its own carrier-scan examples (and real scans)
 * report "0" and "6"; a value taken from a scan must be selectable as it was reported.
 */
export const mnc = z.string({ error: 'must be a network code' }).regex(/^\d{1,3}$/, 'must be 1 to 3 digits (for example "06")')

/** pcs is 0 or 1. */
export const pcs = z.union([z.literal(0), z.literal(1)], { error: 'must be 0 or 1' })

/** A WPA pre-shared key: 8-63 characters, or exactly 64 hexadecimal digits. */
export const wpaKey = z
  .string({ error: 'must be a Wi-Fi key' })
  .refine((k) => (k.length >= 8 && k.length <= 63) || /^[0-9a-fA-F]{64}$/.test(k), {
    error: 'must be 8 to 63 characters, or 64 hexadecimal digits',
  })

/** A WEP key: 5 or 13 characters, or 10 or 26 hexadecimal digits. */
export const wepKey = z
  .string({ error: 'must be a WEP key' })
  .refine((k) => k.length === 5 || k.length === 13 || /^([0-9a-fA-F]{10}|[0-9a-fA-F]{26})$/.test(k), {
    error: 'must be 5 or 13 characters, or 10 or 26 hexadecimal digits',
  })

/** A MAC address / BSSID written with colons. */
export const mac = z.string({ error: 'must be a MAC address' }).regex(/^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$/, 'must be a MAC address like A2:E5:B8:55:89:DF')

/** A dotted IPv4 address. */
export const ipv4 = z
  .string({ error: 'must be an IPv4 address' })
  .regex(/^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/, 'must be an IPv4 address like 192.168.1.1')

/** Wi-Fi security policies the router knows. */
export const securityPolicy = z.enum(['open', 'wep', 'wpa-eap', 'wpa-psk', '8021x'], {
  error: 'must be one of open, wep, wpa-psk, wpa-eap, 8021x',
})

/** A list of whole numbers (multi-value GET parameters such as `id`). */
export const idList = z.array(z.number().int('must be whole numbers').min(0, 'must not be negative'), { error: 'must be a list of ids' })

/** Port reference for PoE calls: an id, or {id, moduleType, moduleId} on modular devices. */
export const poePort = z.union([
  z.number({ error: 'must be a port id' }).int().min(1, 'port ids start at 1'),
  z.object({ id: z.number().int().min(1, 'port ids start at 1'), moduleType: z.string().optional(), moduleId: z.number().int().optional() }),
])
