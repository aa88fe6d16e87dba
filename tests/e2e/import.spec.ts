import { expect, test } from '@playwright/test';
import { api } from './support';

function unitsCsv(parentCode: string, acNo: number, secondAc: string): string {
  return [
    'level,code,name_en,name_hi,parent_code,ac_no',
    `booth,BT-${acNo}-9001,Test Booth Kanke School,,${parentCode},${acNo}`,
    `booth,BT-${acNo}-9002,Test Booth Pithoria Bhawan,,${parentCode},${secondAc}`,
  ].join('\n');
}

test('import units: a bad row is listed with row, field and reason and nothing is written; the fixed file imports once', async ({
  page,
  request,
}) => {
  const panchayats = await api(request, 'units.search', { q: 'P-', level: 'panchayat', pcNo: 8, limit: 200 });
  const parent = panchayats.find((p) => p.acNo !== null);
  expect(parent, 'a panchayat with an assembly constituency in the demo data').toBeTruthy();
  const acNo = parent!.acNo!;
  const newBooths = `BT-${acNo}-900`;

  await page.goto('/#/import');
  await page.getByTestId('import-kind-units').check();
  await page.getByTestId('import-file').setInputFiles({
    name: 'booths.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(unitsCsv(parent!.code, acNo, '99')),
  });
  const errors = page.getByTestId('import-errors');
  await expect(errors).toBeVisible();
  const errorRow = errors.locator('tbody tr');
  await expect(errorRow).toHaveCount(1);
  await expect(errorRow).toContainText('3');
  await expect(errorRow).toContainText('ac_no');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  expect(await api(request, 'units.search', { q: newBooths, level: 'booth' })).toHaveLength(0);

  await page.getByTestId('import-file').setInputFiles({
    name: 'booths-fixed.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(unitsCsv(parent!.code, acNo, String(acNo))),
  });
  await expect(page.getByTestId('import-to-insert')).toContainText('2');
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  expect(await api(request, 'units.search', { q: newBooths, level: 'booth' })).toHaveLength(2);

  // The same file again adds nothing.
  await page.getByTestId('import-file').setInputFiles({
    name: 'booths-fixed.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(unitsCsv(parent!.code, acNo, String(acNo))),
  });
  await expect(page.getByTestId('import-to-insert')).toContainText('0');
  await expect(page.getByTestId('import-unchanged')).toContainText('2');
});
