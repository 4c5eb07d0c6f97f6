import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { COLUMNS, type CellContext, type RegisterEntry } from '../columns';
import { sortDirection, type RiskSort } from '../register-search';

const ARROWS = { ascending: '▲', descending: '▼', none: '' } as const;

/**
 * The register's rows. A sortable header is a button inside a `<th aria-sort>`; the title is a
 * row header and links to the risk. On a narrow screen the table scrolls inside its own box.
 */
export function RegisterTable({
  entries,
  columns,
  sort,
  onSort,
  context,
  caption,
  busy,
}: {
  entries: RegisterEntry[];
  columns: string[];
  sort: RiskSort | undefined;
  onSort: (field: string) => void;
  context: CellContext;
  caption: string;
  /** The next page or order is on its way; the rows shown are the previous ones. */
  busy: boolean;
}) {
  const { t } = useTranslation();
  const shown = COLUMNS.filter((column) => columns.includes(column.key));
  const header = (key: string, field: string | undefined, number = false) => {
    const label = t(`register.columns.${key}`);
    if (!field)
      return (
        <th key={key} scope="col" className={number ? 'number' : undefined}>
          {label}
        </th>
      );
    const direction = sortDirection(sort, field);
    return (
      <th key={key} scope="col" aria-sort={direction} className={number ? 'number' : undefined}>
        <button type="button" className="sort-button" onClick={() => onSort(field)}>
          {label}
          <span aria-hidden="true" className="sort-arrow">
            {ARROWS[direction]}
          </span>
        </button>
      </th>
    );
  };
  return (
    <div
      className={busy ? 'table-wrap register-busy' : 'table-wrap'}
      role="region"
      aria-labelledby="register-caption"
      aria-busy={busy}
      tabIndex={0}
    >
      <table className="data register-table">
        <caption id="register-caption" className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            {header('title', 'title')}
            {shown.map((column) => header(column.key, column.sort, column.number))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.riskId}>
              <th scope="row" className="register-title">
                <Link to="/risker/$riskId" params={{ riskId: entry.riskId }}>
                  {entry.title}
                </Link>
              </th>
              {shown.map((column) => (
                <td key={column.key} className={column.number ? 'number' : undefined}>
                  {column.render(entry, context)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
