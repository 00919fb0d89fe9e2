/**
 * One zod schema per request channel. Main validates every request against these before a
 * handler runs; the mapped type makes a missing or mistyped channel a compile error.
 */
import { z } from 'zod'
import { MODELS } from '../emulator/models'
import type { Channel, Req } from '../../src-preload/contract'

const id = z.string().min(1, 'is required').max(200)
const none = z.object({}).strict()
const host = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(253)
  .regex(/^[A-Za-z0-9.:\-[\]]+$/, 'must be an IP address or host name (for example 192.168.50.1)')
const port = z.number().int('must be a whole number').min(1, 'must be 1 to 65535').max(65535, 'must be 1 to 65535')
const scheme = z.enum(['https', 'http'], { error: 'must be https or http' })
const authMethod = z.enum(['admin', 'client'], { error: 'must be admin or client' })
const name = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters')
const notes = z.string().max(10_000, 'must be at most 10,000 characters')
/** What a discovery sweep covers: sized by discovery:plan, started by discovery:start. */
const sweep = z.object({
  targets: z.array(z.string().trim().min(1).max(100)).min(1, 'must name at least one address or range').max(64),
  ports: z.array(port).min(1).max(8).optional(),
})

const connId = z.number().int('must be a whole number').min(1, 'must be a WAN id (1 or more)')
const sim = z.union([z.literal(1), z.literal(2)], { error: 'must be 1 (SIM A) or 2 (SIM B)' })
const allowanceSettings = z.object({
  enable: z.boolean(),
  monthlyMb: z.number().int().min(1).optional(),
  start: z.number().int().optional(),
  action: z.array(z.enum(['email', 'disconnect', 'restrict'])).optional(),
}).strict()
const op = { deviceId: id, opId: id }
const security = z.enum(['open', 'wep', 'wpa-psk', 'wpa-eap', '8021x'], { error: 'must be open, wep, wpa-psk, wpa-eap or 8021x' })
const scanWait = z.number().int().min(0).max(30 * 60_000, 'must be at most 30 minutes').optional()

const figures = z.object({
  min: z.number(),
  max: z.number(),
  sum: z.number(),
  n: z.number().int().min(1).max(10_000_000),
}).strict()
const markerId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be a marker id (letters, digits, dot, dash, underscore)')
const marker = z.object({
  id: markerId,
  wanId: connId,
  label: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  at: z.iso.datetime({ offset: true, error: 'must be an ISO date and time' }),
  stats: z.object({ rsrp: figures.optional(), rsrq: figures.optional(), sinr: figures.optional(), rssi: figures.optional(), wifi: figures.optional() }).strict(),
}).strict()

const guideId = z.enum(['cellular-down', 'cellular-slow', 'wifi-wan', 'new-install', 'before-leave'], { error: 'is not a known guide' })

type Schemas = { [C in Channel]: z.ZodType<Req<C>, unknown> }

