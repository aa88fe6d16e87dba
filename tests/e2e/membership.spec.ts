import ExcelJS from 'exceljs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { api } from './support';

async function booths(request: APIRequestContext): Promise<string[]> {
  const list = await api(request, 'units.search', { q: 'BT-', level: 'booth', pcNo: 8, limit: 50 });
  return list.filter((b) => !b.closed).map((b) => b.code);
}

async function totals(request: APIRequestContext) {
  return (await api(request, 'membership.dashboard', { scope: { type: 'state' } })).total;
}

async function uploadAndImport(page: Page, name: string, buffer: Buffer, mimeType: string) {
  await page.goto('/#/membership/import');
  await page.getByTestId('member-file').setInputFiles({ name, mimeType, buffer });
  await expect(page.getByTestId('mapping-note')).toBeVisible();
  await page.getByTestId('import-start').click();
}

// Numbers far from the demo's own sequence, unique per run of this file.
const base = 9612000000 + (Date.now() % 100000) * 10;

test('import a messy CSV and an XLSX with errors, see the rejected rows, import the corrected file, see claimed vs verified', async ({ page, request }) => {
  const [b1, b2, b3] = await booths(request);
  const before = await totals(request);
  const messy = [
    '\uFEFFसदस्यता संख्या,नाम,मोबाइल नंबर,लिंग,बूथ कोड,दिनांक',
    `E2E-${base}-1,Anita,+91 ${base + 1},महिला,${b1},03/01/2026 10:15`,
    `E2E-${base}-2,Birsa,9.87654E+09,M,${b2},04-01-2026`,
    `E2E-${base}-3,Chhotu,0${base + 3},M,${b3},5.1.26`,
    `E2E-${base}-4,Dulari,${base + 4},F,BT-99-9999,31/02/2026`,
  ].join('\r\n');
  await uploadAndImport(page, 'messy.csv', Buffer.from(messy), 'text/csv');
  const job = page.getByTestId('import-job');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const rejected = page.getByTestId('rejected-row');
  await expect(rejected).toHaveCount(3);
  await expect(rejected.nth(0)).toContainText('3');
  await expect(rejected.nth(0)).toContainText('Excel cut the phone number short');
  await expect(rejected.nth(1)).toContainText('5');
  await expect(page.getByTestId('download-rejected')).toBeVisible();

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Members');
  ws.addRow(['Membership ID', 'Name', 'Mobile', 'Booth', 'Gender', 'Enrolled on']);
  ws.addRow([`E2E-${base}-5`, 'Etwa', base + 5, b1, 'F', new Date(Date.UTC(2026, 0, 6, 11, 0))]);
  ws.addRow([`E2E-${base}-6`, 'Fulo', 12345, b2, 'F', new Date(Date.UTC(2026, 0, 6, 11, 0))]);
  const xlsx = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  await uploadAndImport(page, 'members.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('rejected-row')).toHaveCount(1);
  await expect(page.getByTestId('rejected-row')).toContainText('3');

  const corrected = messy.replace('9.87654E+09', String(base + 2)).replace('BT-99-9999', b2).replace('31/02/2026', '28/02/2026');
  await uploadAndImport(page, 'corrected.csv', Buffer.from(corrected), 'text/csv');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('rejected-row')).toHaveCount(0);
  await expect(page.getByTestId('import-result')).toContainText('2 added, 2 already present, 0 rows rejected');

  const after = await totals(request);
  expect(after.claimed - before.claimed).toBe(5);
  await page.goto('/#/dashboard');
  await expect(page.getByTestId('members-claimed')).toHaveText(after.claimed.toLocaleString('en-IN'));
  await expect(page.getByTestId('members-verified')).toHaveText(after.verified.toLocaleString('en-IN'));
});

