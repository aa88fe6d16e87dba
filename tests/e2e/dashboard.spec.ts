import { expect, test } from '@playwright/test';
import { api, openPcDashboard, RANCHI_PC } from './support';

test('state dashboard: 81 / 14 / 24 areas coloured on the map, and the charts drawn', async ({ page }) => {
  await page.goto('/#/dashboard');
  await page.getByTestId('scope-select').selectOption('state');
  await page.getByTestId('level-select').selectOption('booth');
  await expect(page.getByTestId('headline-pct')).toContainText('%');

  const layers = [
    ['acs', 81],
    ['pcs', 14],
    ['districts', 24],
  ] as const;
  for (const [layer, count] of layers) {
    await page.getByTestId(`map-layer-${layer}`).check();
    await expect(page.locator(`path.area-${layer}`)).toHaveCount(count);
    // every area has booths in the demo data, so none is drawn as "no data"
    await expect(page.locator(`path.area-${layer}.area-nodata`)).toHaveCount(0);
  }
  await expect(page.locator('path.block-hq')).toHaveCount(260);
  await expect(page.getByTestId('map-legend')).toContainText('No data');

  await expect(page.getByTestId('chart-status-by-level').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('chart-by-ac').locator('.recharts-bar-rectangle')).toHaveCount(81);
  await expect(page.getByTestId('chart-history').locator('.recharts-line-curve')).toHaveCount(2);
});

test('Lok Sabha dashboard: only its assembly constituencies, lagging first in the table', async ({ page, request }) => {
  await openPcDashboard(page, RANCHI_PC);
  const lists = await api(request, 'meta.lists', {});
  const ranchi = lists.pcs.find((p) => p.no === RANCHI_PC)!;
  await expect(page.getByTestId('headline')).toContainText(ranchi.nameEn);

  await page.getByTestId('map-layer-acs').check();
  const coloured = page.locator('path.area-acs:not(.area-nodata)');
  await expect(coloured).toHaveCount(ranchi.acNos.length);
  await expect(page.getByTestId('chart-by-ac').locator('.recharts-bar-rectangle')).toHaveCount(ranchi.acNos.length);

  const rows = page.getByTestId('units-table').locator('tbody tr');
  await expect(rows).toHaveCount(ranchi.acNos.length);
  const pcts = (await rows.getByTestId('row-pct').allInnerTexts()).map((t) => parseFloat(t));
  expect(pcts).toEqual([...pcts].sort((a, b) => a - b));
});

test('drill from the Lok Sabha map to an assembly constituency, then to a block and a mandal', async ({ page, request }) => {
  await openPcDashboard(page, RANCHI_PC);
  const [ac] = await api(request, 'units.search', { q: 'AC-63', level: 'ac' });
  await page.getByTestId('map-layer-acs').check();
  await page.locator('path.area-acs-63').dispatchEvent('click');

  await expect(page).toHaveURL(new RegExp(`#/unit/${ac.id}`));
  await expect(page.getByTestId('unit-name')).toHaveText(ac.nameEn);
  await expect(page.getByTestId('breadcrumb')).toContainText('Ranchi');

  const children = page.getByTestId('children-table').locator('tbody tr');
  const firstChild = (await children.first().locator('a').innerText()).trim();
  await children.first().locator('a').click();
  await expect(page.getByTestId('unit-name')).toHaveText(firstChild);
  await expect(page.getByTestId('breadcrumb')).toContainText(ac.nameEn);

  const grandchild = page.getByTestId('children-table').locator('tbody tr').first().locator('a');
  const grandchildName = (await grandchild.innerText()).trim();
  await grandchild.click();
  await expect(page.getByTestId('unit-name')).toHaveText(grandchildName);
  await expect(page.getByTestId('breadcrumb')).toContainText(firstChild);
});

test('the printable Lok Sabha report has one page for the constituency', async ({ page }) => {
  await openPcDashboard(page, RANCHI_PC);
  await page.getByTestId('print-report').click();
  await expect(page).toHaveURL(new RegExp(`#/report/${RANCHI_PC}`));
  const report = page.getByTestId(`report-page-${RANCHI_PC}`);
  await expect(report).toBeVisible();
  await expect(report).toContainText('Ranchi');
  await expect(report.locator('table').first()).toBeVisible();
  await expect(page.getByTestId('report-print')).toBeVisible();
});
