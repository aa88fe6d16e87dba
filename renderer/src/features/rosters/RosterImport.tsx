import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterKind } from '../../../../shared/ipc/views';
import { stripBom } from '../../app/csv';
import { ErrorText } from '../../app/ErrorText';
import { formatNumber } from '../../app/format';
import { ImportErrorsTable } from '../importExport/ImportErrorsTable';
import { canCommit } from '../importExport/importShaping';
import { useRosterImportCommit, useRosterImportPreview } from './queries';

/**
 * CSV import of one roster: choose a file, see what would be added or changed and every refused row (row, field,
 * reason — downloadable), then import all of it or nothing. Test ids are `<testId>-import-…`.
 */
export function RosterImport({ roster, testId }: { roster: RosterKind; testId: string }) {
  const { t, i18n } = useTranslation();
  const preview = useRosterImportPreview(roster);
  const commit = useRosterImportCommit(roster);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const fmt = (n: number) => formatNumber(n, i18n.language);
  const p = preview.data;
  return (
    <section className="panel no-print" data-testid={`${testId}-import`}>
      <h2>{t(`rosterImport.titles.${roster}`)}</h2>
      <p className="muted">{t(`rosterImport.columns.${roster}`)}</p>
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label={t(`rosterImport.titles.${roster}`)}
        data-testid={`${testId}-import-file`}
        onChange={async (e) => {
          preview.reset();
          commit.reset();
          const f = e.target.files?.[0];
          if (!f) return;
          const text = stripBom(await f.text());
          setFile({ name: f.name, text });
          preview.mutate({ fileName: f.name, text });
        }}
      />
      <ErrorText error={preview.error} />
      {p && file && (
        <div data-testid={`${testId}-import-preview`}>
          <ul className="counts">
            <li data-testid={`${testId}-import-to-insert`}>{t('import.toInsert', { n: fmt(p.toInsert) })}</li>
            <li data-testid={`${testId}-import-to-update`}>{t('import.toUpdate', { n: fmt(p.toUpdate) })}</li>
            <li data-testid={`${testId}-import-unchanged`}>{t('import.unchanged', { n: fmt(p.unchanged) })}</li>
          </ul>
          {p.errors.length > 0 && <ImportErrorsTable errors={p.errors} fileName={file.name} testId={`${testId}-import-errors`} />}
          <button
            type="button"
            className="primary"
            data-testid={`${testId}-import-commit`}
            disabled={!canCommit(p) || commit.isPending || commit.isSuccess}
            onClick={() => commit.mutate({ fileName: file.name, text: file.text })}
          >
            {t('import.commit')}
          </button>
          <ErrorText error={commit.error} />
          {commit.data && (
            <p className="success" role="status" data-testid={`${testId}-import-result`}>
              {t('import.result', { inserted: fmt(commit.data.inserted), updated: fmt(commit.data.updated), unchanged: fmt(commit.data.unchanged) })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
