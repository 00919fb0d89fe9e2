/**
 * Tiny HTML building blocks for the report: escaping (every value goes through it) and a
 * table helper. No template engine: the report is small and must stay self-contained.
 */

/** Escapes text for use in HTML content and double- or single-quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/**
 * A table from headers and rows of plain values (escaped here); `empty` is shown when there are
 * no rows. `widths` (CSS widths, one per column) fix the columns, so a long value wraps inside
 * its cell instead of widening the table past the page.
 */
export function htmlTable(headers: string[], rows: unknown[][], empty = 'None.', widths?: string[]): string {
  if (!rows.length) return `<p class="muted">${escapeHtml(empty)}</p>`
  const cols = widths ? `<colgroup>${widths.map((w) => `<col style="width:${escapeHtml(w)}">`).join('')}</colgroup>` : ''
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')
  return `<table>${cols}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

/** "2025-03-01 10:30 UTC": reports are read later, elsewhere, so times carry their zone. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
