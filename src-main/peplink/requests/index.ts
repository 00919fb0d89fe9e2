/**
 * Request schemas for every endpoint, one per reference section. Kept apart from the
 * endpoint table so the table reads as a table.
 */
import { z } from 'zod'
import {
  connId, idList, intIn, mac, mcc, mnc, pcs, poePort, securityPolicy, simId, smsAddress, ussdCode, wepKey, wpaKey, yesNo,
} from '../rules'

export { wanConfigRequest } from './wan-config'

/** No parameters at all. */
export const empty = z.object({}).strict()

export const login = z.object({
  username: z.string({ error: 'is required' }).min(1, 'must not be empty'),
  password: z.string({ error: 'is required' }).min(1, 'must not be empty'),
})

export const authClientChange = z.discriminatedUnion(
  'action',
  [
    z.object({
      action: z.literal('add'),
      name: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
      scope: z.enum(['api', 'api.read-only'], { error: 'must be "api" or "api.read-only"' }),
    }),
    z.object({ action: z.literal('remove'), clientId: z.string().min(1, 'must not be empty') }),
  ],
  { error: 'action must be "add" or "remove"' },
)

export const tokenList = z.object({ clientId: z.string().min(1, 'must not be empty').optional() })

export const tokenGrant = z.object({
  clientId: z.string({ error: 'is required' }).min(1, 'must not be empty'),
  clientSecret: z.string({ error: 'is required' }).min(1, 'must not be empty'),
  scope: z.enum(['api', 'api.read-only'], { error: 'must be "api" or "api.read-only"' }).optional(),
})

export const tokenRevoke = z.object({ accessToken: z.string().min(1, 'must not be empty') })

export const billingNewCycle = z.object({ connId, simId: simId.optional() })

export const carrierScanGet = z.object({ connId, reference: yesNo.default('yes') })
export const carrierScanPost = z.object({ action: z.literal('start').optional(), connId, reference: yesNo.optional() })

/** One rule for the app and the CLI: a carrier's name is a label, at most 64 characters. */
const carrier = z.object({ mcc, mnc, pcs, name: z.string().max(64, 'must be at most 64 characters').optional() })
/** `selectedCarrier: null` returns the SIM to automatic carrier selection. */
export const carrierSelect = z.object({ connId, simId: simId.optional(), selectedCarrier: carrier.nullable() })

/** Channel/PCI lock. The PCI range depends on firmware: see `checkChannelPciLock`. */
export const channelPciLock = z.object({
  connId,
  sim: z
    .array(z.object({ id: simId, value: z.object({ channel: intIn(0, 65535), pci: intIn(0, 65535).optional() }).nullable() }))
    .min(1, 'must name at least one SIM'),
})
export const channelPciScan = z.object({ action: z.literal('start').optional(), connId })

export const poe = z.object({ port: z.union([poePort, z.array(poePort).min(1, 'must name at least one port')]) })

export const sendUssd = z.object({ connId, simId: simId.optional(), ussd: ussdCode })

export const smsGet = z.object({ connId })
export const smsSend = z.object({
  connId: connId.optional(),
  address: smsAddress,
  content: z.string().max(1530, 'must be at most 1530 characters (10 SMS parts)').optional(),
})

export const apSet = z.object({ enable: z.boolean({ error: 'must be true or false' }) })
export const byConn = z.object({ connId })

const simList = z
  .array(simId)
  .min(1, 'must enable at least one SIM; a cellular WAN with no SIM enabled has no service')
  .refine((l) => new Set(l).size === l.length, { error: 'must not repeat a SIM' })
/** Classic (before 8.3.0) SIM selection: enabled SIMs and the preferred one. */
export const wanCellularSet = z
  .object({ connId, enabledSim: simList.optional(), preferredSim: simId.nullable().optional() })
  .refine((r) => r.preferredSim == null || r.enabledSim === undefined || r.enabledSim.includes(r.preferredSim), {
    error: 'must be one of the enabled SIMs',
    path: ['preferredSim'],
  })
/** From 8.3.0: an ordered SIM priority list. */
export const wanCellularPriority = z.object({
  connId,
  simPriority: z
    .array(z.enum(['1', '2', 'remoteSim'], { error: 'entries must be "1", "2" or "remoteSim"' }))
    .min(1, 'must list at least one SIM; a cellular WAN with no SIM has no service')
    .refine((l) => new Set(l).size === l.length, { error: 'must not repeat a SIM' }),
})

export const wifiConnect = z
  .object({
    connId,
    ssid: z.string({ error: 'is required' }).min(1, 'must not be empty').max(32, 'must be at most 32 bytes'),
    securityPolicy,
    key: z.string().optional(),
    loginId: z.string().optional(),
    password: z.string().optional(),
    eapMethod: z.enum(['TTLS', 'PEAP'], { error: 'must be TTLS or PEAP' }).optional(),
    eapPhase2: z.enum(['CHAP', 'MSCHAP', 'MSCHAPV2', 'PAP'], { error: 'must be CHAP, MSCHAP, MSCHAPV2 or PAP' }).optional(),
    eapAuthenticationId: z.string().optional(),
    preferredBssid: mac.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.key === undefined) return
    const rule = r.securityPolicy === 'wep' ? wepKey : r.securityPolicy === 'wpa-psk' ? wpaKey : undefined
    if (!rule) return
    const res = rule.safeParse(r.key)
    if (!res.success) ctx.addIssue({ code: 'custom', path: ['key'], message: res.error.issues[0]?.message ?? 'is not valid' })
  })
