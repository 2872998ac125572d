/** A plain decimal number ("-20.00", "1500"): a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Escapes one CSV cell against formula injection (OWASP "CSV injection"): text starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so a spreadsheet shows it
 * as text instead of running it. Plain numbers, negative amounts included, are left as they are.
 * Quoting is the CSV writer's job.
 */
export function escapeCsvCell(value: string): string {
  if (PLAIN_NUMBER.test(value)) return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}
