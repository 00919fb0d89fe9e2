/**
 * Request schema for `config.wan.connection` (POST, action update). The reference's object is
 * large; the fields a technician changes in the field are checked against its ranges, and
 * anything else passes through untouched (`loose`) so nothing a newer firmware accepts is lost.
 */
import { z } from 'zod'
import { connId, intIn, ipv4, mac } from '../rules'

const nullable = <T extends z.ZodType>(s: T) => s.nullable()

const operator = z.looseObject({
  apn: z.string().max(64, 'must be at most 64 characters').optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  dialNumber: z.string().regex(/^[0-9*#]*$/, 'may contain only 0-9, "*" and "#"').optional(),
})

const allowanceMonitor = z.looseObject({
  enable: z.boolean().optional(),
  action: z.array(z.enum(['email', 'disconnect', 'restrict'], { error: 'must be email, disconnect or restrict' })).optional(),
  start: intIn(0, 28).optional(),
  monthlyAllowance: z
    .object({
      value: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
      unit: z.enum(['MB', 'GB', 'TB'], { error: 'must be MB, GB or TB' }),
    })
    .optional(),
})

const signalThreshold = z.looseObject({
  signalLevel: nullable(z.array(intIn(0, 5))).optional(),
  rsrp: nullable(z.array(intIn(-140, -44))).optional(),
  sinr: nullable(z.array(intIn(-100, 100))).optional(),
  rsi: nullable(z.array(intIn(-192, 63))).optional(),
})

const sim = z.looseObject({
  id: z.union([z.literal(1), z.literal(2)], { error: 'must be 1 (SIM A) or 2 (SIM B)' }),
  // Required by the reference in every SIM object (JSON null = automatic).
  carrierSelection: z.union([z.null(), z.array(z.looseObject({ mcc: z.string().optional(), mnc: z.string().optional() }))], {
    error: 'is required in every SIM entry (null for automatic carrier selection)',
  }),
  mobileType: z.enum(['LTE', '3G', '2G']).optional(),
  operator: nullable(operator).optional(),
  simPin: nullable(z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits')).optional(),
  authentication: nullable(z.enum(['pap', 'chap'])).optional(),
  roaming: z.looseObject({ enable: z.boolean().optional() }).optional(),
  optimalNetwork: nullable(z.looseObject({ discovery: intIn(5, 480).optional() })).optional(),
  bandwidthAllowanceMonitor: allowanceMonitor.optional(),
})

const healthcheck = z.looseObject({
  enable: z.boolean({ error: 'must be true or false' }),
  method: z
    .looseObject({
      type: z.enum(['ping', 'nslookup', 'http', 'smartcheck', 'openvpn'], { error: 'must be ping, nslookup, http, smartcheck or openvpn' }),
      detail: z.looseObject({ host: z.array(z.unknown()).max(2, 'takes at most 2 hosts').optional() }).optional(),
    })
    .optional(),
  timeout: intIn(200, 10000).optional(),
  interval: intIn(5, 3600).optional(),
  retry: intIn(1, 20).optional(),
  recovery: intIn(1, 20).optional(),
})

const physical = z
  .looseObject({
    mtu: nullable(intIn(576, 9000)).optional(),
    mss: nullable(intIn(536, 1452)).optional(),
    ttl: nullable(intIn(1, 255)).optional(),
    mac: nullable(mac).optional(),
    vlan: nullable(intIn(1, 4094)).optional(),
    vpi: intIn(1, 255).optional(),
    vci: intIn(32, 65535).optional(),
  })
  .refine((p) => p.mss == null || p.mtu == null || p.mss <= p.mtu - 40, {
    error: 'must be at most the MTU minus 40',
    path: ['mss'],
  })

const bandwidth = z.object({
  value: z.number().int().min(1, 'must be at least 1 kbps'),
  unit: z.enum(['kbps', 'Mbps', 'Gbps'], { error: 'must be kbps, Mbps or Gbps' }),
})

const connection = z.looseObject({
  routingMode: z.enum(['IP Forwarding', 'NAT'], { error: 'must be "NAT" or "IP Forwarding"' }).optional(),
  priority: z.number().int().min(1, 'must be 1 or more').optional(),
  dns: z.looseObject({ auto: z.boolean().optional(), host: z.array(ipv4).optional() }).optional(),
  bandwidth: z.looseObject({ upload: bandwidth.optional(), download: bandwidth.optional() }).optional(),
  idleTimeout: nullable(z.number().int().min(0)).optional(),
})

/** One WAN's changes in a config.wan.connection update. */
export const wanConfigEntry = z.looseObject({
  id: connId,
  name: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters').optional(),
  enable: z.boolean({ error: 'must be true or false' }).optional(),
  schedule: nullable(z.number().int()).optional(),
  connection: connection.optional(),
  modem: z.looseObject({ operator: nullable(operator).optional(), simPin: nullable(z.string()).optional() }).optional(),
  cellular: z
    .looseObject({
      simCardScheme: z.enum(['', '1', '2', 'alternate', 'remote_sim']).optional(),
      preferredSim: z.union([z.literal(1), z.literal(2)]).optional(),
      sim: z.array(sim).optional(),
      signalThreshold: signalThreshold.optional(),
    })
    .optional(),
  physical: physical.optional(),
  healthcheck: healthcheck.optional(),
  bandwidthAllowanceMonitor: allowanceMonitor.optional(),
  multipleIp: z.array(ipv4).optional(),
})

/** The whole config.wan.connection request. */
export const wanConfigRequest = z.object({
  action: z.literal('update', { error: 'must be "update"' }).default('update'),
  list: z.array(wanConfigEntry).min(1, 'must change at least one WAN'),
})
