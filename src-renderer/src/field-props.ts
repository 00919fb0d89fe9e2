/** Accessibility attributes that tie a form input to its hint or error (see FieldRow.vue). */

/** `input-props` for a naive input: its id, aria-invalid, and what describes it. */
export function fieldProps(id: string, error?: string, hint?: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined, ...extra }
}
