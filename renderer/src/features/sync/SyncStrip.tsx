import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { SyncStatusView } from '../../../../shared/ipc/syncViews';
import { formatNumber, formatRelative } from '../../app/format';
import { syncKeys, useSyncNow, useSyncStatus } from './queries';
import { tableLabel } from './labels';

/** The current time, moving every 30 s, so "last sync 5 minutes ago" stays true. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/** A failure in words for the header, by code; null when the last sync went well. */
export function SyncFailure({ status, testId }: { status: SyncStatusView; testId?: string }) {
  const { t } = useTranslation();
  const e = status.lastError;
  if (e) {
    return (
      <span className="sync-failure" role="alert" data-testid={testId} title={e.message}>
        {t(`sync.failure.${e.code}`)}
      </span>
    );
  }
  const newest = status.rejections[0];
  if (status.refusedInLastRun > 0 && newest) {
    return (
      <span className="sync-failure" role="alert" data-testid={testId}>
        {t('sync.failure.refusedRows', { n: status.refusedInLastRun, table: tableLabel(t, newest.table), row: newest.rowId, reason: newest.reason })}
      </span>
    );
  }
  return null;
}

/**
 * Always visible under the header: online or offline, the last sync, changes waiting, "Sync now", the first
 * sync's progress and what went wrong. Going back online (the browser's `online` event) starts a sync.
 */
export function SyncStrip() {
  const { t, i18n } = useTranslation();
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  const qc = useQueryClient();
  const now = useNow();
  const s = status.data;
  const enrolled = s?.enrolled ?? false;

  const { mutate } = syncNow;
  useEffect(() => {
    if (!enrolled) return;
    const onOnline = () => mutate();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [enrolled, mutate]);

  // An automatic sync may have brought other computers' changes: refresh what is on screen.
  const lastSync = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!s) return;
    if (lastSync.current !== undefined && s.lastSyncAt !== lastSync.current) {
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== syncKeys.status[0] });
    }
    lastSync.current = s.lastSyncAt;
  }, [s, qc]);

  if (!s) return null;
  if (!s.enrolled) {
    return (
      <div className="sync-strip" data-testid="sync-strip">
        <span className="sync-dot off" aria-hidden="true" />
        <a href="#/sync" data-testid="sync-status">
          {t('sync.notConnected')}
        </a>
        <span data-testid="sync-waiting">{t('sync.waiting', { n: formatNumber(s.waiting, i18n.language) })}</span>
      </div>
    );
  }
  const running = s.running || syncNow.isPending;
  const p = s.progress;
  const pct = p && p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0;
  const online = s.online !== false;
  return (
    <div className="sync-strip" data-testid="sync-strip">
      <span className={`sync-dot ${online ? 'on' : 'off'}`} aria-hidden="true" />
      <a href="#/sync" data-testid="sync-status">
        {online ? t('sync.online') : t('sync.offline')}
      </a>
      <span data-testid="sync-last">
        {s.lastSyncAt ? t('sync.lastSync', { when: formatRelative(s.lastSyncAt, Math.max(now, Date.parse(s.lastSyncAt)), i18n.language) }) : t('sync.neverSynced')}
      </span>
      <span data-testid="sync-waiting">{t('sync.waiting', { n: formatNumber(s.waiting, i18n.language) })}</span>
      {s.openConflicts > 0 && (
        <a href="#/conflicts" data-testid="sync-conflicts-link">
          {t('sync.conflictsCount', { n: s.openConflicts })}
        </a>
      )}
      {running && s.firstSync && p?.phase === 'pull' && p.total > 0 ? (
        <span className="sync-progress" data-testid="sync-progress">
          {t('sync.firstSync', { done: formatNumber(p.done, i18n.language), total: formatNumber(p.total, i18n.language) })}
          <span className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
            <span className="progress-bar" style={{ width: `${pct}%` }} />
          </span>
        </span>
      ) : running ? (
        <span data-testid="sync-running">{t('sync.running')}</span>
      ) : (
        <SyncFailure status={s} testId="sync-failure" />
      )}
      <button type="button" className="header-button" onClick={() => syncNow.mutate()} disabled={running} data-testid="sync-now">
        {t('sync.syncNow')}
      </button>
    </div>
  );
}
