/**
 * The last pass over a finished report, as defence in depth: nothing secret should reach the
 * report in the first place (visits strip secrets on the way in), but if something slips
 * through, known secret strings and `password=…`-shaped text are replaced here.
 * Only text and attribute values are touched, never markup, so a secret that happens to
 * look like a tag name cannot break the document.
 */
import { escapeHtml } from './html'

/** What a redacted value reads as, in visits and reports alike. */
export const REDACTED = '[redacted]'

// key=value, key: value and "key":"value" shapes, on HTML-escaped text.
// An unquoted value stops at JSON/list punctuation, so a second pass over `"k":[redacted]}]`
// leaves the brackets alone (the export re-runs this pass to prove nothing is left).
const VALUE = String.raw`(?:\[redacted\]|&quot;(?:(?!&quot;).)*&quot;|&#39;(?:(?!&#39;).)*&#39;|(?:&(?:amp|lt|gt);|[^\s,;<&}\])])+)`
const KEY_VALUE = new RegExp(String.raw`\b([A-Za-z0-9_.-]*?(?:password|passwd|passphrase|secret|token|psk|key))(\s*(?:&quot;)?\s*[:=]\s*)(${VALUE})`, 'gi')

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A matcher for every known secret, raw and HTML-escaped, longest first; undefined when there are none. */
function secretPattern(secrets: readonly string[]): RegExp | undefined {
  const forms = new Set<string>()
  for (const s of secrets) {
    if (!s || !s.trim()) continue
    forms.add(s)
    forms.add(escapeHtml(s))
  }
  if (!forms.size) return undefined
  return new RegExp([...forms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g')
}

function redactText(text: string, known: RegExp | undefined): string {
  const t = known ? text.replace(known, REDACTED) : text
  return t.replace(KEY_VALUE, (m, k: string, sep: string, value: string) =>
    value === REDACTED || value === `&quot;${REDACTED}&quot;` ? m : `${k}${sep}${REDACTED}`)
}

/** Replaces known secrets and key=value secrets in the text and attribute values of an HTML document. */
export function redactHtml(html: string, secrets: readonly string[] = []): string {
  const known = secretPattern(secrets)
  let inStyle = false
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<style\b/i.test(part)) inStyle = true
        else if (/^<\/style/i.test(part)) inStyle = false
        return part.replace(/="([^"]*)"/g, (_m, v: string) => `="${redactText(v, known)}"`)
      }
      return inStyle ? part : redactText(part, known)
    })
    .join('')
}
