/**
 * Builds CSV or JSON exports of users in chunks, handing the event loop back between chunks so
 * 100 000 users never freeze the tab, into a Blob (the browser holds its parts off the JS heap
 * where it can) that is then downloaded.
 */
import { isAttributeColumnId, valueJson, valueText, type ColumnValue, type UserColumn } from '../model/column-model';
import type { UserRow } from '../model/user-row';
import { CSV_BOM, csvRecord } from '@/lib/csv';

export type ExportFormat = 'csv' | 'json';

export interface ExportField {
  /** CSV header and JSON property: the attribute name or the column id */
  key: string;
  value: (row: UserRow) => ColumnValue;
}

export function fieldsFromColumns(columns: readonly UserColumn[]): ExportField[] {
  return columns.map((column) => ({
    key: isAttributeColumnId(column.id) && column.attribute ? column.attribute : column.id,
    value: column.value,
  }));
}

const CORE_FIELDS: readonly ExportField[] = [
  { key: 'username', value: (r) => r.user.username },
  { key: 'sub', value: (r) => r.user.sub },
  { key: 'status', value: (r) => r.user.status },
  { key: 'enabled', value: (r) => r.user.enabled },
  { key: 'created', value: (r) => r.user.createdAt },
  { key: 'modified', value: (r) => r.user.modifiedAt },
  { key: 'groups', value: (r) => r.groups },
];

/** Every field: the core ones, then each attribute any of the users has, by name. */
export function allFields(rows: readonly UserRow[]): ExportField[] {
  const names = new Set<string>();
  for (const row of rows) for (const name in row.user.attributes) names.add(name);
  names.delete('sub');
  const attributes = [...names].sort((a, b) => a.localeCompare(b)).map<ExportField>((name) => ({ key: name, value: (r) => r.user.attributes[name] }));
  return [...CORE_FIELDS, ...attributes];
}

/** Hands control back to the browser so input and painting go on between chunks. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface ExportOptions {
  /** rows per chunk between yields (default 2 000) */
  chunkRows?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  yieldControl?: () => Promise<void>;
}

function throwIfAborted(signal?: AbortSignal) {
  if (signal?.aborted) {
    const error = new Error('The export was cancelled.');
    error.name = 'AbortError';
    throw error;
  }
}

/** The export as text chunks; the first carries the BOM and header (CSV) or the opening bracket (JSON). */
export async function* exportChunks(
  rows: readonly UserRow[],
  fields: readonly ExportField[],
  format: ExportFormat,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  const { chunkRows = 2000, signal, onProgress, yieldControl = yieldToEventLoop } = options;
  throwIfAborted(signal);
  yield format === 'csv' ? CSV_BOM + csvRecord(fields.map((f) => f.key)) : '[';
  for (let start = 0; start < rows.length; start += chunkRows) {
    const end = Math.min(rows.length, start + chunkRows);
    let chunk = '';
    for (let i = start; i < end; i += 1) {
      const row = rows[i]!;
      if (format === 'csv') {
        chunk += csvRecord(fields.map((f) => valueText(f.value(row))));
      } else {
        const record: Record<string, unknown> = {};
        for (const field of fields) record[field.key] = valueJson(field.value(row));
        chunk += (i === 0 ? '\n  ' : ',\n  ') + JSON.stringify(record);
      }
    }
    yield chunk;
    onProgress?.(end, rows.length);
    await yieldControl();
    throwIfAborted(signal);
  }
  if (format === 'json') yield rows.length > 0 ? '\n]\n' : ']\n';
}

export const EXPORT_MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

export async function buildExport(
  rows: readonly UserRow[],
  fields: readonly ExportField[],
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<Blob> {
  const parts: string[] = [];
  for await (const chunk of exportChunks(rows, fields, format, options)) parts.push(chunk);
  return new Blob(parts, { type: EXPORT_MIME[format] });
}

export function exportFileName(userPoolId: string, format: ExportFormat, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return `users-${userPoolId.replace(/[^\w-]/g, '_')}-${stamp}.${format}`;
}

/** Saves a Blob through a temporary object URL (no server involved). */
export { downloadBlob } from '@/lib/download';
