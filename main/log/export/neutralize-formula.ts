/**
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by Excel,
 * Numbers and LibreOffice (CSV injection: a device name like `=HYPERLINK(…)`). A leading apostrophe makes
 * the spreadsheet show the text as text; the apostrophe itself is not displayed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
