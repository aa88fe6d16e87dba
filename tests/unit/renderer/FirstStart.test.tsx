// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeQueryClient, Providers } from '../../../renderer/src/app/Providers';
import { FirstStart } from '../../../renderer/src/features/session/FirstStart';
import { createI18n } from '../../../renderer/src/i18n';
import type { AppInfo, JobStatus } from '../../../shared/ipc/views';
import { fakeApi } from './fakeApi';

afterEach(cleanup);

const info: AppInfo = {
  version: '0.1.0',
  schemaVersion: 1,
  demo: null,
  setupDone: false,
  attribution: '',
  dataSources: [],
  databasePath: '/tmp/x.db',
  mode: 'web',
};

describe('FirstStart', () => {
  it('creates the first user with a translated role', async () => {
    const api = fakeApi({ 'users.create': ({ name, role }) => ({ id: 'u1', name, role, createdAt: '2026-01-01' }) });
    render(
      <Providers i18n={createI18n('hi')} api={api} queryClient={makeQueryClient()}>
        <FirstStart info={info} session={{ user: null, users: [] }} />
      </Providers>,
    );
    fireEvent.change(screen.getByLabelText('नाम'), { target: { value: 'आशा' } });
    fireEvent.change(screen.getByLabelText('भूमिका'), { target: { value: 'incharge' } });
    expect((screen.getByRole('option', { name: 'लोकसभा प्रभारी' }) as HTMLOptionElement).selected).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'उपयोगकर्ता बनाएँ' }));
    await waitFor(() => expect(api['users.create']).toHaveBeenCalledWith({ name: 'आशा', role: 'incharge' }));
  });

  it('starts the demo setup, polls the job into a real progress bar, and can cancel', async () => {
    const job: JobStatus = { id: 'j1', kind: 'setup', progress: 0.4, stage: 'booths', state: 'running', error: null };
    const api = fakeApi({
      'setup.start': () => ({ jobId: 'j1' }),
      'jobs.get': () => job,
      'jobs.cancel': () => ({ ...job, state: 'cancelled' }),
    });
    render(
      <Providers i18n={createI18n('en')} api={api} queryClient={makeQueryClient()}>
        <FirstStart info={info} session={{ user: { id: 'u1', name: 'Asha', role: 'operator', createdAt: '' }, users: [] }} />
      </Providers>,
    );
    fireEvent.click(screen.getByLabelText(/Load demo data/));
    fireEvent.click(screen.getByTestId('setup-start'));
    await waitFor(() => expect(api['setup.start']).toHaveBeenCalledWith({ mode: 'demo' }));
    const bar = await screen.findByRole('progressbar');
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('40'));
    expect(screen.getByText(/Creating booths/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(api['jobs.cancel']).toHaveBeenCalledWith({ jobId: 'j1' }));
    expect(await screen.findByText('Setup was cancelled. Nothing was kept.')).toBeTruthy();
  });
});
