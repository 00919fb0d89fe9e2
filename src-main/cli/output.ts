/**
 * What the CLI prints. With --json, stdout carries exactly the normalised model and nothing
 * else; progress and notices always go to stderr so they never corrupt a pipe.
 */

/**
 * Router text made safe for a terminal: control characters (ESC sequences that clear the
 * screen or retitle the window, BEL, C1 controls, bidi overrides) become visible escapes
 * such as "\x1b", so a WAN name or an SMS can never drive the technician's terminal.
 * Newlines and tabs are kept where `keepLines` says (multi-line SMS text).
 */
export function terminalSafe(text: string, keepLines = false): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    if (keepLines && (ch === '\n' || ch === '\t')) return ch
    const code = ch.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

export interface Output {
  json: boolean
  /** Prints the result: JSON of `model`, or the human table from `render`. */
  result(model: unknown, render: () => string): void
  /** A one-line notice on stderr. */
  notice(message: string): void
  /** A progress line on stderr (overwritten in place on a terminal). */
  progress(message: string): void
}

/** Creates the output for one run; streams are injectable for tests. */
export function createOutput(json: boolean, stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): Output {
  let progressShown = false
  const endProgress = () => {
    if (progressShown && stderr.isTTY) stderr.write('\n')
    progressShown = false
  }
  return {
    json,
    result(model, render) {
      endProgress()
      // JSON escapes control characters itself; human text goes through terminalSafe.
      stdout.write(json ? JSON.stringify(model, null, 2) + '\n' : terminalSafe(render(), true).replace(/\n?$/, '\n'))
    },
    notice(message) {
      endProgress()
      stderr.write(`${terminalSafe(message, true)}\n`)
    },
    progress(message) {
      if (stderr.isTTY) {
        stderr.write(`\r\x1b[2K${terminalSafe(message)}`)
        progressShown = true
      } else stderr.write(`${terminalSafe(message)}\n`)
    },
  }
}

/** Renders rows as an aligned text table. */
export function table(headers: string[], rows: (string | number | undefined | null)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === undefined || c === null ? '' : terminalSafe(String(c)))))]
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n')
}
