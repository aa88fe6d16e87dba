import { expect, test } from '@playwright/test';
import { api, RANCHI_PC } from './support';

test('import a media-team CSV: the bad row is named with row, field and reason, nothing is written; the corrected file imports once', async ({ page, request }) => {
  const header = 'team,unit_code,name_en,name_hi,role,phone,handles';
  const good = `social_media,PC-${RANCHI_PC},Test Member Rekha Devi,रेखा देवी,Convenor,9123411001,facebook:rekha.devi; x:@rekha`;
  const bad = `media,PC-${RANCHI_PC},Test Member Anil Mahto,,Member,9123411002,facebook`;
  const before = (await api(request, 'teams.list', { q: 'Test Member' })).length;

  await page.goto('/#/teams');
  await page.getByTestId('teams-import-file').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from([header, good, bad].join('\n')) });
  const errors = page.getByTestId('teams-import-errors');
  await expect(errors.locator('tbody tr')).toHaveCount(1);
  await expect(errors.locator('tbody tr')).toContainText('3');
  await expect(errors.locator('tbody tr')).toContainText('handles');
  await expect(errors.locator('tbody tr')).toContainText('Write handles as platform:handle');
  await expect(page.getByTestId('teams-import-commit')).toBeDisabled();
  expect(await api(request, 'teams.list', { q: 'Test Member' })).toHaveLength(before);

  const fixed = Buffer.from([header, good, bad.replace(/,facebook$/, ',facebook:anil.mahto')].join('\n'));
  await page.getByTestId('teams-import-file').setInputFiles({ name: 'team-fixed.csv', mimeType: 'text/csv', buffer: fixed });
  await expect(page.getByTestId('teams-import-to-insert')).toContainText('2');
  await page.getByTestId('teams-import-commit').click();
  await expect(page.getByTestId('teams-import-result')).toBeVisible();
  const table = page.getByTestId('teams-table');
  await expect(table).toContainText('Test Member Rekha Devi');
  await expect(table).toContainText('91••••••01');
  await expect(table).not.toContainText('9123411001');

  // The same file again adds nothing.
  await page.getByTestId('teams-import-file').setInputFiles({ name: 'team-fixed.csv', mimeType: 'text/csv', buffer: fixed });
  await expect(page.getByTestId('teams-import-unchanged')).toContainText('2');
  await expect(page.getByTestId('teams-import-to-insert')).toContainText('0');
  expect(await api(request, 'teams.list', { q: 'Test Member' })).toHaveLength(before + 2);
});

test('a district gets its media and social-media teams through the form, and the district figure counts it', async ({ page, request }) => {
  const members = await api(request, 'teams.list', {});
  const withTeams = new Set(members.map((m) => m.unitId));
  const districts = await api(request, 'units.search', { q: '', level: 'district', limit: 200 });
  const district = districts.find((d) => !withTeams.has(d.id));
  if (!district) throw new Error('every district already has a team member in the demo data');
  const before = (await api(request, 'teams.coverage', {})).find((c) => c.level === 'district')!;

  await page.goto('/#/teams');
  const section = page.getByTestId('teams-section');
  await expect(section.getByTestId('teams-coverage-district')).toContainText(`${before.both} of ${before.total}`);
  for (const [team, name] of [['media', 'Coverage Test Anil'], ['social_media', 'Coverage Test Rekha']] as const) {
    await section.getByLabel('Team', { exact: true }).last().selectOption(team);
    await section.getByLabel('Level', { exact: true }).selectOption('district');
    await section.getByLabel('Find the unit by name or code').fill(district.nameEn);
    await expect(section.getByLabel('Unit', { exact: true })).toHaveValue(district.id);
    await section.getByPlaceholder('Name', { exact: true }).fill(name);
    await section.getByRole('button', { name: 'Add member' }).click();
    await expect(section.getByTestId('teams-table')).toContainText(name);
  }
  await expect(section.getByTestId('teams-coverage-district')).toContainText(`${before.both + 1} of ${before.total}`);
});

test('a WhatsApp group is recorded for a block, found by name in the unit picker', async ({ page }) => {
  await page.goto('/#/teams');
  const section = page.getByTestId('whatsapp-section');
  await section.getByPlaceholder('Group name').fill('Kanke block booth presidents');
  await section.getByLabel('Level', { exact: true }).selectOption('block');
  await section.getByLabel('Find the unit by name or code').fill('Kanke');
  await expect(section.getByLabel('Unit', { exact: true }).locator('option:checked')).toContainText(/kanke/i);
  await section.getByRole('button', { name: 'Add group' }).click();
  const row = section.getByTestId('whatsapp-table').locator('tr', { hasText: 'Kanke block booth presidents' });
  await expect(row).toContainText(/Block · Kanke/i);
});

