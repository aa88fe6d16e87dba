import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { istDateOf } from '../../shared/domain/directives';
import { api, RANCHI_PC } from './support';

/** Moves the web host's clock (only possible because tests/setup/e2eServer.mjs starts it with --test-clock). */
async function setClockOffsetDays(request: APIRequestContext, offsetDays: number): Promise<void> {
  const res = await request.post('/__test/clock', { data: { offsetDays } });
  expect(res.ok()).toBe(true);
}

/** The tooltip of one Lok Sabha on the compliance map. */
async function pcTooltip(page: Page, pcNo: number): Promise<string> {
  await page.getByTestId('compliance-layer-pcs').check();
  const area = page.locator(`path.area-pcs-${pcNo}`);
  await expect(area).toHaveCount(1);
  await area.dispatchEvent('mouseover');
  const tip = page.locator('.leaflet-tooltip').last();
  await expect(tip).toBeVisible();
  const text = await tip.innerText();
  await area.dispatchEvent('mouseout');
  return text;
}

const overdueIn = (tooltip: string): number => Number(/(\d+) overdue/.exec(tooltip.replace(/,/g, ''))?.[1] ?? NaN);

test.describe.serial('meetings, directives and compliance', () => {
  test.afterAll(async ({ request }) => {
    // Other scenarios share this host: put the clock back.
    await setClockOffsetDays(request, 0);
  });

  test('a party-office directive: pending blocks, an office added on the map turns one done, the clock makes the rest overdue', async ({ page, request }) => {
    const today = istDateOf(Date.now());
    await page.goto('/#/directives');
    await page.getByTestId('meeting-date').fill(today);
    await page.getByTestId('meeting-level').selectOption('state');
    await page.getByTestId('meeting-chair').fill('State president');
    await page.getByTestId('meeting-attendees').fill('Ranchi LS in-charge – in-charge\nBokaro district president – district president');
    await page.getByTestId('directive-text-en').fill('Open a party office in every block without one within 30 days');
    await page.getByTestId('directive-target-level').selectOption('block');
    await page.getByTestId('directive-rule').selectOption('party_office');
    await page.getByTestId('directive-deadline-type').selectOption('days');
    await page.getByTestId('directive-days').fill('30');
    await page.getByTestId('meeting-save').click();

    const detail = page.getByTestId('directive-detail');
    await expect(detail).toBeVisible();
    await expect(detail).toContainText('Open a party office in every block without one within 30 days');
    const directiveUrl = page.url();
    const directiveId = directiveUrl.split('#/directives/')[1];
    const before = await api(request, 'directives.get', { id: directiveId });
    expect(before.counts.pending).toBeGreaterThan(0);
    expect(before.counts.overdue).toBe(0);
    await expect(page.getByTestId('count-pending')).toContainText(String(before.counts.pending));

    // Which blocks are pending: the filter lists exactly them.
    await page.getByTestId('directive-filter').selectOption('pending');
    await expect(page.getByTestId('directive-units').locator('tbody tr')).toHaveCount(before.counts.pending);

    // Pick a pending block in the Ranchi Lok Sabha that has a headquarters point, and open its office on the map.
    const offices = await api(request, 'offices.list', { pcNo: RANCHI_PC });
    const block = offices.rows.find((r) => !r.office?.exists && r.hqLat !== null);
    expect(block, 'a Ranchi block without an office in the demo data').toBeTruthy();
    await page.goto('/#/offices');
    await page.getByTestId('offices-scope').selectOption(String(RANCHI_PC));
    await expect(page.getByTestId('offices-completeness')).toContainText(`${offices.withOffice} of ${offices.total}`);
    await page.getByTestId('offices-search').fill(block!.code);
    await expect(page.getByTestId('office-row')).toHaveCount(1);
    await page.getByTestId('office-edit').click();
    const form = page.getByTestId('office-form');
    await expect(form).toBeVisible();
    await expect(page.getByTestId('office-exists')).toBeChecked();
    await page.getByTestId('office-address').fill('Near the block office, Main Road');
    await page.getByTestId('office-tenure').selectOption('rented');
    await page.getByTestId('office-pick-map').locator('.leaflet-container').click();
    await expect(page.getByTestId('office-location')).toContainText(/Location: 2\d\.\d+, 8\d\.\d+/);
    await page.getByTestId('office-save').click();
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('office-row').getByTestId('office-status')).toHaveText('Yes');
    await expect(page.getByTestId('offices-completeness')).toContainText(`${offices.withOffice + 1} of ${offices.total}`);
    await expect(page.locator('path.party-office').first()).toBeAttached();

    await page.goto(directiveUrl);
    const row = page.getByTestId('directive-units').locator(`tr[data-unit-id="${block!.blockId}"]`);
    await expect(row).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('count-done')).toContainText(String(before.counts.done + 1));

    // The dashboard and the map before and after the deadline passes.
    await page.goto('/#/compliance');
    const overdueBefore = overdueIn(await pcTooltip(page, RANCHI_PC));
    await setClockOffsetDays(request, 31);
    await page.reload();
    const dashboardRow = page.getByTestId('directive-list').locator('tr', { hasText: 'within 30 days' }).first();
    await expect(dashboardRow).toContainText(String(before.counts.pending - 1));
    const overdueList = page.getByTestId('overdue-list');
    // The demo's block-level directives fill the list: look at this directive alone.
    await page.getByTestId('overdue-list-directive').selectOption({ value: directiveId });
    await expect(overdueList).toContainText('within 30 days');
    await expect(overdueList.locator('tbody tr')).toHaveCount(before.counts.pending - 1);
    await expect(overdueList.locator(`tr[data-unit-id="${block!.blockId}"]`)).toHaveCount(0);
    const after = await api(request, 'directives.get', { id: directiveId });
    expect(after.counts).toMatchObject({ done: before.counts.done + 1, pending: 0, overdue: before.counts.pending - 1 });
    expect(after.units.find((u) => u.unitId === block!.blockId)?.status).toBe('done');
    const ranchiPending = before.units.filter((u) => u.pcNo === RANCHI_PC && u.status === 'pending' && u.unitId !== block!.blockId).length;
    expect(overdueIn(await pcTooltip(page, RANCHI_PC))).toBeGreaterThanOrEqual(overdueBefore + ranchiPending);
    // The block layer: each targeted block's HQ point coloured by its status, with the status colours in the legend.
    await page.getByTestId('compliance-layer-blocks').check();
    await expect(page.locator('path.status-point-overdue').first()).toBeAttached();
    expect(await page.locator('path.status-point').count()).toBeGreaterThan(1);
    await expect(page.getByTestId('map-legend')).toContainText('Overdue');

    await page.goto(directiveUrl);
    await page.getByTestId('directive-filter').selectOption('overdue');
    await expect(page.getByTestId('directive-units').locator('tbody tr')).toHaveCount(before.counts.pending - 1);
    await expect(page.getByTestId('directive-units').locator(`tr[data-unit-id="${block!.blockId}"]`)).toHaveCount(0);
  });

  test('a Lok Sabha progress report prints with figures from the data and the narrative', async ({ page }) => {
    await page.goto('/#/compliance');
    await page.getByTestId('compliance-scope').selectOption(`pc:${RANCHI_PC}`);
    await page.getByTestId('progress-report-link').click();
    await expect(page).toHaveURL(new RegExp(`#/progress/${RANCHI_PC}`));
    const report = page.getByTestId('progress-report');
    await expect(report).toContainText('Ranchi');
    await expect(report.getByTestId('compliance-pct')).toContainText('%');
    await expect(report.getByTestId('progress-offices')).toContainText('Blocks with a party office');
    await expect(report.getByTestId('directive-list')).toContainText('media committee');
    await page.getByTestId('progress-narrative').fill('All block committees of Ranchi to be verified before the next review.');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('progress-print')).toBeHidden();
    await expect(page.getByTestId('progress-narrative-print')).toBeVisible();
    await expect(page.getByTestId('progress-narrative-print')).toContainText('verified before the next review');
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByTestId('progress-print')).toBeVisible();
  });

  test('the review view walks the Lok Sabha constituencies one after another', async ({ page }) => {
    await page.goto('/#/review');
    const first = (await page.getByTestId('review-pc').innerText()).trim();
    await page.getByTestId('review-next').click();
    await expect(page.getByTestId('review-pc')).not.toHaveText(first);
    await expect(page.getByTestId('compliance-totals')).toBeVisible();
  });
});

