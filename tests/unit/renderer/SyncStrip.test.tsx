// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeQueryClient, Providers } from '../../../renderer/src/app/Providers';
import { SyncStrip } from '../../../renderer/src/features/sync/SyncStrip';
import { createI18n } from '../../../renderer/src/i18n';
import type { SyncStatusView } from '../../../shared/ipc/syncViews';
import { fakeApi } from './fakeApi';

afterEach(cleanup);

const base: SyncStatusView = {
  serverUrl: 'http://10.0.0.5:8787',
  intervalMinutes: 5,
  enrolled: true,
  device: { id: 'd1', name: 'Ranchi control room', scope: 'pc', pcNo: 8, enrolledAt: '2026-01-10T06:00:00.000Z' },
  online: true,
  lastSyncAt: null,
  lastAttemptAt: null,
  waiting: 3,
  running: false,
  firstSync: false,
  progress: null,
  lastError: null,
  nextAutoSyncAt: null,
  clockWarning: null,
  openConflicts: 0,
  refusedInLastRun: 0,
  rejections: [],
};

function show(status: SyncStatusView, lang: 'en' | 'hi' = 'en') {
  const api = fakeApi({ 'sync.status': () => status, 'sync.now': () => ({ ...status, waiting: 0 }) });
  render(
    <Providers i18n={createI18n(lang)} api={api} queryClient={makeQueryClient()}>
      <SyncStrip />
    </Providers>,
  );
  return api;
}

describe('the header sync status', () => {
  it('shows the first sync as a progress bar with rows done of total', async () => {
    show({ ...base, running: true, firstSync: true, progress: { phase: 'pull', done: 5000, total: 20000 } });
    expect((await screen.findByTestId('sync-progress')).textContent).toContain('First sync: 5,000 of 20,000 rows');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    expect((screen.getByTestId('sync-now') as HTMLButtonElement).disabled).toBe(true);
  });

  it('tells a revoked computer to ask the state admin for a new code', async () => {
    show({ ...base, lastError: { code: 'revoked', message: 'revoked', at: '2026-01-10T06:00:00.000Z' } });
    expect((await screen.findByTestId('sync-failure')).textContent).toBe("This computer's access was revoked: ask the state admin for a new enrolment code.");
  });

  it('names the row the server refused and why', async () => {
    show({
      ...base,
      refusedInLastRun: 1,
      rejections: [{ seq: 4, table: 'committees', rowId: 'c-42', reason: 'This control room may not change assembly constituency 12.', at: '2026-01-10T06:00:00.000Z' }],
    });
    expect((await screen.findByTestId('sync-failure')).textContent).toBe(
      'The server refused 1 change(s): Committees c-42 — This control room may not change assembly constituency 12.',
    );
  });

  it('says when an update is needed, in Hindi too', async () => {
    show({ ...base, lastError: { code: 'update_required', message: 'too old', at: '2026-01-10T06:00:00.000Z' } }, 'hi');
    expect((await screen.findByTestId('sync-failure')).textContent).toContain('अपडेट इंस्टॉल करें');
  });

  it('offers to set up sync when the computer is not enrolled', async () => {
    show({ ...base, enrolled: false, device: null });
    expect((await screen.findByTestId('sync-status')).textContent).toBe('Not connected to the state server — set up sync');
    expect(screen.getByTestId('sync-waiting').textContent).toBe('Changes waiting: 3');
    expect(screen.queryByTestId('sync-now')).toBeNull();
  });

  it('syncs when the network comes back', async () => {
    const api = show(base);
    await screen.findByTestId('sync-now');
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(api['sync.now']).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByTestId('sync-now'));
    await waitFor(() => expect(api['sync.now']).toHaveBeenCalledTimes(2));
  });
});