test('a district president saves a progress report with a narrative, edits it, and prints it with the figures', async ({ page }) => {
  await page.goto('/#/compliance');
  await page.getByTestId('compliance-scope').selectOption('district:355');
  await page.getByTestId('progress-report-link').click();
  await expect(page).toHaveURL(/#\/progress\/district\/355/);
  const report = page.getByTestId('progress-report');
  await expect(report).toContainText('Bokaro');
  await expect(report.getByTestId('progress-offices')).toContainText('Blocks with a party office');

  const narrative = 'Block meetings held in all blocks of Bokaro; two offices still to open.';
  await page.getByTestId('progress-narrative').fill(narrative);
  await page.getByTestId('progress-save').click();
  await expect(page.getByTestId('progress-saved')).toContainText('Saved by');
  const history = page.getByTestId('progress-history-row');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText('two offices still to open');

  // Reopened later: the saved narrative is there, and an edit replaces it rather than adding a second report.
  await page.reload();
  await expect(page.getByTestId('progress-narrative')).toHaveValue(narrative);
  await page.getByTestId('progress-narrative').fill(`${narrative} Chas office opened on the 5th.`);
  await page.getByTestId('progress-save').click();
  await expect(history.first()).toContainText('Chas office opened');
  await expect(history).toHaveCount(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('progress-save')).toBeHidden();
  await expect(page.getByTestId('progress-narrative-print')).toContainText('Chas office opened on the 5th.');
  await expect(report.getByTestId('progress-offices')).toBeVisible();
  await expect(page.getByTestId('progress-saved')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('a directive for two chosen districts, marked by hand with a photo attached as evidence', async ({ page }) => {
  await page.goto('/#/directives');
  await page.getByTestId('meeting-date').fill(new Date().toISOString().slice(0, 10));
  await page.getByTestId('meeting-level').selectOption('state');
  await page.getByTestId('directive-text-en').fill('Hold the district working committee meeting and send its photo');
  await page.getByTestId('directive-target-level').selectOption('district');
  await page.getByTestId('directive-target-chosen').check();
  await expect(page.getByTestId('meeting-save')).toBeDisabled();
  for (const name of ['Bokaro', 'Dhanbad']) {
    await page.getByTestId('directive-units-search').fill(name);
    await page.getByTestId('directive-units').getByRole('checkbox', { name: new RegExp(name) }).first().check();
  }
  await expect(page.getByTestId('directive-units-count')).toContainText('2 chosen');
  await page.getByTestId('directive-rule').selectOption('manual');
  await page.getByTestId('directive-deadline-type').selectOption('days');
  await page.getByTestId('directive-days').fill('15');
  await page.getByTestId('meeting-save').click();

  const detail = page.getByTestId('directive-detail');
  await expect(detail).toBeVisible();
  const rows = page.getByTestId('directive-units').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const bokaro = rows.filter({ hasText: 'Bokaro' });

  await page.getByTestId('directive-evidence').fill('Meeting held on the 12th; 41 members present');
  await bokaro.getByRole('button', { name: 'Mark done' }).click();
  await expect(bokaro.getByTestId('unit-status')).toHaveText('Done');

  // Not a photo or PDF: refused with a reason, nothing listed.
  await bokaro.getByTestId('evidence-attach').setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('plain text, not a PDF') });
  await expect(bokaro).toContainText('is not a photo (JPEG, PNG, WebP) or a PDF');
  await expect(bokaro.getByTestId('evidence-file')).toHaveCount(0);

  await bokaro.getByTestId('evidence-attach').setInputFiles({ name: 'meeting-photo.png', mimeType: 'image/png', buffer: PNG });
  await expect(bokaro.getByTestId('evidence-file')).toHaveText('meeting-photo.png');
  await page.reload();
  const file = page.getByTestId('directive-units').locator('tbody tr').filter({ hasText: 'Bokaro' }).getByTestId('evidence-file');
  await expect(file).toHaveText('meeting-photo.png');
  const download = page.waitForEvent('download');
  await file.click();
  expect((await download).suggestedFilename()).toBe('meeting-photo.png');
});

test('a directive for every unit of several levels is recorded once per level, each counted on its own', async ({ page, request }) => {
  await page.goto('/#/directives');
  await page.getByTestId('meeting-date').fill(new Date().toISOString().slice(0, 10));
  await page.getByTestId('meeting-level').selectOption('state');
  await page.getByTestId('directive-text-en').fill('Hold a meeting of office-bearers at every district and assembly unit within 15 days');
  await page.getByTestId('directive-target-level').selectOption('district');
  await page.getByTestId('directive-target-levels').check();
  await expect(page.getByTestId('directive-level-district')).toBeChecked();
  await page.getByTestId('directive-level-ac').check();
  await page.getByTestId('directive-rule').selectOption('meeting_held');
  await page.getByTestId('directive-deadline-type').selectOption('days');
  await page.getByTestId('directive-days').fill('15');
  await page.getByTestId('meeting-save').click();
  await expect(page.getByTestId('directive-detail')).toBeVisible();

  const meeting = (await api(request, 'meetings.list', {})).find((m) => m.directives.some((d) => d.textEn?.startsWith('Hold a meeting of office-bearers')));
  expect(meeting?.directives.map((d) => d.targetLevel).sort()).toEqual(['ac', 'district']);
  const districts = meeting!.directives.find((d) => d.targetLevel === 'district')!;
  const acs = meeting!.directives.find((d) => d.targetLevel === 'ac')!;
  expect(districts.counts.total).toBe(24);
  expect(acs.counts.total).toBe(81);

  await page.goto('/#/directives');
  const rows = page.getByTestId('meeting').getByTestId('directive-row').filter({ hasText: 'Hold a meeting of office-bearers' });
  await expect(rows).toHaveCount(2);
  // (The directive's own text says "every district", so match the applies-to cell exactly.)
  await expect(rows.getByTestId('directive-applies-to').filter({ hasText: /^Every District$/ })).toHaveCount(1);
  await expect(rows.getByTestId('directive-applies-to').filter({ hasText: /^Every Assembly$/ })).toHaveCount(1);
});

test('editing a control room starts from its stored values and keeps its (masked) phone lines when only the address changes', async ({ page, request }) => {
  const rooms = await api(request, 'controlRooms.list', {});
  const room = rooms.find((r) => r.setUp && r.phoneLinesMasked.length > 0);
  const notSetUp = rooms.find((r) => !r.setUp);
  if (!room || !notSetUp) throw new Error('the demo data has no set-up control room with lines, or none without');

  await page.goto('/#/teams');
  const section = page.getByTestId('control-rooms-section');
  const form = section.getByTestId('control-room-form');

  // A room that is not set up opens with the box unticked (it used to start ticked).
  await section.locator(`tr[data-pc-unit-id="${notSetUp.pcUnitId}"]`).getByRole('button', { name: 'Edit' }).click();
  await expect(form.getByRole('checkbox', { name: 'Set up' })).not.toBeChecked();

  const row = section.locator(`tr[data-pc-unit-id="${room.pcUnitId}"]`);
  await row.getByRole('button', { name: 'Edit' }).click();
  await expect(form.getByRole('checkbox', { name: 'Set up' })).toBeChecked();
  await expect(form.getByTestId('control-room-stored-lines')).toContainText(room.phoneLinesMasked[0]);
  await form.getByPlaceholder('Address').fill('Edited Test Address, Main Road');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(row).toContainText('Edited Test Address, Main Road');
  await expect(row).toContainText(room.phoneLinesMasked[0]);
  expect((await api(request, 'controlRooms.list', {})).find((r) => r.pcUnitId === room.pcUnitId)).toMatchObject({ setUp: true, phoneLinesMasked: room.phoneLinesMasked });
});

test('a speaker is added with availability and rating, edited through the same form (the masked phone kept), removed after a confirmation and brought back with undo', async ({ page, request }) => {
  await page.goto('/#/speakers');
  const form = page.getByTestId('speaker-form');
  await form.getByTestId('speaker-name-en').fill('Form Test Kavita Munda');
  await form.getByTestId('speaker-phone').fill('9123499001');
  await form.getByTestId('speaker-languages').fill('Hindi, Mundari');
  await form.getByTestId('speaker-topics').fill('Youth');
  await form.getByTestId('speaker-level').selectOption('district');
  await form.getByTestId('speaker-availability').fill('Weekends');
  await form.getByTestId('speaker-rating').selectOption('3');
  await form.getByTestId('speaker-save').click();
  await page.getByTestId('speakers-search').fill('Form Test Kavita');
  const row = page.getByTestId('speaker-row').filter({ hasText: 'Form Test Kavita Munda' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Weekends');
  await expect(row).toContainText('91••••••01');

  await row.getByTestId('speaker-edit').click();
  await expect(form.getByRole('heading')).toHaveText('Edit the speaker');
  await expect(form.getByTestId('speaker-name-en')).toHaveValue('Form Test Kavita Munda');
  await expect(form.getByTestId('speaker-rating')).toHaveValue('3');
  await expect(form.getByTestId('speaker-phone')).toHaveValue('');
  await form.getByTestId('speaker-topics').fill('Youth, Tribal welfare');
  await form.getByTestId('speaker-rating').selectOption('5');
  await form.getByTestId('speaker-save').click();
  await expect(form.getByRole('heading')).toHaveText('Add a speaker');
  await expect(row).toContainText('Tribal welfare');
  await expect(row).toContainText('91••••••01');
  const [saved] = await api(request, 'speakers.list', { q: 'Form Test Kavita' });
  expect(saved).toMatchObject({ rating: 5, availability: 'Weekends', level: 'district', phoneMasked: '91••••••01' });

  // Cancel first: nothing happens. Then confirm: gone, and the banner's undo brings it back.
  await row.getByTestId('speaker-remove').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toHaveCount(1);
  await row.getByTestId('speaker-remove').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('Form Test Kavita Munda');
  await page.getByTestId('confirm-yes').click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('change-banner')).toContainText('Form Test Kavita Munda removed');
  await page.getByTestId('undo').click();
  await expect(row).toHaveCount(1);
  expect(await api(request, 'speakers.list', { q: 'Form Test Kavita' })).toEqual([saved]);
});
