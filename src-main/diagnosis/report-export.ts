/**
 * Exporting a visit: the redacted HTML report and, when a printer is available, its PDF,
 * each written atomically next to the visit (`<visitId>.html`, `<visitId>.pdf`).
 */
import { join } from 'node:path'
import { writeFileAtomic } from '../devices/atomic-file'
import { renderReportHtml } from './report-html'
import { redactHtml } from './report-redact'
import type { PdfPrinter } from './report-pdf'
import type { Visit } from './visit'

export interface ExportOptions {
  /** Folder to write into (normally `VisitStore.deviceDir(deviceId)`). */
  dir: string
  /** Strings that must never appear in the files. */
  secrets?: readonly string[]
  /** Omit (or null) to write the HTML only. */
  printer?: PdfPrinter | null
  now?: Date
}

export interface ExportResult {
  htmlPath: string
  pdfPath?: string
  /** Why there is no PDF although a printer was given (for example: Chromium not installed). */
  pdfError?: string
}

/** Renders and writes the report; the PDF is printed from exactly the HTML that was written. */
export async function exportReport(visit: Visit, opts: ExportOptions): Promise<ExportResult> {
  const secrets = opts.secrets ?? []
  const html = renderReportHtml(visit, { secrets, now: opts.now })
  // Redaction is idempotent, so a second pass that still changes something means a secret
  // survived the first; refuse rather than write a leak.
  if (redactHtml(html, secrets) !== html) throw new Error('The report still contained a secret after redaction, so it was not saved.')
  const htmlPath = join(opts.dir, `${visit.id}.html`)
  await writeFileAtomic(htmlPath, html)
  if (!opts.printer) return { htmlPath }
  try {
    const pdf = await opts.printer(html)
    const pdfPath = join(opts.dir, `${visit.id}.pdf`)
    await writeFileAtomic(pdfPath, pdf)
    return { htmlPath, pdfPath }
  } catch (err) {
    return { htmlPath, pdfError: err instanceof Error ? err.message : String(err) }
  }
}
