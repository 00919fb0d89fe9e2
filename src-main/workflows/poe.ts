/**
 * Power over Ethernet on or off per port (a modular device's port with its module type and
 * id). The router takes one port as itself and several as a list, and cannot report PoE
 * state back, so the summary says what was sent.
 */
import type { RouterClient } from '../peplink/client'

export type PoePort = number | { id: number; moduleType?: string; moduleId?: number }

const portName = (p: PoePort) => (typeof p === 'number' ? `port ${p}` : `port ${p.id}${p.moduleType ? ` (${p.moduleType} ${p.moduleId ?? ''})` : ''}`)

export async function setPoe(client: RouterClient, enable: boolean, ports: PoePort[], opts: { signal?: AbortSignal } = {}): Promise<{ summary: string }> {
  const port = ports.length === 1 ? ports[0]! : ports
  if (enable) await client.api.enablePoe({ port }, opts)
  else await client.api.disablePoe({ port }, opts)
  return { summary: `PoE ${enable ? 'enabled' : 'disabled'} on ${ports.map(portName).join(', ')}.` }
}
