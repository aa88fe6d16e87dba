import { expect, test } from '@playwright/test';
import { openPcDashboard, RANCHI_PC } from './support';

// Abbreviations read the same way in Hindi, and the switch back to English, which names its language in its own script.
const ALLOWED_LATIN = new Set(['CSV', 'English']);

test('switching to Hindi leaves no English label on the dashboard', async ({ page }) => {
  await openPcDashboard(page, RANCHI_PC);
  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(page.getByTestId('map-legend')).toContainText('आँकड़े नहीं');

  // Labels: headings, form labels, buttons, options, table headers, navigation, legends, chart axes and legends, the headline.
  const labels = await page
    .locator(
      [
        'header nav a',
        'header button',
        'main h1',
        'main h2',
        'main h3',
        'main label',
        'main button',
        'main option',
        'main th',
        '[data-testid="map-legend"]',
        '[data-testid="headline"]',
        '.recharts-legend-item-text',
        '.recharts-cartesian-axis-tick-value',
      ].join(', '),
    )
    .allTextContents();
  expect(labels.length).toBeGreaterThan(30);
  const english = labels
    .flatMap((text) => text.match(/[A-Za-z]{2,}/g) ?? [])
    .filter((word) => !ALLOWED_LATIN.has(word));
  expect(english).toEqual([]);
});
