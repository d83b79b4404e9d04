/**
 * Export of the current view or of every loaded user matching the server filter, as CSV or JSON,
 * with the visible columns or every attribute. Built in chunks (the tab stays responsive) and
 * downloaded as a file; nothing leaves the browser.
 */
import { useRef, useState } from 'react';
import { Dialog } from '@/components/dialog';
import type { UserColumn } from '../model/column-model';
import type { UserRow } from '../model/user-row';
import { allFields, buildExport, downloadBlob, exportFileName, fieldsFromColumns, type ExportFormat } from '../export/export-file';

export function ExportDialog({
  viewRows,
  allRows,
  visibleColumns,
  userPoolId,
  complete,
  onClose,
}: {
  viewRows: readonly UserRow[];
  allRows: readonly UserRow[];
  visibleColumns: readonly UserColumn[];
  userPoolId: string;
  /** false while the list is still loading */
  complete: boolean;
  onClose: () => void;
}) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [scope, setScope] = useState<'view' | 'all'>('view');
  const [fieldsChoice, setFieldsChoice] = useState<'visible' | 'every'>('visible');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  const rows = scope === 'view' ? viewRows : allRows;

  const run = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setError(null);
    setProgress(0);
    try {
      const fields = fieldsChoice === 'visible' ? fieldsFromColumns(visibleColumns) : allFields(rows);
      const blob = await buildExport(rows, fields, format, { signal: abort.signal, onProgress: (done) => setProgress(done) });
      downloadBlob(blob, exportFileName(userPoolId, format));
      onClose();
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setError((e as Error).message || 'The export failed.');
      setProgress(null);
    }
  };

  const cancel = () => {
    if (controller.current && progress !== null) controller.current.abort();
    else onClose();
  };

  const busy = progress !== null;
  return (
    <Dialog
      title="Export users"
      onCancel={cancel}
      actions={
        <>
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
          <button type="button" className="button button--primary" disabled={busy || rows.length === 0} onClick={() => void run()}>
            {busy ? `Exporting… ${progress.toLocaleString()} of ${rows.length.toLocaleString()}` : `Export ${rows.length.toLocaleString()} users`}
          </button>
        </>
      }
    >
      <fieldset disabled={busy}>
        <legend>Format</legend>
        <label>
          <input type="radio" name="format" checked={format === 'csv'} onChange={() => setFormat('csv')} /> CSV (UTF-8, opens in spreadsheets)
        </label>
        <label>
          <input type="radio" name="format" checked={format === 'json'} onChange={() => setFormat('json')} /> JSON
        </label>
      </fieldset>
      <fieldset disabled={busy}>
        <legend>Users</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'view'} onChange={() => setScope('view')} /> This view, as filtered and sorted ({viewRows.length.toLocaleString()})
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Every loaded user matching the search ({allRows.length.toLocaleString()})
        </label>
      </fieldset>
      <fieldset disabled={busy}>
        <legend>Columns</legend>
        <label>
          <input type="radio" name="fields" checked={fieldsChoice === 'visible'} onChange={() => setFieldsChoice('visible')} /> The visible columns
        </label>
        <label>
          <input type="radio" name="fields" checked={fieldsChoice === 'every'} onChange={() => setFieldsChoice('every')} /> Every attribute
        </label>
      </fieldset>
      {!complete ? <p>Users are still loading: the export holds the {allRows.length.toLocaleString()} loaded so far.</p> : null}
      {format === 'csv' ? <p className="users-hint">Cells starting with = + - @, a tab or a carriage return are prefixed with an apostrophe so spreadsheets show them as text.</p> : null}
      {error ? <p role="alert">{error}</p> : null}
    </Dialog>
  );
}
