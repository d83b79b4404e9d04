/**
 * The users screen: server search (URL), streaming load with progress, instant client filter,
 * sort, counts by status, virtualized table, bulk actions and export. The pieces live in
 * components/; this file wires state: URL → query plan → load → derived view → table.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAdminContext } from '@/aws/admin-context';
import { Alert } from '@/components/alert';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { useLeaveGuard } from '@/components/leave-guard';
import { PageHeader } from '@/components/page-header';
import { countOf } from '@/lib/format';
import { listingQuery, usersKeys } from './api/users-queries';
import type { UsersLoad } from './api/users-load';
import type { BulkActionKind } from './bulk/bulk-actions';
import { BulkBar } from './components/bulk-bar';
import { BulkResults } from './components/bulk-results';
import { ColumnChooser } from './components/column-chooser';
import { DataTable } from './components/data-table';
import { ExportDialog } from './components/export-dialog';
import { LoadProgress } from './components/load-progress';
import { QuickFilter } from './components/quick-filter';
import { RowActions } from './components/row-actions';
import { SearchForm } from './components/search-form';
import { StatusFilters } from './components/status-filters';
import { STATUS_LABELS } from './components/user-cells';
import { noticeFrom, userPaths } from './detail/paths';
import { planQuery, type QueryPlan, type UsersView } from './filters/filter-model';
import { isEmptyView } from './filters/url-params';
import { useBulkRun } from './hooks/use-bulk-run';
import { useQuickFilter } from './hooks/use-quick-filter';
import { useRowSelection } from './hooks/use-row-selection';
import { useUsersList } from './hooks/use-users-list';
import { useUsersView } from './hooks/use-users-view';
import { useViewPrefs } from './hooks/use-view-prefs';
import { attributeColumn, BASE_COLUMNS, columnsById, isAttributeColumnId, ATTRIBUTE_COLUMN_PREFIX } from './model/column-model';
import { filterRows, RowSorter } from './model/derive-view';
import { parseQuickFilter, type UserRow } from './model/user-row';
import './users.css';

export function UsersPage() {
  const ctx = useAdminContext();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notice = noticeFrom(useLocation().state);
  const { view, problems, setView } = useUsersView();
  const [prefs, updatePrefs] = useViewPrefs(ctx.userPoolId);
  const listing = useQuery(listingQuery(ctx));

  // Status and enabled quick filters are answered from a complete unfiltered load when there is
  // one (instant, no quota spent); otherwise Cognito filters them server-side.
  const fullLoad = queryClient.getQueryData<UsersLoad>(usersKeys.list(ctx.userPoolId, undefined));
  const plan: QueryPlan = useMemo(() => {
    const planned = planQuery(view);
    if (!view.search && planned.serverFilter && fullLoad?.getSnapshot().status === 'done') {
      return { serverFilter: undefined, clientStatus: view.status, clientEnabled: view.enabled };
    }
    return planned;
  }, [view, fullLoad]);

  const list = useUsersList(ctx, plan.serverFilter);
  const { snapshot } = list;

  // Columns: the base ones plus attribute columns the operator added (typed from the schema).
  const schema = listing.data?.schema;
  const columns = useMemo(() => {
    const types = new Map(schema?.map((a) => [a.name, a.type]));
    const extra = prefs.columns.filter(isAttributeColumnId).map((id) => id.slice(ATTRIBUTE_COLUMN_PREFIX.length));
    return [...BASE_COLUMNS, ...extra.map((name) => attributeColumn(name, types.get(name)))];
  }, [prefs.columns, schema]);
  const byId = useMemo(() => columnsById(columns), [columns]);
  const visible = useMemo(() => prefs.columns.filter((id) => byId.has(id)), [prefs.columns, byId]);

  // Quick filter: the table follows every keystroke (deferred so typing stays smooth).
  const quick = useQuickFilter(view, setView);
  const quickText = useDeferredValue(quick.text);
  const [sorter] = useState(() => new RowSorter());
  const sorted = useMemo(() => sorter.sort(snapshot.rows, prefs.sorting, byId, snapshot.revision), [sorter, snapshot.rows, snapshot.revision, prefs.sorting, byId]);
  const terms = useMemo(() => parseQuickFilter(quickText), [quickText]);
  const rows = useMemo(
    () => filterRows(sorted, { terms, status: plan.clientStatus, enabled: plan.clientEnabled }),
    [sorted, terms, plan.clientStatus, plan.clientEnabled],
  );
  const counts = snapshot.counts;

  const selection = useRowSelection(snapshot.rows, rows, plan.serverFilter ?? '*');

  // A search refused at the form was not run: what is on screen belongs to the one before it, and
  // its empty state and counts would read as the answer to the new one. Applies until the search
  // in the URL changes (a valid search, Clear, a link, Back).
  const [rejectedAt, setRejectedAt] = useState<UsersView['search'] | null>(null);
  const searchRejected = rejectedAt !== null && rejectedAt === view.search;

  const bulk = useBulkRun(ctx, snapshot.rows);
  // A run stops when the screen is left, and a reload cuts it off: ask first (the journal keeps
  // what was done either way).
  const leaveDialog = useLeaveGuard({
    when: bulk.state.phase === 'running',
    title: 'Stop the bulk run?',
    message: (
      <p>
        A bulk action is still running. Leaving this page stops it: users already processed stay as they are and are listed when you come back; the
        rest are not processed.
      </p>
    ),
    leaveLabel: 'Stop and leave',
  });
  const [exporting, setExporting] = useState(false);

  const runBulk = (kind: BulkActionKind, group: string | undefined) => void bulk.start(kind, group, selection.items());
  const runRow = (row: UserRow, kind: BulkActionKind) => void bulk.start(kind, undefined, [{ key: row.key, user: row.user, groups: row.groups }]);
  const openRow = useCallback((row: UserRow) => void navigate(userPaths.user(row.user.username)), [navigate]);

  const loading = snapshot.status === 'loading';
  const complete = snapshot.status === 'done';
  const firstPagePending = loading && snapshot.rows.length === 0;
  const filtered = !isEmptyView(view) || plan.serverFilter !== undefined;

  return (
    <section className="page users-page">
      <PageHeader
        title="Users"
        description={listing.data?.estimatedUsers !== undefined ? `About ${listing.data.estimatedUsers.toLocaleString()} users in the pool (Cognito's estimate).` : undefined}
        actions={
          <>
            <Link className="button button--primary" to={userPaths.create()}>
              Create user
            </Link>
            <button type="button" className="button" onClick={() => void list.reload()} disabled={loading}>
              Reload
            </button>
          </>
        }
      />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {problems.length > 0 ? (
        <Alert
          tone="warning"
          title="Part of this link could not be used"
          actions={
            <button type="button" className="button" onClick={() => setView({}, { replace: true })}>
              Clear filters
            </button>
          }
        >
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <div className="users-toolbar">
        <SearchForm
          search={view.search}
          onSearch={(search) => setView({ ...view, search })}
          onRejected={(rejected) => setRejectedAt(rejected ? view.search : null)}
        />
        <QuickFilter value={quick.text} onChange={quick.setText} />
        <div className="users-toolbar__end">
          <ColumnChooser
            columns={columns}
            visible={visible}
            schema={schema ?? []}
            extraAttributes={columns.filter((c) => isAttributeColumnId(c.id)).map((c) => c.attribute ?? '')}
            onVisibleChange={(next) => updatePrefs({ columns: next })}
            onAddAttribute={() => {}}
          />
          <button type="button" className="button" onClick={() => setExporting(true)} disabled={snapshot.rows.length === 0}>
            Export…
          </button>
        </div>
      </div>

      {searchRejected ? null : (
        <>
          <StatusFilters
            counts={counts}
            status={view.status}
            enabled={view.enabled}
            complete={complete}
            serverStatus={!view.search && plan.serverFilter !== undefined ? view.status : undefined}
            serverEnabled={!view.search && !view.status && plan.serverFilter !== undefined ? view.enabled : undefined}
            onStatus={(status) => setView({ ...view, status })}
            onEnabled={(enabled) => setView({ ...view, enabled })}
          />

          <LoadProgress snapshot={snapshot} onCancel={() => list.load?.cancel()} onResume={() => void list.load?.start()} />
        </>
      )}
      {list.groupsError ? (
        <Alert
          tone="warning"
          title="Group membership could not be loaded"
          actions={
            <button type="button" className="button" onClick={list.retryGroups}>
              Try again
            </button>
          }
        >
          {list.groupsError.message}
        </Alert>
      ) : null}

      <BulkBar
        selectedCount={selection.selectedCount}
        viewCount={rows.length}
        allSelected={selection.allInViewSelected}
        loading={loading}
        groups={list.groups}
        adminGroup={ctx.adminGroup}
        busy={bulk.state.phase === 'running'}
        onSelectAll={selection.selectAllInView}
        onClear={selection.clear}
        onRun={runBulk}
      />
      {bulk.state.phase !== 'idle' ? <BulkResults state={bulk.state} adminGroup={ctx.adminGroup} onCancel={bulk.cancel} onRetry={() => void bulk.retryFailed()} onDismiss={bulk.dismiss} /> : null}

      {searchRejected ? (
        <EmptyState
          title="Search not run"
          action={
            view.search ? (
              <button type="button" className="button" onClick={() => setView({ ...view, search: undefined })}>
                Clear search
              </button>
            ) : undefined
          }
        >
          The search above was refused before it reached Cognito, so nothing below is its answer. Correct it and press Search.
        </EmptyState>
      ) : firstPagePending ? (
        <Loading label="Loading users…" />
      ) : snapshot.status === 'failed' && snapshot.rows.length === 0 && snapshot.error ? (
        <ErrorState title="Users could not be loaded" error={snapshot.error} onRetry={() => void list.load?.start()} />
      ) : snapshot.rows.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No users match"
            action={
              <button type="button" className="button" onClick={() => setView({})}>
                Clear filters
              </button>
            }
          >
            Nothing in the pool matches this search.
          </EmptyState>
        ) : (
          <EmptyState
            title="No users yet"
            action={
              <Link className="button button--primary" to={userPaths.create()}>
                Create the first user
              </Link>
            }
          >
            This pool has no users.
          </EmptyState>
        )
      ) : rows.length === 0 ? (
        <EmptyState
          title="No loaded users match the filter"
          action={
            <button type="button" className="button" onClick={() => setView({ search: view.search })}>
              Clear quick filters
            </button>
          }
        >
          {snapshot.rows.length === 1 ? 'One user is' : `${countOf(snapshot.rows.length, 'user')} are`} loaded; none has a value matching “{quickText}”
          {plan.clientStatus ? ` with status ${STATUS_LABELS[plan.clientStatus]}` : ''}.
        </EmptyState>
      ) : (
        <>
          <p className="users-count" aria-live="polite">
            {rows.length === snapshot.rows.length
              ? countOf(rows.length, 'user')
              : `${rows.length.toLocaleString()} of ${countOf(snapshot.rows.length, 'loaded user')} ${rows.length === 1 ? 'matches' : 'match'}`}
          </p>
          <DataTable
            rows={rows}
            columns={columns}
            visible={visible}
            onVisibleChange={(next) => updatePrefs({ columns: next })}
            sorting={prefs.sorting as SortingState}
            onSortingChange={(sorting) => updatePrefs({ sorting })}
            widths={prefs.widths}
            onWidthsChange={(widths) => updatePrefs({ widths })}
            groupsKnown={snapshot.groupsKnown}
            selection={selection.tableSelection}
            label="Users"
            onOpenRow={openRow}
            rowActions={(row, tabbable) => <RowActions row={row} onRun={runRow} disabled={bulk.state.phase === 'running'} tabbable={tabbable} />}
          />
        </>
      )}

      {leaveDialog}
      {exporting ? (
        <ExportDialog
          viewRows={rows}
          allRows={snapshot.rows}
          visibleColumns={visible.map((id) => byId.get(id)!)}
          userPoolId={ctx.userPoolId}
          complete={complete}
          onClose={() => setExporting(false)}
        />
      ) : null}
    </section>
  );
}
