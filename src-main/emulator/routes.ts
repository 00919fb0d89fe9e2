/**
 * The endpoint table: method, firmware availability ("Available in X or later" from the
 * reference, plus the changes after 8.1.1), who may call it, and the handler.
 */
import type { Ctx, HandlerResult } from './context'
import { compareVersions } from './firmware'
import type { Json } from './json'
import * as auth from './handlers/auth'
import { handleCarrierScan, handleCarrierSelect } from './handlers/carrier'
import { handleChannelPciLock, handleChannelPciScan } from './handlers/channel-pci'
import * as dev from './handlers/config-device'
import { handleWanConfig, handleWanPriority } from './handlers/config-wan'
import * as info from './handlers/info'
import { handleSmsGet, handleSmsSend, handleUssd } from './handlers/messaging'
import { handlePepvpn } from './handlers/pepvpn'
import * as sim from './handlers/sim'
import { handleClients, handleLanProfiles } from './handlers/status-lan'
import { handleAllowance, handleWanSignal, handleWanStatus } from './handlers/status-wan'
import * as wifi from './handlers/wifi'

/**
 * public: no session needed; optional: answers differently with one; read: any session
 * or token; write: read-write permission; config: config.* (read-only callers refused
 * even for GET); admin: admin login only; revoke: any caller, the handler checks "self".
 */
export type Access = 'public' | 'optional' | 'read' | 'write' | 'config' | 'admin' | 'revoke'

export interface Route {
  name: string
  method: 'GET' | 'POST'
  since: string
  /** First firmware that no longer has it. */
  until?: string
  access: Access
  beta?: boolean
  run: (ctx: Ctx) => HandlerResult
}

const j =
  (fn: (ctx: Ctx) => Json | undefined) =>
  (ctx: Ctx): HandlerResult => ({ response: fn(ctx) })

type Row = [string, 'GET' | 'POST', string, Access, (ctx: Ctx) => HandlerResult, { until?: string; beta?: boolean }?]

