/**
 * The router API as data: one row per method + endpoint pair of the reference (44 rows),
 * plus the two that replaced rows in later firmware. Everything the client knows about an
 * endpoint (method, the firmware it appeared in, the scope it needs, the request schema,
 * the timeout class and the normaliser of its answer) lives here and nowhere else.
 */
import type { z } from 'zod'
import * as rq from './requests'
import * as n from './normalize'

export type Scope = 'public' | 'read' | 'write' | 'admin'
export type TimeoutClass = 'status' | 'action' | 'scan'

export interface EndpointSpec<S extends z.ZodType = z.ZodType, R = unknown> {
  method: 'GET' | 'POST'
  /** Exactly as the router spells it. */
  name: string
  /** First firmware that has it ("Available in … or later"). */
  since: string
  /** First firmware that no longer has it, when known. */
  until?: string
  scope: Scope
  request: S
  timeout: TimeoutClass
  normalize: (raw: unknown) => R
  /** Name of the typed method on `client.api`. */
  fn: string
}

const nothing = (): void => undefined

function spec<S extends z.ZodType, R, F extends string>(s: EndpointSpec<S, R> & { fn: F }): EndpointSpec<S, R> & { fn: F } {
  return s
}

/** Every endpoint, keyed "METHOD name" as in the reference's list. */
export const ENDPOINTS = {
  'POST login': spec({ method: 'POST', name: 'login', since: '7.0.0', scope: 'public', request: rq.login, timeout: 'status', normalize: n.normalizeLogin, fn: 'login' }),
  'POST logout': spec({ method: 'POST', name: 'logout', since: '7.0.0', scope: 'public', request: rq.empty, timeout: 'status', normalize: nothing, fn: 'logout' }),
  'GET auth.client': spec({ method: 'GET', name: 'auth.client', since: '7.1.1', scope: 'admin', request: rq.empty, timeout: 'status', normalize: n.normalizeAuthClients, fn: 'listAuthClients' }),
  'POST auth.client': spec({ method: 'POST', name: 'auth.client', since: '7.1.1', scope: 'admin', request: rq.authClientChange, timeout: 'action', normalize: (raw) => (raw == null ? undefined : n.normalizeCreatedAuthClient(raw)), fn: 'changeAuthClient' }),
  'GET auth.client.token': spec({ method: 'GET', name: 'auth.client.token', since: '7.1.1', scope: 'admin', request: rq.tokenList, timeout: 'status', normalize: n.normalizeAccessTokens, fn: 'listAccessTokens' }),
  'POST auth.token.grant': spec({ method: 'POST', name: 'auth.token.grant', since: '7.1.1', scope: 'public', request: rq.tokenGrant, timeout: 'status', normalize: n.normalizeTokenGrant, fn: 'grantToken' }),
  'POST auth.token.revoke': spec({ method: 'POST', name: 'auth.token.revoke', since: '7.1.1', scope: 'read', request: rq.tokenRevoke, timeout: 'status', normalize: nothing, fn: 'revokeToken' }),
  'POST cmd.billing.newCycle': spec({ method: 'POST', name: 'cmd.billing.newCycle', since: '8.1.0', scope: 'write', request: rq.billingNewCycle, timeout: 'action', normalize: nothing, fn: 'newBillingCycle' }),
  'GET cmd.carrier.scan': spec({ method: 'GET', name: 'cmd.carrier.scan', since: '8.0.1', scope: 'read', request: rq.carrierScanGet, timeout: 'status', normalize: n.normalizeCarrierScan, fn: 'carrierScanResult' }),
  'POST cmd.carrier.scan': spec({ method: 'POST', name: 'cmd.carrier.scan', since: '8.1.0', scope: 'write', request: rq.carrierScanPost, timeout: 'scan', normalize: n.normalizeCarrierScan, fn: 'carrierScan' }),
  'POST cmd.carrier.select': spec({ method: 'POST', name: 'cmd.carrier.select', since: '8.0.1', scope: 'write', request: rq.carrierSelect, timeout: 'action', normalize: nothing, fn: 'selectCarrier' }),
  'POST cmd.channelPci.lock': spec({ method: 'POST', name: 'cmd.channelPci.lock', since: '8.1.1', scope: 'write', request: rq.channelPciLock, timeout: 'action', normalize: nothing, fn: 'lockChannelPci' }),
  'POST cmd.channelPci.scan': spec({ method: 'POST', name: 'cmd.channelPci.scan', since: '8.1.1', scope: 'write', request: rq.channelPciScan, timeout: 'scan', normalize: n.normalizeChannelPciScan, fn: 'channelPciScan' }),
  'POST cmd.config.apply': spec({ method: 'POST', name: 'cmd.config.apply', since: '7.1.1', scope: 'write', request: rq.empty, timeout: 'action', normalize: n.normalizeConfigApply, fn: 'applyConfig' }),
  'POST cmd.config.discard': spec({ method: 'POST', name: 'cmd.config.discard', since: '7.1.1', scope: 'write', request: rq.empty, timeout: 'action', normalize: nothing, fn: 'discardConfig' }),
  'POST cmd.port.poe.disable': spec({ method: 'POST', name: 'cmd.port.poe.disable', since: '8.1.1', scope: 'write', request: rq.poe, timeout: 'action', normalize: nothing, fn: 'disablePoe' }),
  'POST cmd.port.poe.enable': spec({ method: 'POST', name: 'cmd.port.poe.enable', since: '8.1.1', scope: 'write', request: rq.poe, timeout: 'action', normalize: nothing, fn: 'enablePoe' }),
  'POST cmd.sendUssd': spec({ method: 'POST', name: 'cmd.sendUssd', since: '8.1.0', until: '8.5.2', scope: 'write', request: rq.sendUssd, timeout: 'scan', normalize: n.normalizeUssd, fn: 'sendUssdLegacy' }),
  'GET cmd.sms.get': spec({ method: 'GET', name: 'cmd.sms.get', since: '8.1.0', scope: 'read', request: rq.smsGet, timeout: 'status', normalize: n.normalizeSms, fn: 'smsInbox' }),
  'POST cmd.sms.sendMessage': spec({ method: 'POST', name: 'cmd.sms.sendMessage', since: '8.0.0', scope: 'write', request: rq.smsSend, timeout: 'action', normalize: nothing, fn: 'sendSms' }),
  'GET cmd.ap': spec({ method: 'GET', name: 'cmd.ap', since: '7.0.2', scope: 'read', request: rq.empty, timeout: 'status', normalize: n.normalizeAccessPoint, fn: 'accessPoint' }),
  'POST cmd.ap': spec({ method: 'POST', name: 'cmd.ap', since: '7.0.2', scope: 'write', request: rq.apSet, timeout: 'action', normalize: n.normalizeAccessPoint, fn: 'setAccessPoint' }),
  'POST cmd.cellularModule.rescanNetwork': spec({ method: 'POST', name: 'cmd.cellularModule.rescanNetwork', since: '8.0.0', scope: 'write', request: rq.byConn, timeout: 'action', normalize: nothing, fn: 'rescanNetwork' }),
  'POST cmd.cellularModule.reset': spec({ method: 'POST', name: 'cmd.cellularModule.reset', since: '8.0.0', scope: 'write', request: rq.byConn, timeout: 'action', normalize: nothing, fn: 'resetModule' }),
  'GET cmd.wan.cellular': spec({ method: 'GET', name: 'cmd.wan.cellular', since: '8.0.0', until: '8.3.0', scope: 'read', request: rq.byConn, timeout: 'status', normalize: n.normalizeSimSelection, fn: 'simSelection' }),
  'POST cmd.wan.cellular': spec({ method: 'POST', name: 'cmd.wan.cellular', since: '8.0.0', scope: 'write', request: rq.wanCellularSet, timeout: 'action', normalize: nothing, fn: 'setSimSelectionLegacy' }),
  'POST cmd.wifi.connect': spec({ method: 'POST', name: 'cmd.wifi.connect', since: '7.1.1', scope: 'write', request: rq.wifiConnect, timeout: 'action', normalize: nothing, fn: 'wifiConnect' }),
  'POST cmd.wifi.disconnect': spec({ method: 'POST', name: 'cmd.wifi.disconnect', since: '7.1.1', scope: 'write', request: rq.wifiDisconnect, timeout: 'action', normalize: nothing, fn: 'wifiDisconnect' }),
  'POST cmd.wifi.forget': spec({ method: 'POST', name: 'cmd.wifi.forget', since: '7.1.1', scope: 'write', request: rq.wifiForget, timeout: 'action', normalize: nothing, fn: 'wifiForget' }),
  'GET cmd.wifi.result': spec({ method: 'GET', name: 'cmd.wifi.result', since: '7.1.1', scope: 'read', request: rq.byConn, timeout: 'status', normalize: n.normalizeWifiResult, fn: 'wifiResult' }),
  'GET cmd.wifi.scan': spec({ method: 'GET', name: 'cmd.wifi.scan', since: '7.1.1', scope: 'read', request: rq.wifiScan, timeout: 'scan', normalize: n.normalizeWifiScan, fn: 'wifiScan' }),
  'POST config.gpio': spec({ method: 'POST', name: 'config.gpio', since: '8.1.1', scope: 'write', request: rq.gpio, timeout: 'action', normalize: n.normalizeGpio, fn: 'gpio' }),
  'GET config.ssid.profile': spec({ method: 'GET', name: 'config.ssid.profile', since: '7.1.1', scope: 'read', request: rq.ssidProfileGet, timeout: 'status', normalize: n.normalizeSsidProfiles, fn: 'ssidProfiles' }),
  'POST config.ssid.profile': spec({ method: 'POST', name: 'config.ssid.profile', since: '7.1.1', scope: 'write', request: rq.ssidProfileUpdate, timeout: 'action', normalize: n.normalizeSsidProfiles, fn: 'updateSsidProfile' }),
  'POST config.wan.connection': spec({ method: 'POST', name: 'config.wan.connection', since: '8.0.0', scope: 'write', request: rq.wanConfigRequest, timeout: 'action', normalize: n.normalizeWanConfig, fn: 'updateWanConfig' }),
  'POST config.wan.connection.priority': spec({ method: 'POST', name: 'config.wan.connection.priority', since: '7.1.1', scope: 'write', request: rq.wanPriority, timeout: 'action', normalize: n.normalizeWanPriority, fn: 'setWanPriority' }),
  'GET info.firmware': spec({ method: 'GET', name: 'info.firmware', since: '7.1.1', scope: 'public', request: rq.empty, timeout: 'status', normalize: n.normalizeFirmware, fn: 'firmware' }),
  'GET info.location': spec({ method: 'GET', name: 'info.location', since: '8.0.1', scope: 'read', request: rq.empty, timeout: 'status', normalize: n.normalizeLocation, fn: 'location' }),
  'GET status.client': spec({ method: 'GET', name: 'status.client', since: '8.0.1', scope: 'read', request: rq.clients, timeout: 'status', normalize: n.normalizeClients, fn: 'clients' }),
  'GET status.lan.profile': spec({ method: 'GET', name: 'status.lan.profile', since: '7.1.0', scope: 'read', request: rq.lanProfiles, timeout: 'status', normalize: n.normalizeLanProfiles, fn: 'lanProfiles' }),
  // The reference's list and curl example say "status.pevpn"; its section heading and real
  // devices say "status.pepvpn". The client sends the latter and falls back to the former.
  'GET status.pepvpn': spec({ method: 'GET', name: 'status.pepvpn', since: '7.1.0', scope: 'read', request: rq.pepvpn, timeout: 'status', normalize: n.normalizePepVpn, fn: 'pepvpn' }),
  'GET status.wan.connection': spec({ method: 'GET', name: 'status.wan.connection', since: '8.0.0', scope: 'read', request: rq.wanStatus, timeout: 'status', normalize: n.normalizeWanStatus, fn: 'wanStatus' }),
  'GET status.wan.connection.allowance': spec({ method: 'GET', name: 'status.wan.connection.allowance', since: '8.0.0', scope: 'read', request: rq.allowance, timeout: 'status', normalize: n.normalizeAllowance, fn: 'allowance' }),
  'GET status.wan.connection.signal': spec({ method: 'GET', name: 'status.wan.connection.signal', since: '8.0.1', until: '8.5.2', scope: 'read', request: rq.signal, timeout: 'status', normalize: n.normalizeSignal, fn: 'signalLegacy' }),
  // Endpoints that replaced reference rows in later firmware (firmware-differences.md).
  'POST cmd.sim.ussd.send': spec({ method: 'POST', name: 'cmd.sim.ussd.send', since: '8.5.2', scope: 'write', request: rq.sendUssd, timeout: 'scan', normalize: (raw) => n.normalizeUssd(raw, 'cmd.sim.ussd.send'), fn: 'sendUssdSim' }),
  'POST cmd.wan.cellular#simPriority': spec({ method: 'POST', name: 'cmd.wan.cellular', since: '8.3.0', scope: 'write', request: rq.wanCellularPriority, timeout: 'action', normalize: nothing, fn: 'setSimPriority' }),
} as const

export type EndpointKey = keyof typeof ENDPOINTS
type Spec<K extends EndpointKey> = (typeof ENDPOINTS)[K]
/** What the caller passes for endpoint K (schema input, so defaults may be omitted). */
export type RequestOf<K extends EndpointKey> = z.input<Spec<K>['request']>
/** The normalised answer of endpoint K. */
export type ResponseOf<K extends EndpointKey> = ReturnType<Spec<K>['normalize']>

/** The 44 rows that the 8.1.1 reference lists (the replacements excluded). */
export const REFERENCE_KEYS = (Object.keys(ENDPOINTS) as EndpointKey[]).filter(
  (k) => k !== 'POST cmd.sim.ussd.send' && k !== 'POST cmd.wan.cellular#simPriority',
)