test('a block-level meeting is recorded through the unit picker, and its attendees, agenda and minutes open from the meetings list', async ({ page, request }) => {
  await page.goto('/#/directives');
  const form = page.getByTestId('meeting-form');
  await page.getByTestId('meeting-date').fill(istDateOf(Date.now()));
  await expect(page.getByTestId('meeting-level').locator('option')).toHaveText(['State', 'Lok Sabha', 'District', 'Block', 'Mandal', 'Panchayat']);
  await page.getByTestId('meeting-level').selectOption('block');
  await page.getByTestId('meeting-search').fill('Kanke');
  await expect(page.getByTestId('meeting-unit').locator('option:checked')).toContainText(/kanke/i);
  await page.getByTestId('meeting-chair').fill('Kanke block president');
  await page.getByTestId('meeting-attendees').fill('Block Test Sunil Oraon – mandal president\nBlock Test Meena Devi – booth president');
  await form.getByLabel('Agenda').fill('Block test agenda: booth committee verification');
  await form.getByLabel('Minutes').fill('Block test minutes: 12 booths verified, 3 to follow');
  await form.getByRole('checkbox', { name: 'Record a directive from this meeting' }).uncheck();
  await page.getByTestId('meeting-save').click();

  const meeting = page.getByTestId('meeting').filter({ hasText: 'Kanke block president' });
  await expect(meeting).toHaveCount(1);
  await expect(meeting.locator('h3')).toContainText(/Block · Kanke/i);
  const details = meeting.getByTestId('meeting-details');
  await expect(details.getByTestId('meeting-minutes')).toBeHidden();
  await details.locator('summary').click();
  await expect(details.getByTestId('meeting-attendees-list').locator('li')).toHaveText(['Block Test Sunil Oraon – mandal president', 'Block Test Meena Devi – booth president']);
  await expect(details.getByTestId('meeting-agenda')).toHaveText('Block test agenda: booth committee verification');
  await expect(details.getByTestId('meeting-minutes')).toHaveText('Block test minutes: 12 booths verified, 3 to follow');

  const saved = (await api(request, 'meetings.list', {})).find((m) => m.chair === 'Kanke block president');
  expect(saved).toMatchObject({ level: 'block', unitNameEn: expect.stringMatching(/kanke/i), directives: [] });
});

