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