test('review a duplicate-phone finding and see the verified count change', async ({ page, request }) => {
  const [b1, b2] = await booths(request);
  const phone = String(base + 50);
  await uploadAndImport(page, 'dup.csv', Buffer.from(`phone,booth\n${phone},${b1}\n${phone},${b2}\n`), 'text/csv');
  await expect(page.getByTestId('import-job')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const before = await totals(request);

  await page.goto('/#/membership/findings');
  await page.getByTestId('findings-rule').selectOption('duplicate_phone');
  const finding = page.getByTestId('finding').filter({ hasText: phone });
  await expect(finding).toHaveCount(1);
  await expect(finding).toHaveAttribute('data-rule', 'duplicate_phone');
  await finding.getByTestId('finding-toggle').click();
  await expect(finding.getByTestId('finding-members').locator('tbody tr')).toHaveCount(2);
  await finding.getByTestId('finding-reason').fill('Brothers share one phone');
  await finding.getByTestId('finding-dismiss').click();
  await expect(page.getByTestId('finding').filter({ hasText: phone })).toHaveCount(0);

  const after = await totals(request);
  expect(after.verified - before.verified).toBe(2);
  await page.goto('/#/dashboard');
  await expect(page.getByTestId('members-verified')).toHaveText(after.verified.toLocaleString('en-IN'));
});

test('mark workshop attendance and see an enroller leave the untrained list', async ({ page, request }) => {
  const [, , , b4] = await booths(request);
  const login = `E2E-${base}`;
  await api(request, 'enrollers.add', { name: 'Test Enroller', level: 'booth', unitCode: b4, loginId: login });
  await page.goto('/#/membership/enrollers');
  await page.getByTestId('untrained-only').check();
  await expect(page.locator(`[data-testid="enroller-row"][data-login="${login}"]`)).toHaveCount(1);

  await page.goto('/#/membership/workshops');
  const form = page.getByTestId('add-workshop');
  await form.getByRole('combobox').selectOption('booth');
  await form.getByPlaceholder('Unit code').fill(b4);
  await form.getByPlaceholder('DD-MM-YYYY').fill('20-01-2026');
  await form.getByRole('button').click();
  const box = page.getByTestId(`attend-${login}`);
  await expect(box).toBeVisible();
  await box.check();
  await expect(box).toBeChecked();

  await page.goto('/#/membership/enrollers');
  await page.getByTestId('untrained-only').check();
  await expect(page.getByTestId('enroller-list')).toBeVisible();
  await expect(page.locator(`[data-testid="enroller-row"][data-login="${login}"]`)).toHaveCount(0);
});

test('cancel a large import midway and find nothing written', async ({ page, request }) => {
  const codes = await booths(request);
  const before = await totals(request);
  const lines = ['phone,booth'];
  for (let i = 0; i < 400_000; i++) lines.push(`${7100000000 + i * 3},${codes[i % codes.length]}`);
  await uploadAndImport(page, 'big.csv', Buffer.from(lines.join('\n')), 'text/csv');
  const job = page.getByTestId('import-job');
  await expect(job).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('import-cancel')).toBeVisible();
  await page.getByTestId('import-cancel').click();
  await expect(job).toHaveAttribute('data-state', 'cancelled', { timeout: 60_000 });
  const after = await totals(request);
  expect(after.claimed).toBe(before.claimed);
});

