import { describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../src-preload/contract'
import { dispatch, type Handlers } from '../../../src-main/ipc/dispatch'
import { requestSchemas } from '../../../src-main/ipc/schemas'
import { AppError } from '../../../src-main/app-error'
import { DeviceError } from '../../../src-main/peplink/errors'

const ctx = { clientId: 't', emit: () => {} }

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const all = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => ({}))])) as unknown as Handlers
  return { ...all, ...overrides }
}

describe('IPC dispatch', () => {
  it('has a schema for every channel of the contract', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual([...CHANNELS].sort())
  })

  it('refuses bad payloads with a field-level error before the handler runs', async () => {
    const add = vi.fn(async () => ({}) as never)
    const h = handlersWith({ 'devices:add': add })
    const r1 = await dispatch(h, 'devices:add', { name: 'Depot', host: 'not a host!', authMethod: 'admin' }, ctx)
    expect(r1).toEqual({ ok: false, error: { kind: 'validation', field: 'host', message: expect.stringMatching(/^host: must be an IP address or host name/) } })
    const r2 = await dispatch(h, 'devices:add', { name: 'Depot', host: '10.0.0.1', port: 70000, authMethod: 'admin' }, ctx)
    expect(r2).toMatchObject({ ok: false, error: { field: 'port', message: 'port: must be 1 to 65535.' } })
    const r3 = await dispatch(h, 'devices:add', { name: 'Depot', host: '10.0.0.1', authMethod: 'admin', password: 'x' }, ctx)
    expect(r3).toMatchObject({ ok: false, error: { kind: 'validation' } })
    const r4 = await dispatch(h, 'signal:watch', { deviceId: 'd', wanId: 2, intervalMs: 10 }, ctx)
    expect(r4).toMatchObject({ ok: false, error: { field: 'intervalMs', message: expect.stringMatching(/at least 250 ms/) } })
    // A survey zoom needs both ends, in order.
    const r5 = await dispatch(h, 'survey:show', { deviceId: 'd', id: 'x', from: 10 }, ctx)
    expect(r5).toMatchObject({ ok: false, error: { field: 'from', message: expect.stringMatching(/both ends/) } })
    const r6 = await dispatch(h, 'survey:show', { deviceId: 'd', id: 'x', from: 10, until: 5 }, ctx)
    expect(r6).toMatchObject({ ok: false, error: { field: 'from' } })
    expect(await dispatch(h, 'survey:show', { deviceId: 'd', id: 'x', from: 5, until: 10 }, ctx)).toMatchObject({ ok: true })
    expect(add).not.toHaveBeenCalled()
  })

  it('refuses unknown channels', async () => {
    expect(await dispatch(handlersWith({}), 'shell:exec', {}, ctx)).toMatchObject({ ok: false, error: { kind: 'validation', field: 'channel' } })
  })

  it('answers {ok:true,data} and turns thrown errors into data with a sentence', async () => {
    const h = handlersWith({
      'devices:list': async () => [],
      'session:list': async () => {
        throw new AppError('not-found', 'This router is not connected. Connect to it first.')
      },
      'status:overview': async () => {
        throw new DeviceError('status.wan.connection', 500, 'busy')
      },
      'app:info': async () => {
        throw new TypeError('x is undefined')
      },
    })
    expect(await dispatch(h, 'devices:list', {}, ctx)).toEqual({ ok: true, data: [] })
    expect(await dispatch(h, 'session:list', {}, ctx)).toEqual({ ok: false, error: { kind: 'not-found', message: 'This router is not connected. Connect to it first.' } })
    expect(await dispatch(h, 'status:overview', { deviceId: 'd' }, ctx)).toMatchObject({ ok: false, error: { kind: 'device', code: 500, message: 'The router refused status.wan.connection (code 500): "busy".' } })
    expect(await dispatch(h, 'app:info', {}, ctx)).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringMatching(/inside Uplink/) } })
  })
})
