import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { formatDateTime } from '../../app/format';
import { Loading } from '../../app/Loading';
import { useSession } from '../meta/queries';
import { tableLabel } from './labels';
import { useEnrol, useSyncNow, useSyncSettings, useSyncStatus } from './queries';
import { SyncFailure } from './SyncStrip';

/** Sync settings: the state server's address, the enrolment code, how often to sync, and what went wrong. */
export function SyncPage() {
  const { t, i18n } = useTranslation();
  const status = useSyncStatus();
  const session = useSession();
  const syncNow = useSyncNow();
  if (status.isPending) return <Loading />;
  if (status.error) return <ErrorText error={status.error} />;
  const s = status.data;
  const lang = i18n.language;
  const isAdmin = session.data?.user?.role === 'state_admin' && s.device?.scope === 'state';
  return (
    <div className="panel sync-page">
      <h1>{t('sync.title')}</h1>
      {s.device ? (
        <dl className="facts" data-testid="sync-device">
          <dt>{t('sync.deviceName')}</dt>
          <dd>{s.device.name}</dd>
          <dt>{t('sync.scope')}</dt>
          <dd>{s.device.scope === 'state' ? t('sync.scopeState') : t('sync.scopePc', { pc: s.device.pcNo })}</dd>
          <dt>{t('sync.server')}</dt>
          <dd className="mono">{s.serverUrl}</dd>
          <dt>{t('sync.enrolledAt')}</dt>
          <dd>{formatDateTime(s.device.enrolledAt, lang)}</dd>
          <dt>{t('sync.lastSyncLabel')}</dt>
          <dd data-testid="sync-page-last">{s.lastSyncAt ? formatDateTime(s.lastSyncAt, lang) : t('sync.neverSynced')}</dd>
          {s.nextAutoSyncAt && (
            <>
              <dt>{t('sync.nextAuto')}</dt>
              <dd>{formatDateTime(s.nextAutoSyncAt, lang)}</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="muted">{t('sync.notEnrolledHelp')}</p>
      )}
      {s.lastError && (
        <div className="error-text" data-testid="sync-page-error">
          <SyncFailure status={s} />
          <div className="muted">{s.lastError.message}</div>
        </div>
      )}
      {s.clockWarning && <p className="error-text">{t('sync.clockWarning')}</p>}
      {s.enrolled && (
        <p>
          <button type="button" className="primary" onClick={() => syncNow.mutate()} disabled={s.running || syncNow.isPending}>
            {t('sync.syncNow')}
          </button>{' '}
          {s.openConflicts > 0 && <a href="#/conflicts">{t('sync.conflictsCount', { n: s.openConflicts })}</a>}{' '}
          {isAdmin && <a href="#/sync-admin">{t('syncAdmin.title')}</a>}
        </p>
      )}
      <ErrorText error={syncNow.error} />

      <EnrolForm defaultUrl={s.serverUrl ?? ''} enrolled={s.enrolled} />
      <IntervalForm minutes={s.intervalMinutes} />

      <h2>{t('sync.refusedTitle')}</h2>
      {s.rejections.length === 0 ? (
        <p className="muted">{t('sync.refusedNone')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="sync-rejections">
            <thead>
              <tr>
                <th>{t('sync.when')}</th>
                <th>{t('sync.table')}</th>
                <th>{t('sync.record')}</th>
                <th>{t('sync.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {s.rejections.map((r) => (
                <tr key={r.seq}>
                  <td>{formatDateTime(r.at, lang)}</td>
                  <td>{tableLabel(t, r.table)}</td>
                  <td className="mono">{r.rowId}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function EnrolForm({ defaultUrl, enrolled }: { defaultUrl: string; enrolled: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const enrol = useEnrol();
  const [url, setUrl] = useState(defaultUrl);
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    enrol.mutate({ serverUrl: url, code }, { onSuccess: () => setCode('') });
  };
  return (
    <>
      <h2>{enrolled ? t('sync.enrolAgainTitle') : t('sync.enrolTitle')}</h2>
      <p className="muted">{enrolled ? t('sync.enrolAgainHelp') : t('sync.enrolHelp')}</p>
      <form className="form" onSubmit={submit} data-testid="enrol-form">
        <label htmlFor={`${id}-url`}>{t('sync.serverUrl')}</label>
        <input id={`${id}-url`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://192.168.1.10:8787" required />
        <label htmlFor={`${id}-code`}>{t('sync.code')}</label>
        <input id={`${id}-code`} value={code} onChange={(e) => setCode(e.target.value)} placeholder="ABCDE-23456" autoComplete="off" required />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={enrol.isPending}>
            {t('sync.enrol')}
          </button>
        </div>
        {enrol.isSuccess && <div className="success" data-testid="enrol-done">{t('sync.enrolled')}</div>}
        <ErrorText error={enrol.error} testId="enrol-error" />
      </form>
    </>
  );
}

function IntervalForm({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const id = useId();
  const save = useSyncSettings();
  const [value, setValue] = useState(String(minutes));
  const n = Number(value);
  const valid = Number.isInteger(n) && n >= 1 && n <= 1440;
  return (
    <>
      <h2>{t('sync.autoTitle')}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) save.mutate({ intervalMinutes: n });
        }}
      >
        <label htmlFor={`${id}-min`}>{t('sync.interval')}</label>
        <input id={`${id}-min`} type="number" min={1} max={1440} value={value} onChange={(e) => setValue(e.target.value)} className="narrow" />
        {!valid && <div className="error-text">{t('sync.intervalInvalid')}</div>}
        <div className="form-actions">
          <button type="submit" disabled={!valid || save.isPending}>
            {t('common.save')}
          </button>
        </div>
        {save.isSuccess && <div className="success">{t('sync.saved')}</div>}
        <ErrorText error={save.error} />
      </form>
      <p className="muted">{t('sync.autoHelp')}</p>
    </>
  );
}
