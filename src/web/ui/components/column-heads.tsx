/**
 * A table's header row: one heading per column, each scoped to its column so that a screen reader
 * names the column when it reads a cell. The admin lists, the API guide and the public tables use it.
 */
import { type Child, h } from '../jsx.js';

export function ColumnHeads(props: { columns: readonly Child[] }) {
  return (
    <thead>
      <tr>
        {props.columns.map((label) => (
          <th scope="col">{label}</th>
        ))}
      </tr>
    </thead>
  );
}
