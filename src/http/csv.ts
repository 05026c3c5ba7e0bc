/**
 * CSV downloads for spreadsheets: RFC 4180 with CRLF line ends and a UTF-8 byte order mark, so Excel opens the
 * Chinese correctly; a text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with '
 * (OWASP CSV injection). Numbers stay numbers.
 */
import { stringify } from 'csv-stringify/sync'

const BOM = '\uFEFF'

const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v)

/** A header row and the rows, as the text of a CSV file (with its BOM). */
export function csvWithBom(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return (
    BOM +
    stringify(
      rows.map((r) => r.map(cell)),
      { header: true, columns: [...header], record_delimiter: 'windows', quoted_string: false },
    )
  )
}
