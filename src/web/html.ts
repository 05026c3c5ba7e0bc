/**
 * Server-side HTML: a tagged template that escapes every interpolated value unless it is already HTML (SafeHtml,
 * produced by this same tag or by `raw` for trusted constant markup). Arrays are joined; null, undefined and false
 * render nothing, so `${cond && html`…`}` works.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

export type THtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly THtmlValue[]

function render(v: THtmlValue): string {
  if (v === null || v === undefined || v === false) return ''
  if (v instanceof SafeHtml) return v.value
  if (Array.isArray(v)) return (v as readonly THtmlValue[]).map(render).join('')
  return escapeHtml(String(v))
}

export function html(strings: TemplateStringsArray, ...values: THtmlValue[]): SafeHtml {
  let out = strings[0]!
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!
  return new SafeHtml(out)
}

/** Trusted markup (constants only, never user data). */
export const raw = (s: string): SafeHtml => new SafeHtml(s)

export const join = (parts: readonly THtmlValue[], sep: THtmlValue = ''): SafeHtml =>
  new SafeHtml(parts.map(render).join(render(sep)))

/** Attributes from an object: `true` → bare attribute, false/null/undefined → left out. */
export function attrs(a: Record<string, string | number | boolean | null | undefined>): SafeHtml {
  const parts: string[] = []
  for (const [k, v] of Object.entries(a)) {
    if (v === false || v === null || v === undefined) continue
    parts.push(v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`)
  }
  return new SafeHtml(parts.join(''))
}
