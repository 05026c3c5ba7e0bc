/**
 * Forms generated from zod schemas (the machine's event schemas, the congress inputs …) and read back into the
 * value the schema validates. The page never restates the rules: the same schema renders the fields (types,
 * required, lengths, bounds, choices) and validates the submission; the engine validates again with its time.
 *
 * Field names are `f.<path>`: `f.members.0.name`. A union keeps its choice in `<path>.~kind` (discriminated) or
 * `<path>.~variant` (by position) and the chosen option's fields under `<path>.@<choice>.…`, so the options'
 * fields never collide; the parser reads only the chosen one. Arrays of plain values are one per line; arrays of
 * objects are rows, and an empty row is ignored. Money (fields named …fen…) is typed in yuan and percentages
 * (…basisPoints…) in percent; both are stored as integers.
 */
import type { ZodType } from 'zod'
import { ZLocalDateSchema } from '../../workflows/negotiation/events.js'
import { ZClauseLocalDateSchema } from '../../workflows/proposals/clauses.js'
import { attrs, html, join, type SafeHtml } from './html.js'
import { fieldLabel, valueLabel, type TLang } from './i18n.js'
import { fromDateTimeLocal, toDateTimeLocal } from './format.js'

type TDef = { type: string; [k: string]: unknown }
type TNode = ZodType & { _zod: { def: TDef } }

const defOf = (s: ZodType): TDef => (s as TNode)._zod.def
const typeOf = (s: ZodType) => defOf(s).type

export type TFormData = Record<string, string | string[] | undefined>

type TUnit = 'fen' | 'bp' | undefined

function unitOfKey(key: string, parent: TUnit): TUnit {
  if (/fen/i.test(key)) return 'fen'
  if (/basisPoints/i.test(key)) return 'bp'
  if (key === 'value') return parent
  return undefined
}

/** Strips optional/default/nullable/pipe wrappers; says whether the value may be left out. */
function unwrap(s: ZodType): { node: ZodType; optional: boolean; defaultValue?: unknown } {
  let node = s
  let optional = false
  let defaultValue: unknown
  for (;;) {
    const d = defOf(node)
    if (d.type === 'optional' || d.type === 'nullable') {
      optional = true
      node = d.innerType as ZodType
    } else if (d.type === 'default' || d.type === 'prefault') {
      optional = true
      const dv = d.defaultValue
      defaultValue = typeof dv === 'function' ? (dv as () => unknown)() : dv
      node = d.innerType as ZodType
    } else if (d.type === 'pipe') {
      node = d.in as ZodType
    } else return { node, optional, defaultValue }
  }
}

const shapeOf = (s: ZodType) => (s as unknown as { shape: Record<string, ZodType> }).shape
const optionsOf = (s: ZodType) => (s as unknown as { options: ZodType[] }).options
const elementOf = (s: ZodType) => defOf(s).element as ZodType
const enumValues = (s: ZodType) => Object.values(defOf(s).entries as Record<string, string>)
const literalValue = (s: ZodType) => (defOf(s).values as unknown[])[0]
const discriminatorOf = (s: ZodType) => defOf(s).discriminator as string | undefined
const num = (s: ZodType, k: 'minLength' | 'maxLength' | 'minValue' | 'maxValue') => {
  const v = (s as unknown as Record<string, unknown>)[k]
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}
const formatOf = (s: ZodType) => (s as unknown as { format?: string | null }).format ?? undefined
const isDateSchema = (s: ZodType, key: string) => s === ZLocalDateSchema || s === ZClauseLocalDateSchema || (key.endsWith('On') && typeOf(s) === 'string' && !formatOf(s))
const isInt = (s: ZodType) => (s as unknown as { isInt?: boolean }).isInt === true || formatOf(s) === 'safeint'

/** The option of a discriminated union with this discriminator value. */
function optionFor(s: ZodType, disc: string, value: string): ZodType | undefined {
  return optionsOf(s).find((o) => {
    const d = shapeOf(o)[disc]
    return d && typeOf(d) === 'literal' && literalValue(d) === value
  })
}

const discValue = (o: ZodType, disc: string) => String(literalValue(shapeOf(o)[disc]!))

