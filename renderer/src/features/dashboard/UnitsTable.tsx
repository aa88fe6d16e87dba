import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableRow } from '../../../../shared/ipc/views';
import { downloadText } from '../../app/csv';
import { displayName, formatNumber, formatPct } from '../../app/format';
import { navigate } from '../../app/route';
import { TABLE_LEVELS, type TableLevel } from './prefs';
import { nextSort, shapeTable, tableCsv, type SortDir, type SortKey } from './unitsTable';

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'table.name', numeric: false },
  { key: 'expected', label: 'table.expected', numeric: true },
  { key: 'declared', label: 'table.declared', numeric: true },
  { key: 'verified', label: 'table.verified', numeric: true },
  { key: 'pct', label: 'table.pct', numeric: true },
];

export function UnitsTable({
  rows,
  tableLevel,
  onTableLevel,
  fileName,
  onPrint,
}: {
  rows: TableRow[];
  tableLevel: TableLevel;
  onTableLevel: (l: TableLevel) => void;
  fileName: string;
  onPrint: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ sortKey: SortKey; sortDir: SortDir }>({ sortKey: 'lagging', sortDir: 'asc' });
  const shown = useMemo(() => shapeTable(rows, { query, ...sort, lang }), [rows, query, sort, lang]);

  const exportCsv = () => {
    const headers = [t('table.code'), t('table.name'), t('table.expected'), t('table.declared'), t('table.verified'), t('table.done'), t('table.pct')];
    downloadText(fileName, tableCsv(shown, headers, lang));
  };

  const ariaSort = (key: SortKey): 'ascending' | 'descending' | 'none' =>
    sort.sortKey === key ? (sort.sortDir === 'asc' ? 'ascending' : 'descending') : 'none';

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>{t('table.title')}</h2>
        <div className="toolbar">
          <label htmlFor={`${id}-level`}>{t('table.level')}</label>
          <select id={`${id}-level`} data-testid="table-level-select" value={tableLevel} onChange={(e) => onTableLevel(e.target.value as TableLevel)}>
            {TABLE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`levels.${l}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-q`}>{t('table.search')}</label>
          <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="table-search" />
          <button type="button" onClick={() => setSort({ sortKey: 'lagging', sortDir: 'asc' })} disabled={sort.sortKey === 'lagging'}>
            {t('table.laggingFirst')}
          </button>
          <button type="button" onClick={exportCsv} data-testid="table-export">
            {t('table.exportCsv')}
          </button>
          <button type="button" onClick={onPrint} data-testid="print-report">
            {t('table.printReport')}
          </button>
        </div>
      </div>
      <div className="table-scroll">
        <table className="data-table" data-testid="units-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} className={c.numeric ? 'num' : undefined} aria-sort={ariaSort(c.key)}>
                  <button type="button" className="sort" onClick={() => setSort((s) => nextSort(s, c.key))}>
                    {t(c.label)}
                    {sort.sortKey === c.key ? (sort.sortDir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={r.unitId}
                className="clickable"
                tabIndex={0}
                data-unit-id={r.unitId}
                onClick={() => navigate({ name: 'unit', id: r.unitId })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') navigate({ name: 'unit', id: r.unitId });
                }}
              >
                <td>
                  <a href={`#/unit/${encodeURIComponent(r.unitId)}`} onClick={(e) => e.stopPropagation()}>
                    {displayName(r.nameEn, r.nameHi, lang)}
                  </a>{' '}
                  <span className="muted small">{r.code}</span>
                </td>
                <td className="num">{formatNumber(r.expected, lang)}</td>
                <td className="num">{formatNumber(r.declared, lang)}</td>
                <td className="num">{formatNumber(r.verified, lang)}</td>
                <td className="num" data-testid="row-pct">
                  {formatPct(r.pct, lang) ?? <span className="muted">{t('common.noData')}</span>}
                </td>
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {t('table.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
