import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_FIELDS, type MemberField } from '../../../../shared/domain/membershipFormats';
import type { MemberImportPreview } from '../../../../shared/ipc/views';
import { downloadText, stripBom } from '../../app/csv';
import { ErrorText } from '../../app/ErrorText';
import { formatNumber } from '../../app/format';
import { useMetaLists } from '../meta/queries';
import { useCancelJob, useImportErrors, useImportJob, useImportPreview, useImportStart } from './queries';

async function readFile(file: File): Promise<{ format: 'csv' | 'xlsx'; data: string }> {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { format: 'xlsx', data: btoa(bin) };
  }
  return { format: 'csv', data: stripBom(await file.text()) };
}

/** Import the membership app's CSV / XLSX: choose a file, check the column mapping, run as a job with progress and cancel. */
export function ImportMembers() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [file, setFile] = useState<{ name: string; format: 'csv' | 'xlsx'; data: string } | null>(null);
  const [source, setSource] = useState('Membership app');
  const [preview, setPreview] = useState<MemberImportPreview | null>(null);
  const [mapping, setMapping] = useState<(MemberField | null)[]>([]);
  const [jobId, setJobId] = useState<string | null>(null);
  /** The Lok Sabha the file's records belong to ('' = not given): booths outside it are flagged. */
  const [scopePc, setScopePc] = useState('');
  const meta = useMetaLists();
  const previewCall = useImportPreview();
  const start = useImportStart();
  const cancel = useCancelJob();
  const errorsCsv = useImportErrors();
  const job = useImportJob(jobId);
  const status = job.data;
  const running = status?.state === 'running';

  const choose = async (f: File | undefined) => {
    setPreview(null);
    setJobId(null);
    if (!f) return setFile(null);
    const read = await readFile(f);
    setFile({ name: f.name, ...read });
    const p = await previewCall.mutateAsync({ format: read.format, data: read.data, source });
    setPreview(p);
    setMapping(p.mapping);
    if (p.scopePcNo !== null && scopePc === '') setScopePc(String(p.scopePcNo));
  };

  return (
    <section className="panel" data-testid="member-import">
      <h2>{t('membership.import.title')}</h2>
      <p className="muted small">{t('membership.import.help')}</p>
      <div className="field-row">
        <label>
          {t('membership.import.source')}{' '}
          <input value={source} onChange={(e) => setSource(e.target.value)} data-testid="import-source" disabled={running} />
        </label>{' '}
        <label>
          {t('membership.import.file')}{' '}
          <input type="file" accept=".csv,.xlsx,text/csv" data-testid="member-file" disabled={running} onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
      </div>
      <ErrorText error={previewCall.error ?? start.error} testId="import-error" />
      {preview && file && (
        <div className="mapping">
          <h3>{t('membership.import.mapping')}</h3>
          <p className="muted small" data-testid="mapping-note">
            {preview.remembered ? t('membership.import.remembered') : t('membership.import.guessed')} · {t('membership.import.rows', { n: formatNumber(preview.rows, lang) })}
          </p>
          <table className="table small">
            <thead>
              <tr>
                <th>{t('membership.import.column')}</th>
                <th>{t('membership.import.field')}</th>
                <th>{t('membership.import.example')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.headers.map((h, i) => (
                <tr key={i}>
                  <td>{h}</td>
                  <td>
                    <select
                      aria-label={h}
                      data-testid={`map-${i}`}
                      value={mapping[i] ?? ''}
                      onChange={(e) => setMapping(mapping.map((m, j) => (j === i ? ((e.target.value || null) as MemberField | null) : m)))}
                    >
                      <option value="">{t('membership.import.ignore')}</option>
                      {MEMBER_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {t(`membership.fields.${f}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="muted">{preview.sample[0]?.[i] ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <label>
              {t('membership.import.scopePc')}{' '}
              <select value={scopePc} onChange={(e) => setScopePc(e.target.value)} disabled={running} data-testid="import-scope-pc">
                <option value="">{t('membership.import.scopeNone')}</option>
                {meta.data?.pcs.map((pc) => (
                  <option key={pc.no} value={String(pc.no)}>
                    {pc.no}. {pc.nameEn}
                  </option>
                ))}
              </select>
            </label>{' '}
            <span className="muted small">{t('membership.import.scopeHelp')}</span>
          </p>
          <button
            type="button"
            className="primary"
            data-testid="import-start"
            disabled={running || start.isPending}
            onClick={async () => {
              const r = await start.mutateAsync({
                fileName: file.name,
                format: file.format,
                data: file.data,
                source,
                mapping,
                ...(scopePc ? { scopePcNo: Number(scopePc) } : {}),
              });
              setJobId(r.jobId);
            }}
          >
            {t('membership.import.start')}
          </button>
        </div>
      )}
      {status && (
        <div className="job" data-testid="import-job" data-state={status.state}>
          <progress max={1} value={status.progress} data-testid="import-progress" />{' '}
          <span>{t(`membership.import.stages.${status.stage}`)}</span>{' '}
          {running && (
            <button type="button" data-testid="import-cancel" onClick={() => cancel.mutate({ jobId: status.id })}>
              {t('common.cancel')}
            </button>
          )}
          {status.error && <div className="error-text">{status.error}</div>}
          {status.result && (
            <div data-testid="import-result">
              <p>
                {t('membership.import.result', {
                  inserted: formatNumber(status.result.inserted, lang),
                  skipped: formatNumber(status.result.skipped, lang),
                  rejected: formatNumber(status.result.rejected, lang),
                  findings: formatNumber(status.result.findingsOpen, lang),
                })}
              </p>
              {status.result.errors.length > 0 && (
                <>
                  <button
                    type="button"
                    data-testid="download-rejected"
                    onClick={async () => {
                      const r = await errorsCsv.mutateAsync({ jobId: status.id });
                      downloadText(r.fileName, r.text);
                    }}
                  >
                    {t('membership.import.downloadRejected')}
                  </button>
                  <table className="table small" data-testid="rejected-rows">
                    <thead>
                      <tr>
                        <th>{t('membership.import.row')}</th>
                        <th>{t('membership.import.field')}</th>
                        <th>{t('membership.import.reason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {status.result.errors.map((e, i) => (
                        <tr key={i} data-testid="rejected-row">
                          <td>{e.row}</td>
                          <td>{e.field ? t(`membership.fields.${e.field}`) : ''}</td>
                          <td title={e.message}>{t(`importErrors.${e.reason}`)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
