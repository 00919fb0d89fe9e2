/**
 * What the CLI prints. With --json, stdout carries exactly the normalised model and nothing
 * else; progress and notices always go to stderr so they never corrupt a pipe.
 */

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
      stdout.write(json ? JSON.stringify(model, null, 2) + '\n' : render().replace(/\n?$/, '\n'))
    },
    notice(message) {
      endProgress()
      stderr.write(`${message}\n`)
    },
    progress(message) {
      if (stderr.isTTY) {
        stderr.write(`\r\x1b[2K${message}`)
        progressShown = true
      } else stderr.write(`${message}\n`)
    },
  }
}

/** Renders rows as an aligned text table. */
export function table(headers: string[], rows: (string | number | undefined | null)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === undefined || c === null ? '' : String(c))))]
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n')
}
