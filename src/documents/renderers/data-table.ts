/** A table of formatted cells (ZDataTableSchema): optional title, the bordered table, total rows bold, notes small. */
import type { TDataTable } from '../types.js'
import { S, style, type Kit, type TContent } from '../layout/kit.js'

const TABLE_STYLE = style('regular', 10)
const TOTAL_STYLE = style('bold', 10)

export function dataTable(kit: Kit, t: TDataTable): void {
  if (t.title) kit.paragraph(t.title, { style: S.smallBold, indent: 0, before: 4, keepWithNext: 60 })
  kit.table(
    t.columns.map((c) => ({ header: c.header, width: c.width, align: c.align })),
    t.rows.map((r): TContent[] => (r.total ? r.cells.map((c) => (c ? [{ text: c, style: TOTAL_STYLE }] : '')) : r.cells)),
    { style: TABLE_STYLE, after: t.notes.length ? 2 : 6 },
  )
  for (const n of t.notes) kit.paragraph(n, { style: S.note, indent: 0, leading: 1.5 })
  if (t.notes.length) kit.space(4)
}
