import { describe, expect, it } from 'vitest'
import { useAction } from '../../../src-renderer/src/composables/use-action'
import { UplinkUiError } from '../../../src-renderer/src/ui-error'

/** A promise the test settles by hand, to look at the state while the action runs. */
function deferred() {
  let resolve!: () => void
  let reject!: (e: unknown) => void
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

describe('useAction: a component action with its busy state and its error', () => {
  it('is busy while the action runs, clears the last error at the start, and resolves true', async () => {
    const { busy, error, run } = useAction()
    error.value = new UplinkUiError({ kind: 'device', message: 'earlier failure' })
    const d = deferred()
    const done = run(() => d.promise)
    expect(busy.value).toBe(true)
    expect(error.value).toBeUndefined()
    d.resolve()
    expect(await done).toBe(true)
    expect(busy.value).toBeUndefined()
  })

  it('keeps a failure as the error to show, never throws, and resolves false', async () => {
    const { busy, error, run } = useAction()
    const shown = new UplinkUiError({ kind: 'network', message: 'The router did not answer in 10 s.' })
    expect(await run(() => Promise.reject(shown))).toBe(false)
    expect(error.value).toBe(shown)
    expect(busy.value).toBeUndefined()
    // Something that is not main's error still becomes a sentence the window can show.
    expect(await run(() => Promise.reject(new TypeError('x is undefined')))).toBe(false)
    expect(error.value?.kind).toBe('internal')
    expect(error.value?.message).toMatch(/Something went wrong in the Uplink window: x is undefined/)
  })

  it('says which action is running when given a marker', async () => {
    const { busy, run } = useAction<'apply' | 'pending'>()
    const d = deferred()
    const done = run(() => d.promise, 'pending')
    expect(busy.value).toBe('pending')
    d.reject(new Error('no'))
    expect(await done).toBe(false)
    expect(busy.value).toBeUndefined()
  })
})
