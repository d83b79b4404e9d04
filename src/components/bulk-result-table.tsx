import type { ReactNode } from 'react';
import type { BulkOutcome, BulkResult } from '@/lib/bulk-runner';

/** One row per user of a bulk run (the users screen's bulk actions, the email backlog's resend). */
export function BulkResultTable({
  results,
  limit,
  outcomeLabels,
  user,
  className,
}: {
  results: readonly BulkResult[];
  /** rows drawn at most; the caller says what happens to the rest */
  limit: number;
  outcomeLabels: Record<BulkOutcome, string>;
  /** how a row names its user */
  user: (result: BulkResult) => ReactNode;
  /** BEM block of the caller's styles: `${className}__table`, rows `${className}__row--<outcome>` */
  className: string;
}) {
  return (
    <table className={`${className}__table`}>
      <caption className="visually-hidden">Result per user</caption>
      <thead>
        <tr>
          <th scope="col">User</th>
          <th scope="col">Outcome</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {results.slice(0, limit).map((r) => (
          <tr key={r.key} className={`${className}__row--${r.outcome}`}>
            <td>{user(r)}</td>
            <td>{outcomeLabels[r.outcome]}</td>
            <td>{r.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
