import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText, stripBom } from '../../app/csv';
import { ErrorText } from '../../app/ErrorText';
import { formatNumber } from '../../app/format';
import { useExportCsv, useImportCommit, useImportPreview } from './queries';
import { ImportErrorsTable } from './ImportErrorsTable';
import { canCommit } from './importShaping';

type Kind = 'units' | 'committees';

export function ImportExportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const [kind, setKind] = useState<Kind>('units');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const preview = useImportPreview();
  const commit = useImportCommit();
  const exporter = useExportCsv();
  const fmt = (n: number) => formatNumber(n, lang);

  const reset = () => {
    preview.reset();
    commit.reset();
  };

  const onFile = async (f: File | undefined) => {
    reset();
    if (!f) {
      setFile(null);
      return;
    }
    const text = stripBom(await f.text());
    setFile({ name: f.name, text });
    preview.mutate({ kind, fileName: f.name, text });
  };

  const onKind = (k: Kind) => {
    setKind(k);
    reset();
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const p = preview.data;

  return (
    <div className="import-page">
      <section className="panel" aria-labelledby={`${id}-import`}>
        <h1 id={`${id}-import`}>{t('import.title')}</h1>
        <fieldset className="radio-group">
          <legend>{t('import.what')}</legend>
          {(['units', 'committees'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="import-kind" value={k} checked={kind === k} onChange={() => onKind(k)} data-testid={`import-kind-${k}`} />
              {t(`import.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <p className="muted">{t(`import.columns.${kind}`)}</p>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('import.file')}</label>
          <input id={`${id}-file`} ref={fileInput} type="file" accept=".csv,text/csv" data-testid="import-file" onChange={(e) => void onFile(e.target.files?.[0])} />
        </div>
        {preview.isPending && <p role="status">{t('import.checking')}</p>}
        <ErrorText error={preview.error} testId="import-preview-error" />

        {p && file && (
          <div className="import-preview" data-testid="import-preview">
            <h2>{t('import.previewTitle', { file: file.name })}</h2>
            <ul className="counts">
              <li>{t('import.rows', { n: fmt(p.rows) })}</li>
              <li data-testid="import-to-insert">{t('import.toInsert', { n: fmt(p.toInsert) })}</li>
              <li data-testid="import-to-update">{t('import.toUpdate', { n: fmt(p.toUpdate) })}</li>
              <li data-testid="import-unchanged">{t('import.unchanged', { n: fmt(p.unchanged) })}</li>
            </ul>
            {p.errors.length > 0 && (
              <>
                <p className="error-text" role="alert">
                  {t('import.hasErrors', { n: fmt(p.errors.length) })}
                </p>
                <ImportErrorsTable errors={p.errors} fileName={file.name} testId="import-errors" />
              </>
            )}
            <div className="form-actions">
              <button
                type="button"
                className="primary"
                data-testid="import-commit"
                disabled={!canCommit(p) || commit.isPending || commit.isSuccess}
                onClick={() => commit.mutate({ kind, fileName: file.name, text: file.text })}
              >
                {t('import.commit')}
              </button>
            </div>
            <ErrorText error={commit.error} testId="import-commit-error" />
            {commit.data && (
              <p className="success" role="status" data-testid="import-result">
                {t('import.result', { inserted: fmt(commit.data.inserted), updated: fmt(commit.data.updated), unchanged: fmt(commit.data.unchanged) })}
              </p>
            )}
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>{t('export.title')}</h2>
        <p className="muted">{t('export.help')}</p>
        <div className="form-actions">
          {(['units', 'committees'] as const).map((k) => (
            <button
              key={k}
              type="button"
              data-testid={`export-${k}`}
              disabled={exporter.isPending}
              onClick={() => exporter.mutate({ kind: k }, { onSuccess: (r) => downloadText(r.fileName, r.text) })}
            >
              {t(`export.kinds.${k}`)}
            </button>
          ))}
        </div>
        {exporter.data && (
          <p className="success" role="status">
            {t('export.done', { n: fmt(exporter.data.rows), file: exporter.data.fileName })}
          </p>
        )}
        <ErrorText error={exporter.error} />
      </section>
    </div>
  );
}
