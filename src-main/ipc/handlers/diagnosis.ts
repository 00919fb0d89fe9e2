/**
 * Channels for diagnosis, guided flows, the visit and its report.
 */
import type { Services } from '../../services'
import type { Handlers } from '../dispatch'
import { listGuides } from '../../diagnosis/guides'
import { findingsForWan } from '../../diagnosis/rules'

type DiagnosisHandlers = Pick<Handlers,
  | 'diagnosis:run' | 'guides:list' | 'guides:open' | 'guides:check' | 'guides:move' | 'visit:get' | 'visit:setNotes'
  | 'visit:finish' | 'visit:saveMarker' | 'visit:removeMarker' | 'reports:list' | 'reports:export'>

/** Builds the diagnosis and visit channel handlers. */
export function createDiagnosisHandlers(s: Services): DiagnosisHandlers {
  const client = (deviceId: string) => s.sessions.get(deviceId).client
  return {
    'diagnosis:run': async (r) => {
      const res = await s.visits.diagnose(r.deviceId, client(r.deviceId))
      return r.connId === undefined ? res : { ...res, findings: findingsForWan(res.findings, r.connId) }
    },
    'guides:list': async () => listGuides(),
    'guides:open': async (r) => s.visits.guide(r.deviceId, r.guideId, r.wanId),
    'guides:check': async (r) => s.visits.check(r.deviceId, r.guideId, client(r.deviceId)),
    'guides:move': async (r) => s.visits.move(r.deviceId, r.guideId, r.direction),
    'visit:get': async (r) => (await s.visits.store.openVisit(r.deviceId)) ?? null,
    'visit:setNotes': async (r) => {
      await s.visits.store.setNotes(r.deviceId, r.notes)
      return { saved: true }
    },
    'visit:finish': async (r) => s.visits.finish(r.deviceId, client(r.deviceId)),
    // No session needed: a marker's last figures are saved even as the router drops off.
    'visit:saveMarker': async (r) => {
      await s.visits.saveMarker(r.deviceId, r.marker)
      return { saved: true }
    },
    'visit:removeMarker': async (r) => ({ removed: await s.visits.removeMarker(r.deviceId, r.markerId) }),
    'reports:list': async (r) => s.visits.store.listReports(r.deviceId),
    'reports:export': async (r) => s.visits.exportReport(r.deviceId, r.visitId),
  }
}