export const requestSchemas: Schemas = {
  'app:info': none,
  'devices:list': none,
  'devices:add': z.object({
    name,
    host,
    port: port.optional(),
    scheme: scheme.optional(),
    authMethod,
    username: z.string().max(128).optional(),
    clientId: z.string().max(128).optional(),
    notes: notes.optional(),
  }).strict(),
  'devices:update': z.object({
    id,
    patch: z.object({
      name: name.optional(),
      notes: notes.optional(),
      host: host.optional(),
      port: port.optional(),
      scheme: scheme.optional(),
      authMethod: authMethod.optional(),
      username: z.string().max(128).optional(),
      clientId: z.string().max(128).optional(),
    }).strict(),
  }).strict(),
  'devices:remove': z.object({ id }).strict(),
  'devices:probe': z.object({ id }).strict(),
  'devices:trust': z.object({ id, fingerprint256: z.string().regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, 'must be a SHA-256 fingerprint') }).strict(),
  'devices:forgetSecret': z.object({ id }).strict(),
  'session:connect': z.object({ deviceId: id, secret: z.string().min(1, 'must not be empty').max(1024).optional(), remember: z.boolean().optional() }).strict(),
  'session:disconnect': z.object({ deviceId: id }).strict(),
  'session:list': none,
  'discovery:suggest': none,
  'discovery:plan': sweep.strict(),
  'discovery:start': sweep.extend({ confirmed: z.boolean().optional() }).strict(),
  'discovery:cancel': z.object({ sweepId: id }).strict(),
  'demo:start': z.object({ model: z.enum(MODELS).optional(), firmware: z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'must be a version like 8.1.1').optional() }).strict(),
  'status:overview': z.object({ deviceId: id }).strict(),
  'signal:watch': z.object({ deviceId: id, wanId: z.number().int().min(1), intervalMs: z.number().int().min(250, 'must be at least 250 ms').max(60_000).optional() }).strict(),
  'signal:unwatch': z.object({ watchId: id }).strict(),
  'survey:start': z.object({ deviceId: id, wanId: z.number().int().min(1).max(255), intervalMs: z.number().int().min(1000, 'must be at least 1 s').max(60_000, 'must be at most 60 s').optional(), position: z.string().trim().min(1).max(80).optional() }).strict(),
  'survey:position': z.object({ deviceId: id, name: z.string().trim().min(1, 'must not be empty').max(80) }).strict(),
  'survey:stop': z.object({ deviceId: id }).strict(),
  'survey:current': z.object({ deviceId: id }).strict(),
  'survey:list': z.object({ deviceId: id }).strict(),
  'survey:show': z.object({ deviceId: id, id: z.string().max(40), from: z.number().int().nonnegative().optional(), until: z.number().int().nonnegative().optional() }).strict()
    .refine((r) => (r.from === undefined) === (r.until === undefined) && (r.from === undefined || r.from < r.until!), { message: 'a zoom needs both ends, the start before the end', path: ['from'] }),
  'survey:continue': z.object({ deviceId: id, id: z.string().max(40), position: z.string().trim().min(1).max(80).optional() }).strict(),
  'survey:export': z.object({ deviceId: id, id: z.string().max(40), format: z.enum(['csv', 'geojson', 'kml']) }).strict(),
  'survey:delete': z.object({ deviceId: id, id: z.string().max(40) }).strict(),
  'survey:editPosition': z.object({
    deviceId: id,
    id: z.string().max(40),
    edit: z.discriminatedUnion('action', [
      z.object({ action: z.literal('rename'), name: z.string().min(1).max(80), newName: z.string().trim().min(1, 'must not be empty').max(80) }).strict(),
      z.object({ action: z.literal('remove'), name: z.string().min(1).max(80) }).strict(),
      z.object({ action: z.literal('add'), name: z.string().trim().min(1, 'must not be empty').max(80), from: z.number().int().nonnegative(), until: z.number().int().nonnegative() }).strict(),
    ]),
  }).strict(),
  'workflow:cancel': z.object({ opId: id }).strict(),
  'actions:list': z.object({ deviceId: id }).strict(),
  'cellular:scanCarriers': z.object({ ...op, connId, resume: z.boolean().optional(), timeoutMs: scanWait }).strict(),
  'cellular:selectCarrier': z.object({
    ...op,
    connId,
    simId: sim.optional(),
    carrier: z.object({ name: z.string().max(64).optional(), mcc: z.string(), mnc: z.string(), pcs: z.number().int().min(0).max(1).optional() }).strict().nullable(),
  }).strict(),
  'cellular:scanPci': z.object({ ...op, connId, resume: z.boolean().optional(), timeoutMs: scanWait }).strict(),
  'cellular:lockPci': z.object({ ...op, connId, simId: sim, lock: z.object({ channel: z.number().int(), pci: z.number().int().optional() }).strict().nullable() }).strict(),
  'sim:slots': z.object({ deviceId: id, connId }).strict(),
  'sim:set': z.object({ ...op, connId, enabledSim: z.array(sim).max(2), preferredSim: sim.nullable() }).strict(),
  'module:action': z.object({ ...op, connId, action: z.enum(['reset', 'rescan']) }).strict(),
  'billing:newCycle': z.object({ deviceId: id, connId, simId: sim.optional() }).strict(),
  'ussd:send': z.object({ ...op, connId, simId: sim.optional(), code: z.string().min(1, 'must not be empty').max(182) }).strict(),
  'ussd:history': z.object({ deviceId: id }).strict(),
  'sms:conversations': z.object({ deviceId: id, connId }).strict(),
  'sms:send': z.object({ deviceId: id, connId, address: z.string().max(20), text: z.string().max(1530, 'must be at most 1530 characters') }).strict(),
  'sms:exportText': z.object({ deviceId: id, connId, peer: z.string().max(40) }).strict(),
  'wifi:scan': z.object({ deviceId: id, connId }).strict(),
  'wifi:connect': z.object({
    ...op,
    connId,
    ssid: z.string().min(1, 'must not be empty').max(32),
    securityPolicy: security,
    key: z.string().max(64).optional(),
    loginId: z.string().max(128).optional(),
    password: z.string().max(128).optional(),
    eapMethod: z.enum(['TTLS', 'PEAP']).optional(),
    eapPhase2: z.enum(['CHAP', 'MSCHAP', 'MSCHAPV2', 'PAP']).optional(),
    eapAuthenticationId: z.string().max(128).optional(),
    preferredBssid: z.string().max(17).optional(),
  }).strict(),
  'wifi:disconnect': z.object({ deviceId: id, connId, ssid: z.string().max(32).optional() }).strict(),
  'wifi:forget': z.object({ deviceId: id, connId, ssid: z.string().min(1).max(32), securityPolicy: security }).strict(),
  'ssid:list': z.object({ deviceId: id }).strict(),
  'ssid:update': z.object({
    deviceId: id,
    id: z.number().int().min(1),
    name: z.string().min(1).max(32).optional(),
    enable: z.boolean().optional(),
    broadcast: z.boolean().optional(),
    vlanId: z.number().int().min(1).max(4094).nullable().optional(),
    key: z.string().max(64).optional(),
  }).strict(),
  'ssid:revealKey': z.object({ deviceId: id, id: z.number().int().min(1) }).strict(),
  'diagnosis:run': z.object({ deviceId: id, connId: connId.optional() }).strict(),
  'guides:list': none,
  'guides:open': z.object({ deviceId: id, guideId, wanId: connId.optional() }).strict(),
  'guides:check': z.object({ deviceId: id, guideId }).strict(),
  'guides:move': z.object({ deviceId: id, guideId, direction: z.enum(['next', 'back']) }).strict(),
  'visit:get': z.object({ deviceId: id }).strict(),
  'visit:setNotes': z.object({ deviceId: id, notes: z.string().max(20_000, 'must be at most 20,000 characters') }).strict(),
  'visit:finish': z.object({ deviceId: id }).strict(),
  'visit:saveMarker': z.object({ deviceId: id, marker }).strict(),
  'visit:removeMarker': z.object({ deviceId: id, markerId }).strict(),
  'reports:list': z.object({ deviceId: id }).strict(),
  'reports:export': z.object({ deviceId: id, visitId: id.optional() }).strict(),
  'config:pending': z.object({ deviceId: id }).strict(),
  'config:apply': z.object({ deviceId: id }).strict(),
  'config:discard': z.object({ deviceId: id }).strict(),
  'wan:priority': z.object({
    deviceId: id,
    list: z.array(z.object({ connId, priority: z.number().int().min(1).optional(), enable: z.boolean().optional() }).strict()).min(1).max(32),
    instantActive: z.boolean(),
  }).strict(),
  'wan:update': z.object({
    deviceId: id,
    settings: z.object({
      id: connId,
      name: z.string().min(1).max(64).optional(),
      enable: z.boolean().optional(),
      mtu: z.number().int().nullable().optional(),
      healthcheck: z.object({
        enable: z.boolean(),
        type: z.enum(['ping', 'nslookup', 'http', 'smartcheck']).optional(),
        hosts: z.array(z.string().max(253)).max(2).optional(),
        timeout: z.number().int().optional(),
        interval: z.number().int().optional(),
        retry: z.number().int().optional(),
        recovery: z.number().int().optional(),
      }).strict().optional(),
      allowance: allowanceSettings.optional(),
      sims: z.array(z.object({ id: sim, apn: z.string().max(64).optional(), apnUsername: z.string().max(64).optional(), apnPassword: z.string().max(64).optional(), simPin: z.string().max(8).nullable().optional(), allowance: allowanceSettings.optional() }).strict()).max(2).optional(),
    }).strict(),
  }).strict(),
  'device:clients': z.object({ deviceId: id, connectionType: z.array(z.string().max(16)).max(8).optional(), vlanId: z.number().int().min(0).max(4094).optional(), activeOnly: z.boolean().optional() }).strict(),
  'device:lan': z.object({ deviceId: id }).strict(),
  'device:pepvpn': z.object({ deviceId: id }).strict(),
  'device:location': z.object({ deviceId: id }).strict(),
  'device:firmware': z.object({ deviceId: id }).strict(),
  'device:poe': z.object({
    deviceId: id,
    enable: z.boolean(),
    ports: z.array(z.union([z.number().int().min(1), z.object({ id: z.number().int().min(1), moduleType: z.string().max(16).optional(), moduleId: z.number().int().optional() }).strict()])).min(1).max(64),
  }).strict(),
  'device:gpio': z.object({ deviceId: id }).strict(),
  'device:setGpio': z.object({
    deviceId: id,
    list: z.array(z.object({ id: z.number().int().min(1), enable: z.boolean().optional(), type: z.enum(['digital_input', 'digital_output', 'analog_input']).optional(), mode: z.string().max(32).optional(), delay: z.number().int().optional() }).strict()).min(1).max(16),
  }).strict(),
  'device:ap': z.object({ deviceId: id }).strict(),
  'device:setAp': z.object({ deviceId: id, enable: z.boolean() }).strict(),
  'api:clients': z.object({ deviceId: id }).strict(),
  'api:createClient': z.object({ deviceId: id, name: z.string().trim().min(1).max(64), scope: z.enum(['api', 'api.read-only']), saveForDevice: z.boolean().optional() }).strict(),
  'api:removeClient': z.object({ deviceId: id, clientId: z.string().min(1).max(128) }).strict(),
  'api:tokens': z.object({ deviceId: id, clientId: z.string().min(1).max(128).optional() }).strict(),
  'api:revokeToken': z.object({ deviceId: id, ref: z.string().min(1).max(64) }).strict(),
}
