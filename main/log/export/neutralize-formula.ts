/**
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by Excel,
 * Numbers and LibreOffice (CSV injection: a device name like `=HYPERLINK(…)`). A leading apostrophe makes
 * the spreadsheet show the text as text; the apostrophe itself is not displayed.
 */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r']);

export function neutralizeFormula(cell: string): string {
  // A set lookup on the first character, not a regex: an export of 100,000 rows checks two million cells.
  return cell !== '' && FORMULA_STARTS.has(cell[0] ?? '') ? `'${cell}` : cell;
}