// ---------------------------------------------------------------------------------------------------------------
// Parsing: form data → the value the schema validates
// ---------------------------------------------------------------------------------------------------------------

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === false || v === null || v === '') return true
  if (Array.isArray(v)) return v.length === 0
  if (typeof v === 'object') return Object.values(v as object).every(isEmpty)
  return false
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** Row indexes present in the form under `name.` (e.g. f.members.0.name, f.members.3.id → [0, 3]). */
function rowIndexes(form: TFormData, name: string): number[] {
  const prefix = `${name}.`
  const set = new Set<number>()
  for (const k of Object.keys(form)) {
    if (!k.startsWith(prefix)) continue
    const m = /^(\d+)(\.|$)/.exec(k.slice(prefix.length))
    if (m) set.add(Number(m[1]))
  }
  return [...set].sort((a, b) => a - b)
}

function parseNumber(raw: string, unit: TUnit): number | string {
  const s = raw.trim().replace(/,/g, '')
  const n = Number(s)
  if (s === '' || !Number.isFinite(n)) return raw
  return unit ? Math.round(n * 100) : n
}

function parseNode(schema: ZodType, name: string, form: TFormData, key: string, unit: TUnit, inRow = false): unknown {
  const { node, optional } = unwrap(schema)
  const type = typeOf(node)
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [k, child] of Object.entries(shapeOf(node))) {
        const { node: inner } = unwrap(child)
        if (typeOf(inner) === 'literal' || k === 'at') continue
        const v = parseNode(child, `${name}.${k}`, form, k, unitOfKey(k, unit))
        if (v !== undefined) out[k] = v
      }
      if ((optional || inRow) && isEmpty(out)) return undefined
      return out
    }
    case 'array': {
      const el = unwrap(elementOf(node)).node
      const elType = typeOf(el)
      if (elType === 'object' || elType === 'union') {
        const rows = rowIndexes(form, name)
          .map((i) => parseNode(elementOf(node), `${name}.${i}`, form, key, unit, true))
          .filter((r) => r !== undefined)
        return optional && rows.length === 0 ? undefined : rows
      }
      const rawValue = form[name]
      let items: string[]
      if (elType === 'enum' || Array.isArray(rawValue)) items = (Array.isArray(rawValue) ? rawValue : rawValue ? [rawValue] : [])
      else items = (rawValue ?? '').split(/\r?\n/)
      const values = items.map((s) => s.trim()).filter((s) => s !== '')
      const parsed = elType === 'number' ? values.map((v) => parseNumber(v, unit)) : values
      return optional && parsed.length === 0 ? undefined : parsed
    }
    case 'union': {
      const disc = discriminatorOf(node)
      if (disc) {
        const chosen = first(form[`${name}.~kind`])?.trim()
        if (!chosen) return undefined
        const option = optionFor(node, disc, chosen)
        if (!option) return { [disc]: chosen }
        const v = parseNode(option, `${name}.@${chosen}`, form, key, unit) as Record<string, unknown> | undefined
        return { [disc]: chosen, ...(v ?? {}) }
      }
      const chosen = first(form[`${name}.~variant`])?.trim()
      if (!chosen) return undefined
      const option = optionsOf(node)[Number(chosen)]
      if (!option) return undefined
      if (typeOf(option) === 'literal') return literalValue(option)
      return parseNode(option, `${name}.@${chosen}`, form, key, unit) ?? {}
    }
    case 'boolean': {
      const v = first(form[name])
      if (optional && !isCheckboxBoolean(schema)) return v === 'true' ? true : v === 'false' ? false : undefined
      return v === 'on' || v === 'true'
    }
    case 'number': {
      const v = first(form[name])
      if (v === undefined || v.trim() === '') return undefined
      return parseNumber(v, unit)
    }
    case 'enum':
    case 'string': {
      const v = first(form[name])
      if (v === undefined || v.trim() === '') return undefined
      if (type === 'string' && formatOf(node) === 'datetime') return fromDateTimeLocal(v.trim()) ?? v
      return type === 'enum' ? v.trim() : v
    }
    case 'literal':
      return literalValue(node)
    default:
      return first(form[name])
  }
}

/** A boolean with a default is a checkbox (unchecked = the default false); an optional one is yes/no/unknown. */
function isCheckboxBoolean(schema: ZodType): boolean {
  const { defaultValue, optional } = unwrap(schema)
  return !optional || defaultValue === false
}