const ROWS: Row[] = [
  ['login', 'POST', '7.0.0', 'public', auth.handleLogin],
  ['logout', 'POST', '7.0.0', 'public', auth.handleLogout],
  ['auth.client', 'GET', '7.1.1', 'admin', auth.handleAuthClient],
  ['auth.client', 'POST', '7.1.1', 'admin', auth.handleAuthClient],
  ['auth.client.token', 'GET', '7.1.1', 'admin', auth.handleClientToken],
  ['auth.token.grant', 'POST', '7.1.1', 'public', auth.handleTokenGrant],
  ['auth.token.revoke', 'POST', '7.1.1', 'revoke', auth.handleTokenRevoke],
  ['cmd.billing.newCycle', 'POST', '8.1.0', 'write', j(sim.handleNewCycle)],
  ['cmd.carrier.scan', 'GET', '8.0.1', 'read', j(handleCarrierScan)],
  ['cmd.carrier.scan', 'POST', '8.1.0', 'write', j(handleCarrierScan)],
  ['cmd.carrier.select', 'POST', '8.0.1', 'write', j(handleCarrierSelect)],
  ['cmd.channelPci.lock', 'POST', '8.1.1', 'write', j(handleChannelPciLock)],
  ['cmd.channelPci.scan', 'POST', '8.1.1', 'write', j(handleChannelPciScan)],
  ['cmd.config.apply', 'POST', '7.1.1', 'write', j(dev.handleConfigApply)],
  ['cmd.config.discard', 'POST', '7.1.1', 'write', j(dev.handleConfigDiscard)],
  ['cmd.port.poe.disable', 'POST', '8.1.1', 'write', j((c) => dev.handlePoe(c, false))],
  ['cmd.port.poe.enable', 'POST', '8.1.1', 'write', j((c) => dev.handlePoe(c, true))],
  ['cmd.sendUssd', 'POST', '8.1.0', 'write', j(handleUssd), { until: '8.5.0' }],
  ['cmd.sim.ussd.send', 'POST', '8.5.0', 'write', j(handleUssd)],
  ['cmd.sms.get', 'GET', '8.1.0', 'read', j(handleSmsGet)],
  ['cmd.sms.sendMessage', 'POST', '8.0.0', 'write', j(handleSmsSend)],
  ['cmd.ap', 'GET', '7.0.2', 'read', j(dev.handleAp)],
  ['cmd.ap', 'POST', '7.0.2', 'write', j(dev.handleAp)],
  ['cmd.cellularModule.rescanNetwork', 'POST', '8.0.0', 'write', j(sim.handleRescanNetwork)],
  ['cmd.cellularModule.reset', 'POST', '8.0.0', 'write', j(sim.handleModuleReset)],
  ['cmd.wan.cellular', 'GET', '8.0.0', 'read', j(sim.handleWanCellularGet), { until: '8.3.0' }],
  ['cmd.wan.cellular', 'POST', '8.0.0', 'write', j(sim.handleWanCellularPost)],
  ['cmd.wifi.connect', 'POST', '7.1.1', 'write', j(wifi.handleWifiConnect)],
  ['cmd.wifi.disconnect', 'POST', '7.1.1', 'write', j(wifi.handleWifiDisconnect)],
  ['cmd.wifi.forget', 'POST', '7.1.1', 'write', j(wifi.handleWifiForget)],
  ['cmd.wifi.result', 'GET', '7.1.1', 'read', j(wifi.handleWifiResult)],
  ['cmd.wifi.scan', 'GET', '7.1.1', 'read', j(wifi.handleWifiScan)],
  ['config.gpio', 'POST', '8.1.1', 'config', j(dev.handleGpio), { beta: true }],
  ['config.ssid.profile', 'GET', '7.1.1', 'config', j(dev.handleSsidGet)],
  ['config.ssid.profile', 'POST', '7.1.1', 'config', j(dev.handleSsidPost)],
  ['config.wan.connection', 'POST', '8.0.0', 'config', j(handleWanConfig), { beta: true }],
  ['config.wan.connection.priority', 'POST', '7.1.1', 'config', j(handleWanPriority)],
  ['info.firmware', 'GET', '7.1.1', 'optional', j(info.handleFirmware)],
  ['info.location', 'GET', '8.0.1', 'read', j(info.handleLocation)],
  ['status.client', 'GET', '8.0.1', 'read', j(handleClients)],
  ['status.lan.profile', 'GET', '7.1.0', 'read', j(handleLanProfiles)],
  ['status.pepvpn', 'GET', '7.1.0', 'read', j(handlePepvpn), { beta: true }],
  ['status.pevpn', 'GET', '7.1.0', 'read', j(handlePepvpn), { beta: true }],
  ['status.wan.connection', 'GET', '8.0.0', 'read', j(handleWanStatus)],
  ['status.wan.connection.allowance', 'GET', '8.0.0', 'read', j(handleAllowance)],
  ['status.wan.connection.signal', 'GET', '8.0.1', 'read', j(handleWanSignal), { until: '8.5.0', beta: true }],
  // Present on real devices, absent from the reference.
  ['status.wan.latency', 'GET', '8.0.0', 'read', j(info.handleLatency)],
  ['status.log', 'GET', '8.0.0', 'read', j(info.handleLog)],
  ['status.traffic', 'GET', '8.0.0', 'read', j(info.handleTraffic)],
]

/** Every endpoint the emulator knows, across all firmware versions. */
export const ROUTES: Route[] = ROWS.map(([name, method, since, access, run, extra]) => ({ name, method, since, access, run, ...extra }))

/** The route for this endpoint and method on this firmware, or undefined (Unsupported request). */
export function findRoute(name: string, method: string, firmware: string): Route | undefined {
  return ROUTES.find(
    (r) =>
      r.name === name &&
      r.method === method &&
      compareVersions(firmware, r.since) >= 0 &&
      (r.until === undefined || compareVersions(firmware, r.until) < 0),
  )
}
