/** What the PDF checks need from this machine: a Chromium to print and pdftotext to read back. */
import { execFileSync } from 'node:child_process'
import { findChromium } from '../../../src-main/diagnosis/report-pdf'

export const chromium = findChromium()

/** True where poppler's pdftotext is installed (npm test installs it on Debian). */
export const pdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
