/**
 * Contract channels -> services. Each handler is a thin adapter: the request was already
 * validated by its schema, and whatever it throws becomes an IpcError in the dispatcher.
 */
import type { DeviceView } from '../../../src-preload/contract'
import { AppError } from '../../app-error'
import type { SavedDevice } from '../../devices/registry'
import type { Services } from '../../services'
import { suggestTargets } from '../../discovery'
import { fetchOverview } from '../../workflows/overview'
import type { Handlers } from '../dispatch'
import { surveyForReport } from '../../survey/surveys'

type CoreHandlers = Pick<Handlers,
  | 'app:info' | 'devices:list' | 'devices:add' | 'devices:update' | 'devices:remove' | 'devices:probe' | 'devices:trust'
  | 'devices:forgetSecret' | 'session:connect' | 'session:disconnect' | 'session:list' | 'discovery:suggest'
  | 'discovery:plan' | 'discovery:start' | 'discovery:cancel' | 'demo:start' | 'status:overview' | 'signal:watch' | 'signal:unwatch'
  | 'survey:start' | 'survey:position' | 'survey:stop' | 'survey:current' | 'survey:list' | 'survey:show' | 'survey:export' | 'survey:delete' | 'survey:editPosition' | 'survey:continue'>

/** Builds the handlers for devices, sessions, discovery, the demo router, overview and signal. */
export function createCoreHandlers(s: Services): CoreHandlers {
  const view = async (d: SavedDevice): Promise<DeviceView> => ({
    ...d,
    hasSecret: await s.vault.has(d.id, d.authMethod === 'admin' ? 'password' : 'clientSecret'),
  })
  const device = (id: string): SavedDevice => {
    const d = s.registry.get(id)
    if (!d) throw new AppError('not-found', 'That saved device no longer exists. Refresh the device list.')
    return d
  }

  return {
    'app:info': async () => ({
      version: s.version,
      host: s.host,
      keychain: s.vault.status.keychain ? { available: true } : { available: false, reason: s.vault.status.reason },
      notice: s.notice,
    }),
    'devices:list': async () => Promise.all(s.registry.list().map(view)),
    'devices:add': async (r) => {
      const scheme = r.scheme ?? 'https'
      return view(await s.registry.add({ ...r, scheme, port: r.port ?? (scheme === 'https' ? 443 : 80) }))
    },
    'devices:update': async (r) => {
      const before = device(r.id)
      // A new address or port is a different endpoint: its certificate must be approved again.
      const moved = (r.patch.host !== undefined && r.patch.host !== before.host) || (r.patch.port !== undefined && r.patch.port !== before.port)
      if (moved) await s.sessions.disconnect(r.id)
      return view(await s.registry.update(r.id, moved ? { ...r.patch, pin: undefined, certSubject: undefined } : r.patch))
    },
    'devices:remove': async (r) => {
      await s.sessions.disconnect(r.id)
      await s.vault.removeAll(r.id)
      return { removed: await s.registry.remove(r.id) }
    },
    'devices:probe': async (r) => s.sessions.presented(device(r.id)),
    'devices:trust': async (r) => view(await s.sessions.trust(r.id, r.fingerprint256)),
    'devices:forgetSecret': async (r) => {
      await s.vault.removeAll(device(r.id).id)
      return view(device(r.id))
    },
    'session:connect': async (r) => s.sessions.connect(r.deviceId, { secret: r.secret, remember: r.remember }),
    'session:disconnect': async (r) => ({ closed: await s.sessions.disconnect(r.deviceId) }),
    'session:list': async () => s.sessions.list(),
    'discovery:suggest': async () => suggestTargets(),
    'discovery:plan': async (r) => s.sweeps.plan(r.targets, r.ports),
    'discovery:start': async (r, ctx) => s.sweeps.start(r.targets, r.ports, ctx.emit, r.confirmed === true),
    'discovery:cancel': async (r) => ({ cancelled: s.sweeps.cancel(r.sweepId) }),
    'demo:start': async (r) => {
      const device = await s.demo.start(r)
      // Another model or firmware is another emulator on another port: a session to the old one
      // would only wait for it forever, so it is closed and the technician connects afresh.
      const live = s.sessions.find(device.id)
      if (live && (live.client.port !== device.port || live.client.host !== device.host)) await s.sessions.disconnect(device.id)
      return view(device)
    },
    'status:overview': async (r) => fetchOverview(s.sessions.get(r.deviceId).client),
    'signal:watch': async (r, ctx) => {
      s.sessions.get(r.deviceId) // not connected: a clear error now, not an empty stream
      const watchId = s.watches.start(ctx.clientId, r.deviceId, () => s.sessions.find(r.deviceId)?.client, r.wanId, r.intervalMs ?? 1000, (sample) => ctx.emit('signal:sample', sample))
      return { watchId }
    },
    'signal:unwatch': async (r) => ({ stopped: s.watches.stop(r.watchId) }),
    'survey:start': async (r, ctx) => {
      const session = s.sessions.get(r.deviceId)
      let surveyId = ''
      const started = await s.surveys.start({
        deviceId: r.deviceId, deviceName: session.device.name, host: session.device.host, client: session.client, wanId: r.wanId,
        intervalMs: r.intervalMs ?? 1000, position: r.position,
        onSample: (sample) => ctx.emit('survey:sample', { deviceId: r.deviceId, surveyId, sample }),
      })
      surveyId = started.id
      return started
    },
    'survey:position': async (r) => s.surveys.position(r.deviceId, r.name),
    'survey:stop': async (r) => {
      const done = await s.surveys.stop(r.deviceId)
      // The comparison goes into the visit, so the site report shows where the antenna went and why.
      if (done) {
        const d = await s.surveys.show(r.deviceId, done.id)
        await s.visits.saveSurvey(r.deviceId, {
          id: done.id, wanName: done.wanName, startedAt: done.startedAt, minutes: Math.round((done.lastAt - done.startedAt) / 60_000), samples: done.samples,
          verdict: d.analysis.verdict,
          ranking: d.analysis.ranking.map((x) => ({ ...x, seconds: d.analysis.positions.find((p) => p.name === x.name)?.seconds })),
          ...surveyForReport(d),
        }).catch(() => undefined)
      }
      return done ?? null
    },
    'survey:current': async (r) => s.surveys.current(r.deviceId) ?? null,
    'survey:list': async (r) => s.surveys.list(r.deviceId),
    'survey:show': async (r) => s.surveys.show(r.deviceId, r.id, r.from !== undefined && r.until !== undefined ? { from: r.from, until: r.until } : undefined),
    'survey:continue': async (r, ctx) => {
      const session = s.sessions.get(r.deviceId)
      return s.surveys.continue({
        deviceId: r.deviceId, id: r.id, client: session.client, position: r.position,
        onSample: (sample) => ctx.emit('survey:sample', { deviceId: r.deviceId, surveyId: r.id, sample }),
      })
    },
    'survey:export': async (r) => s.surveys.export(r.deviceId, r.id, r.format),
    'survey:delete': async (r) => s.surveys.delete(r.deviceId, r.id),
    'survey:editPosition': async (r) => s.surveys.editPosition(r.deviceId, r.id, r.edit),
  }
}
