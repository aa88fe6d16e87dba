import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { CallInput, CallName, CallOutput, CallResult } from '../../shared/ipc/contract';
import type { EnrolResponse, PullResponse, PushResponse } from '../../shared/sync/protocol';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/version';

/**
 * Sync end to end: a real state server on loopback (SQLite in a temp file) and two web-mode app hosts
 * on fresh databases — the state office and the Ranchi control room — driven through their screens.
 */

const REPO = path.resolve(__dirname, '../..');
const DIR = path.join(REPO, '.tmp', 'e2e-sync');
// Beside the app hosts' port, so parallel runs on other E2E_PORTs do not collide.
const SERVER_PORT = Number(process.env.E2E_PORT ?? 5194) + 100;
const SERVER_URL = `http://127.0.0.1:${SERVER_PORT}`;
const RANCHI_PC = 8;

interface Started {
  proc: ChildProcess;
  output: () => string;
}

/** Start a process and wait until its output matches `ready`. */
function start(command: string, args: string[], ready: RegExp): Promise<Started & { match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(ready);
      if (match) resolve({ proc, output: () => out, match });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`${path.basename(args[0])} exited (${code}) before it was ready:\n${out}`)));
  });
}

function stop(p: Started | undefined): Promise<void> {
  if (!p || p.proc.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    p.proc.once('exit', () => resolve());
    p.proc.kill('SIGTERM');
  });
}

async function call<K extends CallName>(host: string, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const res = await fetch(`${host}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await res.json()) as CallResult<CallOutput<K>>;
  if (!body.ok) throw new Error(`${name}: ${body.error.message}`);
  return body.value;
}

/** A fresh app host with the real geography and one user: the first-start screen's work, through the contract. */
async function startApp(name: string, user: { name: string; role: 'state_admin' | 'operator' }): Promise<Started & { url: string }> {
  const db = path.join(DIR, `${name}.sqlite`);
  const app = await start(process.execPath, [path.join(REPO, 'out/main/webHost.js'), '--port', '0', '--db', db], /\(web mode\) at (http:\/\/127\.0\.0\.1:\d+)/);
  const url = app.match[1];
  await call(url, 'users.create', user);
  const { jobId } = await call(url, 'setup.start', { mode: 'empty' });
  await expect.poll(async () => (await call(url, 'jobs.get', { jobId })).state, { timeout: 60_000 }).toBe('done');
  return { ...app, url };
}

async function enrolThroughScreen(page: Page, url: string, code: string): Promise<void> {
  await page.goto(`${url}/#/sync`);
  const form = page.getByTestId('enrol-form');
  await form.getByLabel('State server address').fill(SERVER_URL);
  await form.getByLabel('Enrolment code').fill(code);
  await form.getByRole('button', { name: 'Enrol' }).click();
  await expect(page.getByTestId('enrol-done')).toBeVisible();
}

let server: (Started & { match: RegExpMatchArray }) | undefined;
let office: (Started & { url: string }) | undefined;
let room: (Started & { url: string }) | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  server = await start(
    path.join(REPO, 'node_modules/.bin/tsx'),
    [path.join(REPO, 'server/main.ts'), '--port', String(SERVER_PORT), '--host', '127.0.0.1', '--db', path.join(DIR, 'state.sqlite')],
    /own computer \(shown once\): ([A-Z0-9]{5}-[A-Z0-9]{5})/,
  );
  office = await startApp('office', { name: 'State Office', role: 'state_admin' });
  room = await startApp('ranchi', { name: 'Ranchi Operator', role: 'operator' });
});

test.afterAll(async () => {
  await Promise.all([stop(server), stop(office), stop(room)]);
});

