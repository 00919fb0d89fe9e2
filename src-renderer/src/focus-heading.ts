/**
 * After the technician picks a page in the sidebar, keyboard focus goes to that page's heading
 * (as a single-page app should: otherwise it stays in the sidebar and the page's first field is
 * a dozen Tabs away). Pages load lazily, so this waits for the new heading to appear.
 */
const WAIT_MS = 3000

/** Focuses the page heading (the main landmark's h1) once it has replaced `previous`. */
export function focusPageHeading(previous: Element | null = document.querySelector('main h1'), started = performance.now()): void {
  const h1 = document.querySelector<HTMLElement>('main h1')
  if (h1 && h1 !== previous && h1.isConnected) {
    if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1')
    h1.focus()
    return
  }
  if (performance.now() - started < WAIT_MS) requestAnimationFrame(() => focusPageHeading(previous, started))
}
