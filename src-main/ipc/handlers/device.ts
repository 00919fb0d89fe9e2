/**
 * The Device section: WAN priority and settings, staged config, clients, LAN, PepVPN,
 * location, firmware, PoE, GPIO, the access point and API access administration. Writes go
 * through Ops (read-only sessions refused, every write logged in the visit).
 */
import type { PendingConfig } from '../../../src-preload/contract'
import { setPoe } from '../../workflows/poe'
import { saveWanSettings } from '../../workflows/wan-settings'
import type { Services } from '../../services'
import type { Handlers } from '../dispatch'
import { AppError } from '../../app-error'
import { UnsupportedError } from '../../peplink/errors'

type DeviceHandlers = Pick<Handlers,
  | 'config:pending' | 'config:apply' | 'config:discard' | 'wan:priority' | 'wan:update' | 'device:clients' | 'device:lan'
  | 'device:pepvpn' | 'device:location' | 'device:firmware' | 'device:poe' | 'device:gpio' | 'device:setGpio' | 'device:ap'
  | 'device:setAp' | 'api:clients' | 'api:createClient' | 'api:removeClient' | 'api:tokens' | 'api:revokeToken'>

/** Builds the Device section's handlers. */
export function createDeviceHandlers(s: Services): DeviceHandlers {
  const session = (deviceId: string) => s.sessions.get(deviceId)
  const client = (deviceId: string) => session(deviceId).client
  const pending = (deviceId: string): PendingConfig => {
    const changes = s.memory.pending(deviceId)
    return { pending: changes.length > 0, changes: [...changes] }
  }
  const stage = (deviceId: string, what: string) => {
    const changes = s.memory.pending(deviceId)
    if (!changes.includes(what)) changes.push(what)
  }
  return {
    'config:pending': async (r) => pending(r.deviceId),
    'config:apply': async (r) => {
      const res = await s.ops.run({ session: session(r.deviceId), action: 'cmd.config.apply', params: { changes: pending(r.deviceId).changes }, write: true,
        run: (c, o) => c.api.applyConfig({}, o), describe: (x) => ({ summary: x.warning ? `Applied, with the router's warning: ${x.warning}` : 'Pending changes applied.' }) })
      s.memory.pending(r.deviceId).length = 0
      return res
    },
    'config:discard': async (r) => {
      await s.ops.run({ session: session(r.deviceId), action: 'cmd.config.discard', params: { changes: pending(r.deviceId).changes }, write: true,
        run: (c, o) => c.api.discardConfig({}, o), describe: () => ({ summary: 'Pending changes discarded.' }) })
      s.memory.pending(r.deviceId).length = 0
      return { discarded: true }
    },
    'wan:priority': async (r) => {
      const entries = await s.ops.run({ session: session(r.deviceId), action: 'config.wan.connection.priority', params: { list: r.list, instantActive: r.instantActive }, write: true,
        run: (c, o) => c.api.setWanPriority({ list: r.list, ...(r.instantActive ? { instantActive: true } : {}) }, o),
        describe: () => ({ summary: r.instantActive ? 'WAN priority changed and applied.' : 'WAN priority saved; apply the pending changes to use it.' }) })
      if (!r.instantActive) stage(r.deviceId, 'WAN priority')
      return { entries, pending: pending(r.deviceId) }
    },
    'wan:update': async (r) => {
      const saved = await s.ops.run({ session: session(r.deviceId), action: 'config.wan.connection', params: { ...r.settings }, write: true,
        run: (c, o) => saveWanSettings(c, r.settings, o.signal),
        describe: (x) => ({ summary: `WAN ${r.settings.id} settings saved; apply the pending changes to use them.${x.notice ? ` ${x.notice}` : ''}` }) })
      stage(r.deviceId, `WAN ${r.settings.id} settings`)
      return { config: saved.config, pending: pending(r.deviceId), ...(saved.notice ? { notice: saved.notice } : {}) }
    },
    'device:clients': async (r) =>
      client(r.deviceId).api.clients({
        // Signal and speed come only with the full detail level.
        outputWeight: 'full',
        ...(r.connectionType?.length ? { connectionType: r.connectionType as never } : {}),
        ...(r.vlanId !== undefined ? { vlanId: r.vlanId } : {}),
        ...(r.activeOnly !== undefined ? { activeOnly: r.activeOnly ? 'yes' : 'no' } : {}),
      }),
    'device:lan': async (r) => client(r.deviceId).api.lanProfiles(),
    'device:pepvpn': async (r) => {
      const c = client(r.deviceId)
      const first = await c.api.pepvpn({ infoType: ['profile', 'peer'] })
      // Tunnel details (per-WAN state, loss, RTT) are only sent for the peers asked about.
      const peers = first.peers.map((p) => p.peerId).filter((id): id is string => typeof id === 'string' && /^\d+-\d+$/.test(id))
      if (peers.length === 0) return first
      const withTunnels = await c.api.pepvpn({ infoType: ['tunnel'], tunnelOption: peers })
      return { ...first, tunnels: withTunnels.tunnels }
    },
    'device:location': async (r) => {
      try {
        return await client(r.deviceId).api.location()
      } catch (err) {
        if (err instanceof UnsupportedError) return null
        throw err
      }
    },
    'device:firmware': async (r) => client(r.deviceId).api.firmware(),
    'device:poe': async (r) =>
      s.ops.run({ session: session(r.deviceId), action: r.enable ? 'cmd.port.poe.enable' : 'cmd.port.poe.disable', params: { ports: r.ports }, write: true,
        run: (c, o) => setPoe(c, r.enable, r.ports, o),
        describe: (x) => x }),
    'device:gpio': async (r) => client(r.deviceId).api.gpio({ list: [], reference: true }),
    'device:setGpio': async (r) => {
      const config = await s.ops.run({ session: session(r.deviceId), action: 'config.gpio', params: { list: r.list }, write: true,
        run: async (c, o) => {
          await c.api.gpio({ list: r.list as never }, o)
          return c.api.gpio({ list: [], reference: true }, o)
        },
        describe: () => ({ summary: 'GPIO settings saved; apply the pending changes to use them.' }) })
      stage(r.deviceId, 'GPIO')
      return { config, pending: pending(r.deviceId) }
    },
    'device:ap': async (r) => client(r.deviceId).api.accessPoint(),
    'device:setAp': async (r) =>
      s.ops.run({ session: session(r.deviceId), action: 'cmd.ap', params: { enable: r.enable }, write: true,
        run: (c, o) => c.api.setAccessPoint({ enable: r.enable }, o), describe: () => ({ summary: `Access point turned ${r.enable ? 'on' : 'off'}.` }) }),
    'api:clients': async (r) => client(r.deviceId).api.listAuthClients(),
    'api:createClient': async (r) => {
      const created = await s.ops.run({ session: session(r.deviceId), action: 'auth.client', params: { action: 'add', name: r.name, scope: r.scope }, write: true,
        run: (c, o) => c.api.changeAuthClient({ action: 'add', name: r.name, scope: r.scope }, o), describe: () => ({ summary: `API client "${r.name}" (${r.scope}) created.` }) })
      if (!created) throw new AppError('device', 'The router created the client but did not return its secret. Remove it and try again.')
      let saved: 'keychain' | 'session' | null = null
      if (r.saveForDevice) {
        saved = await s.vault.setPreferKeychain(r.deviceId, 'clientSecret', created.clientSecret)
        await s.registry.update(r.deviceId, { clientId: created.clientId })
      }
      return { ...created, saved }
    },
    'api:removeClient': async (r) => {
      await s.ops.run({ session: session(r.deviceId), action: 'auth.client', params: { action: 'remove', clientId: r.clientId }, write: true,
        run: (c, o) => c.api.changeAuthClient({ action: 'remove', clientId: r.clientId }, o), describe: () => ({ summary: `API client ${r.clientId} removed.` }) })
      return { removed: true }
    },
    'api:tokens': async (r) => {
      const listing = await client(r.deviceId).api.listAccessTokens(r.clientId ? { clientId: r.clientId } : {})
      // Full tokens stay in main; the renderer gets refs it can hand back to revoke one.
      s.memory.tokenRefs(r.deviceId, listing.fullTokens)
      return listing.tokens
    },
    'api:revokeToken': async (r) => {
      const token = s.memory.tokenRefs(r.deviceId).get(r.ref)
      if (!token) throw new AppError('not-found', 'That token is no longer listed. Refresh the token list and try again.')
      await s.ops.run({ session: session(r.deviceId), action: 'auth.token.revoke', params: { ref: r.ref }, write: true,
        run: (c, o) => c.api.revokeToken({ accessToken: token }, o), describe: () => ({ summary: `Access token ${r.ref} revoked.` }) })
      return { revoked: true }
    },
  }
}
