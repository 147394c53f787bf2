/**
 * A table's header row: one heading per column, each scoped to its column so that a screen reader
 * names the column when it reads a cell. The admin lists, the API guide and the public tables use it.
 *
 * A column of numbers or dates is named with num(label): its heading gets class="num", as its
 * cells do, and the stylesheet aligns .num right with figures of one width (tabular numerals);
 * every other column reads left to right. One convention for every data table (issue 25).
 */
import { type Child, h } from '../jsx.js';

/** A column of numbers or dates (see the module comment). */
export interface NumericColumn {
  numeric: Child;
}

/** Names a column of numbers or dates. */
export function num(label: Child): NumericColumn {
  return { numeric: label };
}

function isNumeric(column: Child | NumericColumn): column is NumericColumn {
  return typeof column === 'object' && column !== null && 'numeric' in column;
}

export function ColumnHeads(props: { columns: readonly (Child | NumericColumn)[] }) {
  return (
    <thead>
      <tr>
        {props.columns.map((column) =>
          isNumeric(column) ? (
            <th scope="col" class="num">
              {column.numeric}
            </th>
          ) : (
            <th scope="col">{column}</th>
          ),
        )}
      </tr>
    </thead>
  );
}
