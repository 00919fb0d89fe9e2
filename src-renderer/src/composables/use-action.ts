/**
 * A component's actions on the router or a store: what it is busy with and the error to show
 * beside it. `busy` is undefined when idle, else `true` or a marker saying which action runs
 * (a panel with "Apply" and "Save as pending" spins only the pressed button). `run` clears the
 * last error, marks the component busy and never throws: a failure lands in `error`. It
 * resolves to whether the action succeeded.
 */
import { ref, type Ref } from 'vue'
import { toUiError, type UplinkUiError } from '../ui-error'

export function useAction<B = true>() {
  const busy = ref() as Ref<B | undefined>
  const error = ref<UplinkUiError | undefined>()
  async function run(action: () => Promise<unknown>, marker?: B): Promise<boolean> {
    busy.value = marker ?? (true as B)
    error.value = undefined
    try {
      await action()
      return true
    } catch (err) {
      error.value = toUiError(err)
      return false
    } finally {
      busy.value = undefined
    }
  }
  return { busy, error, run }
}
