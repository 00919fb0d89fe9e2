/**
 * Which frames may call main: only the app's own top-level page (the built renderer loaded
 * from disk, or the dev server during `npm run dev`). An iframe or a navigated-away page
 * gets nothing, even though navigation is already denied.
 */

export interface SenderFrame {
  url: string
  /** True for the window's top frame. */
  top: boolean
}

/** True when the frame is the app's own top-level page. */
export function isTrustedSender(frame: SenderFrame | null | undefined, opts: { rendererFile: string; devServerUrl?: string }): boolean {
  if (!frame || !frame.top) return false
  let url: URL
  try {
    url = new URL(frame.url)
  } catch {
    return false
  }
  if (url.protocol === 'file:') return decodeURIComponent(url.pathname) === opts.rendererFile.replace(/\\/g, '/').replace(/^([A-Za-z]:)/, '/$1')
  if (opts.devServerUrl) {
    const dev = new URL(opts.devServerUrl)
    return url.origin === dev.origin
  }
  return false
}
