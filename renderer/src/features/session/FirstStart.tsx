import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, SessionState } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { formatNumber } from '../../app/format';
import { useCancelJob, useJob, useResetAfterSetup, useStartSetup, useSwitchUser } from '../meta/queries';
import { NewUserForm } from './NewUserForm';

/** First start: create (or pick) the user who is working, then load the real geography or the demo data. */
export function FirstStart({ info, session }: { info: AppInfo; session: SessionState }) {
  const { t } = useTranslation();
  return (
    <div className="first-start">
      <div className="panel first-start-panel">
        <h1>{t('setup.welcome')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        {!session.user ? <ChooseUser session={session} /> : !info.setupDone ? <ChooseData /> : null}
      </div>
    </div>
  );
}

function ChooseUser({ session }: { session: SessionState }) {
  const { t } = useTranslation();
  const switchUser = useSwitchUser();
  if (session.users.length === 0) {
    return (
      <section>
        <h2>{t('setup.firstUser')}</h2>
        <p className="muted">{t('setup.firstUserHelp')}</p>
        <NewUserForm />
      </section>
    );
  }
  return (
    <section>
      <h2>{t('setup.whoIsWorking')}</h2>
      <ul className="user-list">
        {session.users.map((u) => (
          <li key={u.id}>
            <button type="button" onClick={() => switchUser.mutate(u.id)} disabled={switchUser.isPending}>
              {u.name} <span className="muted">({t(`userRoles.${u.role}`)})</span>
            </button>
          </li>
        ))}
      </ul>
      <ErrorText error={switchUser.error} />
      <h3>{t('users.newUser')}</h3>
      <NewUserForm />
    </section>
  );
}

function ChooseData() {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'demo' | 'empty'>('demo');
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartSetup();
  const job = useJob(jobId);
  const cancel = useCancelJob();
  const resetAll = useResetAfterSetup();
  const status = job.data;

  const begin = () =>
    start.mutate(mode, {
      onSuccess: ({ jobId: id }) => setJobId(id),
    });

  const done = status?.state === 'done';
  useEffect(() => {
    if (done) void resetAll();
  }, [done, resetAll]);

  const running = Boolean(jobId) && (!status || status.state === 'running');
  const pct = Math.round((status?.progress ?? 0) * 100);
  const stageKey = `setup.stages.${status?.stage ?? 'reference'}`;

  return (
    <section>
      <h2>{t('setup.chooseData')}</h2>
      <fieldset className="choice" disabled={running}>
        <legend className="sr-only">{t('setup.chooseData')}</legend>
        <label className="choice-option">
          <input type="radio" name="setup-mode" value="demo" checked={mode === 'demo'} onChange={() => setMode('demo')} />
          <span>
            <strong>{t('setup.demo')}</strong>
            <span className="muted block">{t('setup.demoHelp')}</span>
          </span>
        </label>
        <label className="choice-option">
          <input type="radio" name="setup-mode" value="empty" checked={mode === 'empty'} onChange={() => setMode('empty')} />
          <span>
            <strong>{t('setup.empty')}</strong>
            <span className="muted block">{t('setup.emptyHelp')}</span>
          </span>
        </label>
      </fieldset>
      {!running && (
        <div className="form-actions">
          <button type="button" className="primary" onClick={begin} disabled={start.isPending} data-testid="setup-start">
            {t('setup.start')}
          </button>
        </div>
      )}
      <ErrorText error={start.error} />
      {jobId && (
        <div className="job" aria-live="polite">
          <div
            className="progress"
            role="progressbar"
            aria-label={t('setup.progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            data-testid="setup-progress"
          >
            <div className="progress-bar" style={{ width: `${pct}%` }} />
          </div>
          <p>
            {i18n.exists(stageKey) ? t(stageKey) : status?.stage} — {formatNumber(pct, i18n.language)}%
          </p>
          {running && (
            <button type="button" onClick={() => cancel.mutate(jobId)} disabled={cancel.isPending}>
              {t('common.cancel')}
            </button>
          )}
          {status?.state === 'failed' && (
            <div className="error-text" role="alert">
              <strong>{t('setup.failed')} </strong>
              {status.error}
            </div>
          )}
          {status?.state === 'cancelled' && <p className="muted">{t('setup.cancelled')}</p>}
          {(status?.state === 'failed' || status?.state === 'cancelled') && (
            <button type="button" onClick={() => setJobId(null)}>
              {t('setup.tryAgain')}
            </button>
          )}
          <ErrorText error={job.error ?? cancel.error} />
        </div>
      )}
    </section>
  );
}