/** The object a submitted form describes, for `schema.safeParse` (fields named `f.…`). */
export function parseForm(schema: ZodType, form: TFormData, prefix = 'f'): Record<string, unknown> {
  return (parseNode(schema, prefix, form, '', undefined) as Record<string, unknown> | undefined) ?? {}
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering: the fields of a schema, pre-filled, with the errors of a refused submission
// ---------------------------------------------------------------------------------------------------------------

export type TFieldErrors = Map<string, string>

export type TRenderOptions = {
  lang: TLang
  /** Prefix of the element ids (unique per form on a page). */
  idPrefix: string
  /** Errors by data path (`members.0.name`). */
  errors?: TFieldErrors
  /** Top-level keys not rendered (set by the page, e.g. `expectedRevision`). */
  omit?: readonly string[]
  /** Choices for a string field by data path, e.g. the documents of the case for `documentSha256`. */
  choices?: Record<string, { value: string; label: string }[]>
  /** Extra rows rendered for arrays of objects (default 1). */
  spareRows?: number
}

const idOf = (o: TRenderOptions, name: string) => `${o.idPrefix}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`

function displayNumber(v: unknown, unit: TUnit): string {
  if (typeof v !== 'number') return v === undefined || v === null ? '' : String(v)
  if (!unit) return String(v)
  const sign = v < 0 ? '-' : ''
  const a = Math.abs(v)
  const frac = a % 100
  return `${sign}${Math.floor(a / 100)}${frac ? `.${String(frac).padStart(2, '0').replace(/0$/, '')}` : ''}`
}

function labelText(lang: TLang, key: string, unit: TUnit, optional: boolean): string {
  let label = fieldLabel(lang, key)
  if (unit === 'fen' && !/元/.test(label) && lang === 'zh') label += '（元）'
  if (unit === 'fen' && lang === 'en' && !/yuan/.test(label)) label += ' (yuan)'
  if (unit === 'bp' && !/%/.test(label)) label += lang === 'zh' ? '（%）' : ' (%)'
  if (optional) label += lang === 'zh' ? '（选填）' : ' (optional)'
  return label
}

function errorOf(o: TRenderOptions, path: string, id: string): { attrs: SafeHtml; message: SafeHtml | '' } {
  const e = o.errors?.get(path)
  if (!e) return { attrs: html``, message: '' }
  return { attrs: html` aria-invalid="true" aria-describedby="${id}-err"`, message: html`<span class="field-error" id="${id}-err">${e}</span>` }
}

/** `loose`: inside an optional object, an array row or a union option, where the browser must not insist. */
type TRenderCtx = { o: TRenderOptions; name: string; path: string; key: string; unit: TUnit; value: unknown; label?: string; loose?: boolean }

function renderNode(schema: ZodType, c: TRenderCtx): SafeHtml {
  const { o } = c
  const lang = o.lang
  const { node, optional, defaultValue } = unwrap(schema)
  const type = typeOf(node)
  const id = idOf(o, c.name)
  const value = c.value === undefined ? defaultValue : c.value
  const label = c.label ?? labelText(lang, c.key, c.unit, optional)
  const err = errorOf(o, c.path, id)
  const required = !optional && !c.loose

  switch (type) {
    case 'object': {
      const fields = Object.entries(shapeOf(node))
        .filter(([k, child]) => k !== 'at' && typeOf(unwrap(child).node) !== 'literal' && !(c.path === '' && o.omit?.includes(k)))
        .map(([k, child]) =>
          renderNode(child, {
            o,
            name: `${c.name}.${k}`,
            path: c.path ? `${c.path}.${k}` : k,
            key: k,
            unit: unitOfKey(k, c.unit),
            value: value && typeof value === 'object' ? (value as Record<string, unknown>)[k] : undefined,
            loose: c.loose || (optional && c.path !== ''),
          }),
        )
      if (c.path === '' || c.label === '') return join(fields)
      return html`<fieldset class="group"><legend>${label}</legend>${err.message}${fields}</fieldset>`
    }
    case 'array': {
      const el = elementOf(node)
      const elNode = unwrap(el).node
      const elType = typeOf(elNode)
      const max = num(node, 'maxLength')
      if (elType === 'object' || elType === 'union') {
        const values = Array.isArray(value) ? value : []
        const count = Math.max(1, Math.min(values.length + (o.spareRows ?? 1), max ?? Infinity))
        const rows = Array.from({ length: count }, (_, i) =>
          html`<div class="row" data-row="${i}">${renderNode(el, {
            o,
            name: `${c.name}.${i}`,
            path: c.path ? `${c.path}.${i}` : String(i),
            key: c.key,
            unit: c.unit,
            value: values[i],
            loose: true,
            label: `${lang === 'zh' ? `第${i + 1}项` : `Item ${i + 1}`}`,
          })}</div>`,
        )
        return html`<fieldset class="group rows" data-rows="${c.name}"${attrs({ 'data-max': max })}><legend>${label}</legend>${err.message}${rows}
          <button type="button" class="secondary add-row" data-add-row="${c.name}" hidden>${lang === 'zh' ? '添加一项' : 'Add a row'}</button></fieldset>`
      }
      if (elType === 'enum') {
        const chosen = new Set(Array.isArray(value) ? value.map(String) : [])
        return html`<fieldset class="group checks"><legend>${label}</legend>${err.message}${enumValues(elNode).map(
          (v, i) => html`<label class="check"><input type="checkbox" name="${c.name}" value="${v}" id="${id}-${i}"${chosen.has(v) ? html` checked` : ''}> ${valueLabel(lang, v)}</label>`,
        )}</fieldset>`
      }
      const text = Array.isArray(value) ? value.map((v) => (elType === 'number' ? displayNumber(v, c.unit) : String(v))).join('\n') : ''
      const hint = lang === 'zh' ? '每行一项' : 'one per line'
      return html`<div class="field"><label for="${id}">${label}<span class="hint">${hint}</span></label>${err.message}
        <textarea id="${id}" name="${c.name}" rows="${Math.min(Math.max(3, (text.match(/\n/g)?.length ?? 0) + 2), 10)}"${err.attrs}>${text}</textarea></div>`
    }
    case 'union': {
      const disc = discriminatorOf(node)
      const options = optionsOf(node)
      const current = value && typeof value === 'object' && disc ? String((value as Record<string, unknown>)[disc] ?? '') : ''
      const variantIndex =
        !disc && value !== undefined
          ? options.findIndex((opt) =>
              typeOf(opt) === 'literal' ? literalValue(opt) === value : value !== null && typeof value === 'object' && Object.keys(shapeOf(opt)).every((k) => k in (value as object) || unwrap(shapeOf(opt)[k]!).optional),
            )
          : -1
      const choiceName = disc ? `${c.name}.~kind` : `${c.name}.~variant`
      const optionValue = (opt: ZodType, i: number) => (disc ? discValue(opt, disc) : String(i))
      const optionLabel = (opt: ZodType, i: number) => {
        if (disc) return valueLabel(lang, discValue(opt, disc))
        if (typeOf(opt) === 'literal') return valueLabel(lang, String(literalValue(opt)))
        const keys = Object.keys(shapeOf(opt))
        return keys.length === 1 ? valueLabel(lang, keys[0]!) : keys.map((k) => fieldLabel(lang, k)).join(' / ') || String(i)
      }
      const selected = disc ? current : variantIndex >= 0 ? String(variantIndex) : ''
      const selectId = idOf(o, choiceName)
      const selErr = errorOf(o, c.path, selectId)
      const select = html`<div class="field"><label for="${selectId}">${disc ? fieldLabel(lang, disc) : label}</label>${selErr.message}
        <select id="${selectId}" name="${choiceName}" data-variant-select="${c.name}"${selErr.attrs}>
          <option value="">${lang === 'zh' ? '（请选择）' : '(choose)'}</option>
          ${options.map((opt, i) => html`<option value="${optionValue(opt, i)}"${optionValue(opt, i) === selected ? html` selected` : ''}>${optionLabel(opt, i)}</option>`)}
        </select></div>`
      const panels = options.map((opt, i) => {
        if (typeOf(opt) === 'literal') return ''
        const v = optionValue(opt, i)
        const fields = Object.entries(shapeOf(opt))
          .filter(([k, child]) => k !== disc && typeOf(unwrap(child).node) !== 'literal')
          .map(([k, child]) =>
            renderNode(child, {
              o,
              name: `${c.name}.@${v}.${k}`,
              path: c.path ? `${c.path}.${k}` : k,
              key: k,
              unit: unitOfKey(k, c.unit),
              value: v === selected && value && typeof value === 'object' ? (value as Record<string, unknown>)[k] : undefined,
              loose: true,
            }),
          )
        if (fields.length === 0) return ''
        return html`<div class="variant" data-variant-of="${c.name}" data-variant="${v}"><p class="variant-title">${optionLabel(opt, i)}</p>${fields}</div>`
      })
      return html`<fieldset class="group union"><legend>${label}</legend>${select}${panels}</fieldset>`
    }
    case 'boolean': {
      if (isCheckboxBoolean(schema)) {
        return html`<div class="field check"><label for="${id}"><input type="checkbox" id="${id}" name="${c.name}"${value === true ? html` checked` : ''}${err.attrs}> ${labelText(lang, c.key, undefined, false)}</label>${err.message}</div>`
      }
      const v = value === true ? 'true' : value === false ? 'false' : ''
      return html`<div class="field"><label for="${id}">${label}</label>${err.message}<select id="${id}" name="${c.name}"${err.attrs}>
        <option value=""${v === '' ? html` selected` : ''}>${lang === 'zh' ? '（未填）' : '(not given)'}</option>
        <option value="true"${v === 'true' ? html` selected` : ''}>${lang === 'zh' ? '是' : 'Yes'}</option>
        <option value="false"${v === 'false' ? html` selected` : ''}>${lang === 'zh' ? '否' : 'No'}</option></select></div>`
    }
    case 'enum': {
      const values = enumValues(node)
      return html`<div class="field"><label for="${id}">${label}</label>${err.message}<select id="${id}" name="${c.name}"${attrs({ required })}${err.attrs}>
        ${optional || value === undefined ? html`<option value="">${lang === 'zh' ? '（请选择）' : '(choose)'}</option>` : ''}
        ${values.map((v) => html`<option value="${v}"${v === value ? html` selected` : ''}>${valueLabel(lang, v)}</option>`)}</select></div>`
    }
    case 'number': {
      const int = isInt(node)
      const a = c.unit
        ? { step: '0.01', inputmode: 'decimal' }
        : { step: int ? '1' : 'any', min: num(node, 'minValue') || undefined, max: num(node, 'maxValue'), inputmode: int ? 'numeric' : 'decimal' }
      return html`<div class="field"><label for="${id}">${label}</label>${err.message}<input type="number" id="${id}" name="${c.name}" value="${displayNumber(value, c.unit)}"${attrs({ ...a, required })}${err.attrs}></div>`
    }
    case 'string': {
      const choices = o.choices?.[c.path]
      if (choices) {
        return html`<div class="field"><label for="${id}">${label}</label>${err.message}<select id="${id}" name="${c.name}"${attrs({ required })}${err.attrs}>
          ${optional || !choices.some((ch) => ch.value === value) ? html`<option value="">${lang === 'zh' ? '（请选择）' : '(choose)'}</option>` : ''}
          ${choices.map((ch) => html`<option value="${ch.value}"${ch.value === value ? html` selected` : ''}>${ch.label}</option>`)}</select></div>`
      }
      const max = num(node, 'maxLength')
      const min = num(node, 'minLength')
      const fmt = formatOf(node)
      const v = value === undefined || value === null ? '' : String(value)
      if (fmt === 'datetime') {
        return html`<div class="field"><label for="${id}">${label}</label>${err.message}<input type="datetime-local" id="${id}" name="${c.name}" value="${v ? toDateTimeLocal(v) : ''}"${attrs({ required })}${err.attrs}></div>`
      }
      if (c.key === 'startTime' || c.key === 'endTime') {
        return html`<div class="field"><label for="${id}">${label}</label>${err.message}<input type="time" id="${id}" name="${c.name}" value="${v}"${attrs({ required })}${err.attrs}></div>`
      }
      if (isDateSchema(schema, c.key) || isDateSchema(node, c.key)) {
        return html`<div class="field"><label for="${id}">${label}</label>${err.message}<input type="date" id="${id}" name="${c.name}" value="${v}"${attrs({ required })}${err.attrs}></div>`
      }
      if (max !== undefined && max > 300) {
        return html`<div class="field"><label for="${id}">${label}</label>${err.message}<textarea id="${id}" name="${c.name}" rows="${max > 5000 ? 6 : 3}"${attrs({ required, maxlength: max, minlength: min })}${err.attrs}>${v}</textarea></div>`
      }
      return html`<div class="field"><label for="${id}">${label}</label>${err.message}<input type="${fmt === 'email' ? 'email' : 'text'}" id="${id}" name="${c.name}" value="${v}"${attrs({ required, maxlength: max, minlength: min })}${err.attrs}></div>`
    }
    default:
      return html``
  }
}

/** The fields of an object schema (names `f.…`), pre-filled with `values`, showing `errors`. */
export function renderFields(schema: ZodType, values: unknown, o: TRenderOptions): SafeHtml {
  return renderNode(schema, { o, name: 'f', path: '', key: '', unit: undefined, value: values })
}

/** zod issues → errors by data path (the first message per path). */
export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): TFieldErrors {
  const m: TFieldErrors = new Map()
  for (const i of issues) {
    const p = i.path.map(String).join('.')
    if (!m.has(p)) m.set(p, i.message)
  }
  return m
}