test('the state office registers a control room; it enrols, syncs, shows what waits, restores a conflict and works offline', async ({ page }) => {
  test.setTimeout(240_000);
  const officeUrl = office!.url;
  const roomUrl = room!.url;

  // The state office's own computer enrols with the code the server printed, then syncs.
  await page.goto(`${officeUrl}/#/dashboard`);
  await expect(page.getByTestId('sync-status')).toHaveText('Not connected to the state server — set up sync');
  await page.getByTestId('sync-status').click();
  await enrolThroughScreen(page, officeUrl, server!.match[1]);
  await expect(page.getByTestId('sync-last')).toHaveText('Last sync now', { timeout: 90_000 });
  await expect(page.getByTestId('sync-waiting')).toHaveText('Changes waiting: 0');

  // It registers the Ranchi control room and gets a one-time code.
  await page.goto(`${officeUrl}/#/sync-admin`);
  const register = page.getByTestId('register-form');
  await register.getByLabel('Computer\'s name').fill('Ranchi control room');
  await register.getByLabel('Lok Sabha').selectOption(String(RANCHI_PC));
  await register.getByRole('button', { name: 'Register and show the code' }).click();
  const code = (await page.getByTestId('enrol-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  const ranchiRow = page.getByTestId('device-row').filter({ hasText: 'Ranchi control room' });
  await expect(ranchiRow).toContainText('Code not used yet');
  await expect(page.getByTestId('freshness-table').locator('tbody tr').first()).toContainText('Stale');

  // The control room enrols with it and runs its first sync.
  await enrolThroughScreen(page, roomUrl, code);
  await expect(page.getByTestId('sync-last')).toHaveText('Last sync now', { timeout: 90_000 });
  await expect(page.getByTestId('sync-status')).toHaveText('Online');
  await expect(page.getByTestId('sync-waiting')).toHaveText('Changes waiting: 0');
  await expect(page.getByTestId('sync-device')).toContainText('Lok Sabha 8');

  // An edit waits until "Sync now" sends it.
  const lists = await call(roomUrl, 'meta.lists', {});
  const acNo = lists.pcs.find((p) => p.no === RANCHI_PC)!.acNos[0];
  const [ac] = await call(roomUrl, 'units.search', { q: `AC-${acNo}`, level: 'ac' });
  await page.goto(`${roomUrl}/#/unit/${ac.id}`);
  await page.getByTestId('new-committee-kind').selectOption('main');
  await page.getByTestId('form-committee').click();
  const card = page.getByTestId('committee-main');
  await expect(card.getByTestId('committee-status')).toHaveText('Not formed');
  await expect(page.getByTestId('sync-waiting')).toHaveText('Changes waiting: 1');
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-waiting')).toHaveText('Changes waiting: 0');

  // The room declares the committee; meanwhile another Ranchi computer declares it too, a minute later,
  // with another date — pushed straight to the server with its own credential.
  await card.getByTestId('status-declared').click();
  await page.getByTestId('confirm-yes').click();
  await expect(card.getByTestId('committee-status')).toHaveText('Declared');
  await expect(page.getByTestId('sync-waiting')).toHaveText('Changes waiting: 1');

  const second = await call(officeUrl, 'syncAdmin.register', { name: 'Ranchi laptop', scope: 'pc', pcNo: RANCHI_PC });
  const enrolled = (await (
    await fetch(`${SERVER_URL}/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, code: second.code }) })
  ).json()) as EnrolResponse;
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` };
  const pulled = (await (
    await fetch(`${SERVER_URL}/sync/pull`, { method: 'POST', headers: auth, body: JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, cursors: {}, limit: 5000 }) })
  ).json()) as PullResponse;
  const row = pulled.rows.find((r) => r.table === 'committees' && r.data.unit_id === ac.id)!;
  expect(row).toBeDefined();
  const hlc = `${String(Date.now() + 60_000).padStart(15, '0')}-00000-e2elaptop`;
  const pushed = (await (
    await fetch(`${SERVER_URL}/sync/push`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        schemaVersion: SYNC_SCHEMA_VERSION,
        ops: [
          {
            seq: 1,
            table: 'committees',
            id: row.id,
            op: 'upsert',
            hlc,
            baseHlc: row.hlc,
            fields: ['status', 'declared_on'],
            data: { ...row.data, status: 'declared', declared_on: '2026-01-02' },
          },
        ],
      }),
    })
  ).json()) as PushResponse;
  expect(pushed.results[0].status).toBe('applied');

  // The room's sync loses the date to the newer change and keeps its own value as a conflict.
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-waiting')).toHaveText('Changes waiting: 0');
  await expect(page.getByTestId('sync-conflicts-link')).toHaveText('Conflicts: 1');
  await page.getByTestId('sync-conflicts-link').click();
  const conflict = page.getByTestId('conflicts-table').locator('tbody tr').filter({ hasText: 'declared_on' });
  await expect(conflict.getByTestId('conflict-current')).toHaveText('2026-01-02');
  const kept = (await conflict.getByTestId('conflict-kept').innerText()).trim();
  expect(kept).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(kept).not.toBe('2026-01-02');
  await expect(conflict).toContainText('This computer');
  await conflict.getByTestId('conflict-restore').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText(`back to "${kept}"`);
  await page.getByTestId('confirm-yes').click();
  await expect(page.getByTestId('conflicts-none')).toBeVisible();
  await expect(page.getByTestId('sync-waiting')).toHaveText('Changes waiting: 1');
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-waiting')).toHaveText('Changes waiting: 0');
  const after = (await (
    await fetch(`${SERVER_URL}/sync/pull`, { method: 'POST', headers: auth, body: JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, cursors: pulled.cursors, limit: 5000 }) })
  ).json()) as PullResponse;
  expect(after.rows.find((r) => r.id === row.id)?.data.declared_on).toBe(kept);

  // The state office sees the Ranchi room's sync and the conflict.
  await page.goto(`${officeUrl}/#/sync-admin`);
  await expect(page.getByTestId(`freshness-${RANCHI_PC}`)).toContainText('Up to date');
  await expect(page.getByTestId('admin-conflicts')).toContainText('Ranchi control room');

  // Another Lok Sabha's control room (Rajmahal, 1) reports its figures; the Ranchi room's dashboard compares
  // itself with it, its own row highlighted, without holding any of Rajmahal's rows.
  const rajmahal = await call(officeUrl, 'syncAdmin.register', { name: 'Rajmahal control room', scope: 'pc', pcNo: 1 });
  const rajmahalDevice = (await (
    await fetch(`${SERVER_URL}/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, code: rajmahal.code }) })
  ).json()) as EnrolResponse;
  const level = (l: 'block' | 'mandal' | 'panchayat' | 'booth') => ({ level: l, expected: 10, declared: 5, verified: 4, done: 3 });
  const reported = await fetch(`${SERVER_URL}/sync/figures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${rajmahalDevice.token}` },
    body: JSON.stringify({
      schemaVersion: SYNC_SCHEMA_VERSION,
      figures: {
        kindNameEn: 'Main committee',
        kindNameHi: 'मुख्य समिति',
        committees: [level('block'), level('mandal'), level('panchayat'), level('booth')],
        membersClaimed: 1200,
        membersVerified: 900,
        directivesTotal: 4,
        directivesDone: 1,
      },
    }),
  });
  expect(reported.status).toBe(200);
  await page.goto(`${roomUrl}/#/dashboard`);
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-last')).toHaveText('Last sync now');
  await page.getByTestId('scope-select').selectOption('state');
  const comparison = page.getByTestId('state-comparison');
  await expect(comparison).toContainText('As of the last sync');
  const rajmahalRow = comparison.getByTestId('state-comparison-pc-1');
  await expect(rajmahalRow).toContainText('Rajmahal');
  await expect(rajmahalRow).toContainText('3 of 10');
  await expect(rajmahalRow).toContainText('1,200');
  await expect(rajmahalRow).toContainText('25');
  const ownRow = comparison.getByTestId(`state-comparison-pc-${RANCHI_PC}`);
  await expect(ownRow).toHaveAttribute('aria-current', 'true');
  await expect(ownRow).toContainText('(this control room)');

  // With the server stopped, the room says it works offline and will retry.
  await stop(server);
  await page.goto(`${roomUrl}/#/dashboard`);
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-failure')).toHaveText('Server unreachable: working offline, your changes are kept and sync will retry on its own.');
  await expect(page.getByTestId('sync-status')).toHaveText('Offline — working locally');
});