test('a state admin tightens a threshold and the findings change; restoring the default brings them back', async ({ page, request }) => {
  const [b1, b2, b3] = await booths(request);
  const phone = String(base + 70);
  await uploadAndImport(page, 'shared.csv', Buffer.from(`phone,booth\n${phone},${b1}\n${phone},${b2}\n${phone},${b3}\n`), 'text/csv');
  await expect(page.getByTestId('import-job')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const expectRule = async (rule: string) => {
    await page.goto('/#/membership/findings');
    await page.getByTestId('findings-rule').selectOption(rule);
    await expect(page.getByTestId('finding').filter({ hasText: phone })).toHaveAttribute('data-rule', rule);
  };
  await expectRule('duplicate_phone');

  await page.goto('/#/membership/targets');
  const field = page.getByTestId('threshold-manyOnOnePhone');
  await expect(field).toHaveValue('4');
  await expect(page.getByTestId('thresholds')).toContainText('Default');
  await field.fill('3');
  await page.getByTestId('thresholds-save').click();
  await expect(page.getByTestId('recompute-progress')).toBeVisible();
  await expect(page.getByTestId('recompute-job')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('recompute-result')).toContainText('findings keep members out');
  await expectRule('shared_phone');

  await page.goto('/#/membership/targets');
  await expect(page.getByTestId('threshold-manyOnOnePhone')).toHaveValue('3');
  await page.getByTestId('thresholds-defaults').click();
  await page.getByTestId('thresholds-save').click();
  await expect(page.getByTestId('recompute-job')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expectRule('duplicate_phone');
});

test('the state sets a target and sees progress against it', async ({ page, request }) => {
  await page.goto('/#/membership/targets');
  const row = page.locator('tr[data-testid^="target-D-"]').first();
  await expect(row).toBeVisible();
  const code = (await row.getAttribute('data-testid'))!.replace(/^target-/, '');
  const dash = await api(request, 'membership.dashboard', { scope: { type: 'state' } });
  const verified = dash.byDistrict.find((d) => d.code === code)!.verified;
  const target = verified > 0 ? verified * 4 : 100;
  await page.getByTestId(`target-input-${code}`).fill(String(target));
  await page.getByTestId(`target-save-${code}`).click();
  await expect(page.getByTestId(`target-${code}`)).toContainText('Set by the state');
  await expect(page.getByTestId(`target-pct-${code}`)).toHaveText(verified > 0 ? '25%' : '0%');
  const after = await api(request, 'membership.dashboard', { scope: { type: 'state' } });
  expect(after.byDistrict.find((d) => d.code === code)!.target).toBe(target);
});

test('the dashboard shows members by booth and by enroller, lagging first', async ({ page, request }) => {
  await page.goto('/#/membership/overview');
  await page.getByTestId('membership-scope').selectOption('8');
  const byBooth = page.getByTestId('members-by-booth');
  await expect(byBooth.locator('tbody tr').first()).toBeVisible();
  const dash = await api(request, 'membership.dashboard', { scope: { type: 'pc', pcNo: 8 } });
  await expect(byBooth.locator('tbody tr').first()).toContainText(dash.byBooth[0].code);
  const byEnroller = page.getByTestId('members-by-enroller');
  await expect(byEnroller.locator('tbody tr')).toHaveCount(dash.byEnroller.length);
  if (dash.byEnroller.length > 0) await expect(byEnroller.locator('tbody tr').first()).toContainText(dash.byEnroller[0].name);
});

test('an import for one Lok Sabha flags records from booths outside it', async ({ page, request }) => {
  const other = (await api(request, 'units.search', { q: 'BT-', level: 'booth', pcNo: 9, limit: 5 })).filter((b) => !b.closed)[0].code;
  const phone = String(base + 90);
  await page.goto('/#/membership/import');
  await page.getByTestId('member-file').setInputFiles({ name: 'scope.csv', mimeType: 'text/csv', buffer: Buffer.from(`phone,booth\n${phone},${other}\n`) });
  await expect(page.getByTestId('mapping-note')).toBeVisible();
  await page.getByTestId('import-scope-pc').selectOption('8');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-job')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const findings = await api(request, 'findings.list', { rule: 'booth_out_of_scope', limit: 500 });
  expect(findings.rows.some((f) => f.params.booth === other && f.params.pcNo === 8)).toBe(true);
});

test('the progress report per district is printable and exports a CSV', async ({ page }) => {
  await page.goto('/#/membership-report/all');
  await expect(page.getByTestId('membership-report-table')).toBeVisible();
  await page.getByTestId('district-report-link').first().click();
  await expect(page).toHaveURL(/#\/membership-report\/district\/\d{3}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('district');
  await expect(page.getByTestId('district-total')).toBeVisible();
  await expect(page.getByTestId('membership-report-table').locator('tbody tr').first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('membership-report-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^membership-district-\d{3}-.*\.csv$/);
});
