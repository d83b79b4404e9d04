import type { ReactNode } from 'react';
import type { AttributeRow } from './attribute-form-state';

type Indexed = { row: AttributeRow; index: number };

export function AttributeTable({ caption, rows, render }: { caption: string; rows: Indexed[]; render: (r: Indexed) => ReactNode }) {
  if (rows.length === 0) return null;
  return (
    <table className="attribute-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          <th scope="col">Type</th>
          <th scope="col">Value</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>{rows.map(render)}</tbody>
    </table>
  );
}