export const wifiDisconnect = z.object({ connId, ssid: z.string().min(1, 'must not be empty').optional() })
export const wifiForget = z.object({ connId, ssid: z.string().min(1, 'must not be empty'), securityPolicy })
export const wifiScan = z.object({
  connId,
  infoType: z.enum(['status', 'config'], { error: 'must be "status" or "config"' }).optional(),
  sortBy: z.enum(['name', 'security', 'signal', 'channel'], { error: 'must be name, security, signal or channel' }).optional(),
  sortOrder: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).optional(),
})

const gpioModes: Record<string, string[]> = {
  digital_input: ['input_sensing', 'ignition_sensing'],
  // The table lists only wan_status; the reference's own example sends toggle_high.
  digital_output: ['wan_status', 'toggle_high', 'toggle_low'],
  analog_input: ['input_sensing', 'voltage_measurement', 'analog_testing'],
}
export const gpio = z.object({
  list: z
    .array(
      z
        .object({
          id: z.number().int().min(1, 'must be 1 or more'),
          enable: z.boolean().optional(),
          type: z.enum(['digital_input', 'digital_output', 'analog_input'], { error: 'must be digital_input, digital_output or analog_input' }).optional(),
          mode: z.string().optional(),
          delay: intIn(1, 3600).optional(),
        })
        .superRefine((g, ctx) => {
          if (g.type && g.mode && !gpioModes[g.type]!.includes(g.mode))
            ctx.addIssue({ code: 'custom', path: ['mode'], message: `must be one of ${gpioModes[g.type]!.join(', ')} for ${g.type}` })
          if (g.delay !== undefined && g.type === 'digital_output')
            ctx.addIssue({ code: 'custom', path: ['delay'], message: 'applies only to input types' })
        }),
    )
    .optional(),
  reference: z.boolean().optional(),
})

export const ssidProfileGet = z.object({ id: idList.optional() })
const personal = z.object({ fastTransition: z.boolean().optional(), key: wpaKey.optional() })
export const ssidProfileUpdate = z.object({
  action: z.literal('update').default('update'),
  id: z.number().int().min(1, 'must be 1 or more'),
  name: z.string().min(1, 'must not be empty').max(32, 'must be at most 32 bytes').optional(),
  enable: z.boolean().optional(),
  /** null moves the SSID back to the untagged LAN (no VLAN). */
  vlanId: intIn(1, 4094).nullable().optional(),
  broadcast: z.boolean().optional(),
  security: z
    .object({
      policy: z.enum(['WPA2 Personal', 'WPA/WPA2 Personal'], { error: 'must be "WPA2 Personal" or "WPA/WPA2 Personal"' }).optional(),
      wpa2Personal: personal.optional(),
      wpaWpa2Personal: personal.omit({ fastTransition: true }).optional(),
    })
    .optional(),
})

export const wanPriority = z.object({
  instantActive: z.boolean().optional(),
  list: z
    .array(z.object({ connId, priority: z.number().int().min(1, 'must be 1 or more').optional(), enable: z.boolean().optional() }))
    .refine((l) => new Set(l.map((e) => e.connId)).size === l.length, 'names a WAN twice: list each WAN once')
    .optional(),
})

const connectionTypes = z.enum(['ethernet', 'wireless', 'pptp', 'stroute', 'l2tp', 'openvpn', 'pepvpn', 'other'])
export const clients = z.object({
  vlanId: z.number().int().min(0).optional(),
  activeOnly: yesNo.optional(),
  connectionType: z.array(connectionTypes).optional(),
  size: intIn(1, 10_000_000).optional(),
  outputWeight: z.enum(['full', 'normal', 'lite']).optional(),
  infoType: z
    .array(z.enum(['ip', 'connectionType', 'lease', 'name', 'mac', 'bssid', 'port', 'vlanId', 'essid', 'active', 'signalStrength', 'speed']))
    .optional(),
})

export const lanProfiles = z.object({ id: idList.optional() })

export const pepvpn = z.object({
  infoType: z.array(z.enum(['profile', 'peer', 'tunnel'])).optional(),
  lite: yesNo.optional(),
  tunnelOption: z.array(z.string().regex(/^\d+-\d+$/, 'must be peer ids like 1-1')).optional(),
  start: z.number().int().min(0).optional(),
  size: z.number().int().min(1).optional(),
  searchPattern: z.string().optional(),
  serialNumber: z.string().optional(),
})

export const wanStatus = z.object({ id: idList.optional(), lite: yesNo.optional() })
export const allowance = z.object({ connId: idList.optional() })
export const signal = z.object({
  connId: idList.optional(),
  virtualType: z.array(z.enum(['wireless', 'cellular', 'modem'])).optional(),
  infoType: z.array(z.enum(['virtualType', 'signal', 'activeSim', 'wifi', 'band', 'signalLevel'])).optional(),
})