test('the header reminds of directive tasks due within 7 days and overdue, with the counts the compliance page lists', async ({ page, request }) => {
  // One task due in 5 days for the Ranchi Lok Sabha, so the reminder has something due soon there.
  const [stateUnit] = await api(request, 'units.search', { q: 'S-JH', level: 'state', limit: 1 });
  const [ranchi] = await api(request, 'units.search', { q: `PC-${RANCHI_PC}`, level: 'pc', limit: 1 });
  await api(request, 'meetings.create', {
    heldOn: istDateOf(Date.now()),
    level: 'state',
    unitId: stateUnit.id,
    mode: 'virtual',
    attendees: [],
    directives: [{ textEn: 'Reminder test: send the Lok Sabha review minutes', targetLevel: 'pc', targetUnitIds: [ranchi.id], deadline: { type: 'days', days: 5 }, doneRule: 'manual' }],
  });

  // What the compliance page lists for a scope; the header's reminder must show the same counts.
  const expectReminderToMatchPage = async (scope: { type: 'state' } | { type: 'pc'; pcNo: number }) => {
    const c = await api(request, 'compliance.get', { scope });
    const reminder = page.getByTestId('compliance-reminder');
    await expect(reminder.getByTestId('reminder-due-soon')).toHaveAttribute('data-count', String(c.dueSoon.length));
    await expect(reminder.getByTestId('reminder-overdue')).toHaveAttribute('data-count', String(c.overdue.length));
    return c;
  };

  await page.goto('/#/dashboard');
  const state = await expectReminderToMatchPage({ type: 'state' });
  expect(state.dueSoon.length).toBeGreaterThan(0);
  await expect(page.getByTestId('compliance-reminder')).toContainText(`${state.dueSoon.length.toLocaleString('en-IN')} due within 7 days`);
  await page.getByTestId('compliance-reminder').click();
  await expect(page).toHaveURL(/#\/compliance$/);
  await expect(page.getByTestId('due-soon-count')).toHaveText(`(${state.dueSoon.length.toLocaleString('en-IN')})`);
  await expect(page.getByTestId('compliance-overdue')).toContainText(state.overdue.length.toLocaleString('en-IN'));

  // The reminder follows the compliance scope, and stays with it on other pages and after a restart.
  await page.getByTestId('compliance-scope').selectOption(`pc:${RANCHI_PC}`);
  const pc = await expectReminderToMatchPage({ type: 'pc', pcNo: RANCHI_PC });
  expect(pc.dueSoon.some((i) => i.textEn === 'Reminder test: send the Lok Sabha review minutes')).toBe(true);
  await expect(page.getByTestId('due-soon-count')).toHaveText(`(${pc.dueSoon.length.toLocaleString('en-IN')})`);
  await page.goto('/#/teams');
  await expectReminderToMatchPage({ type: 'pc', pcNo: RANCHI_PC });
  await page.reload();
  await expectReminderToMatchPage({ type: 'pc', pcNo: RANCHI_PC });
});

test('import speakers: a bad row is listed with row, field and reason and nothing is written; the fixed file imports', async ({ page, request }) => {
  const header = 'name_en,name_hi,phone,languages,topics,level,availability,rating';
  const good = 'Test Speaker Sunita Oraon,सुनीता उरांव,9123400001,Hindi; Kurukh,Women; Farmers,district,Weekends,4';
  const bad = 'Test Speaker Ravi Munda,,12345,Hindi; Mundari,Youth,pc,,3';
  const before = (await api(request, 'speakers.list', { q: 'Test Speaker' })).length;

  await page.goto('/#/speakers');
  await page.getByTestId('speakers-import-file').setInputFiles({ name: 'speakers.csv', mimeType: 'text/csv', buffer: Buffer.from([header, good, bad].join('\n')) });
  const errors = page.getByTestId('speakers-import-errors');
  await expect(errors).toBeVisible();
  await expect(errors.locator('tbody tr')).toHaveCount(1);
  await expect(errors.locator('tbody tr')).toContainText('3');
  await expect(errors.locator('tbody tr')).toContainText('phone');
  await expect(page.getByTestId('speakers-import-commit')).toBeDisabled();
  expect(await api(request, 'speakers.list', { q: 'Test Speaker' })).toHaveLength(before);

  await page.getByTestId('speakers-import-file').setInputFiles({
    name: 'speakers-fixed.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, good, bad.replace('12345', '9123400002')].join('\n')),
  });
  await expect(page.getByTestId('speakers-import-to-insert')).toContainText('2');
  await page.getByTestId('speakers-import-commit').click();
  await expect(page.getByTestId('speakers-import-result')).toBeVisible();
  await page.getByTestId('speakers-search').fill('Test Speaker');
  await expect(page.getByTestId('speaker-row')).toHaveCount(before + 2);
  // Phones are masked on screen.
  await expect(page.getByTestId('speakers-table')).not.toContainText('9123400001');
  await expect(page.getByTestId('speakers-table')).toContainText('91••••••01');
  await page.getByTestId('speakers-language').selectOption('Kurukh');
  await expect(page.getByTestId('speaker-row').filter({ hasText: 'Sunita' })).toHaveCount(1);
});

test('teams, WhatsApp groups and control rooms: the demo rosters are listed with phones masked', async ({ page }) => {
  await page.goto('/#/teams');
  await expect(page.getByTestId('control-rooms-table').locator('tbody tr')).toHaveCount(14);
  await expect(page.getByTestId('control-rooms-completeness')).toContainText(/Set up: \d+ of 14/);
  await expect(page.getByTestId('whatsapp-table').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('teams-table').locator('tbody tr').first()).toBeVisible();
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\b[6-9]\d{9}\b/);
});
