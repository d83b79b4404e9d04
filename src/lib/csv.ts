/**
 * CSV as RFC 4180 writes it (CRLF line ends; a field holding a comma, double quote, CR or LF is
 * quoted and its quotes doubled), hardened against formula injection: a spreadsheet runs a cell
 * beginning with =, +, -, @, tab or carriage return as a formula, and user attributes are
 * written by end users. Such cells get a leading apostrophe, which spreadsheets show as text
 * (OWASP "CSV Injection").
 */

export const CSV_BOM = '\uFEFF';
export const CRLF = '\r\n';

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export function neutraliseFormula(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]!) ? `'${value}` : value;
}

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRecord(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i += 1) {
    if (i > 0) line += ',';
    line += csvField(fields[i]!);
  }
  return line + CRLF;
}
