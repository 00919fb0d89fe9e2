/**
 * Every channel's handler, assembled from the domain files.
 */
import type { Services } from '../../services'
import type { Handlers } from '../dispatch'
import { createCoreHandlers } from './core'
import { createWorkflowHandlers } from './workflows'
import { createDiagnosisHandlers } from './diagnosis'
import { createDeviceHandlers } from './device'

/** Builds the handler for every channel of the contract. */
export function createHandlers(s: Services): Handlers {
  return { ...createCoreHandlers(s), ...createWorkflowHandlers(s), ...createDiagnosisHandlers(s), ...createDeviceHandlers(s) }
}
