/**
 * Sweeps from the app: a large one (more than a /22) is sized first and starts only confirmed;
 * its progress reaches the page at most every 100 ms, the last one always.
 */
import { expect, it } from 'vitest'
import { Sweeps, type DiscoveryDoneEvent, type DiscoveryProgressEvent } from '../../../src-main/discovery/sweeps'
import { freePort } from './fake-servers'

const PORT = await freePort()

it('sizes a large sweep, refuses it unconfirmed, and throttles its progress', async () => {
  const sweeps = new Sweeps()
  // 127.0.88.0/21 on loopback: nothing listens, every address refuses at once.
  const plan = sweeps.plan(['127.0.88.0/21'], [PORT])
  expect(plan).toMatchObject({ addresses: 2046, targets: 2046, large: true })
  expect(plan.estimate.fastMs).toBeLessThan(plan.estimate.slowMs)
  expect(sweeps.plan(['127.0.88.0/22'], [PORT]).large).toBe(false)

  const progress: DiscoveryProgressEvent[] = []
  const emit = ((event: string, payload: unknown) => {
    if (event === 'discovery:progress') progress.push(payload as DiscoveryProgressEvent)
    if (event === 'discovery:done') finished(payload as DiscoveryDoneEvent)
  }) as Parameters<Sweeps['start']>[2]
  let finished!: (e: DiscoveryDoneEvent) => void
  const done = new Promise<DiscoveryDoneEvent>((r) => (finished = r))
  expect(() => sweeps.start(['127.0.88.0/21'], [PORT], emit)).toThrow(/2,046 addresses, more than a \/22: confirm/)
  expect(progress).toEqual([])

  const started = sweeps.start(['127.0.88.0/21'], [PORT], emit, true)
  expect(started.total).toBe(2046)
  expect(await done).toMatchObject({ found: 0, cancelled: false })
  expect(progress.length).toBeLessThan(2046)
  expect(progress[progress.length - 1]).toMatchObject({ done: 2046, total: 2046, found: 0, etaMs: 0 })
})
