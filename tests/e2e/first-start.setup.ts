import { expect, test } from '@playwright/test';

test('first start: create the first user, load the demo data with a progress bar, land on the dashboard', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await page.getByLabel('Name').fill('Asha Kumari');
  await page.getByLabel('Role').selectOption('state_admin');
  await page.getByRole('button', { name: 'Create user' }).click();

  await page.getByTestId('setup-start').click();
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', /\d+/);

  await expect(page.getByTestId('scope-select')).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await expect(page.getByTestId('user-switch')).toContainText('Asha Kumari');
});
