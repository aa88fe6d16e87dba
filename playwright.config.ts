import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two checkouts run their scenarios side by side.
const PORT = Number(process.env.E2E_PORT ?? 5191);

/** Debian's Chromium with the flags this machine's closed network needs. */
function chromium() {
  return {
    ...devices['Desktop Chrome'],
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  };
}

/**
 * Browser scenarios against web mode: the real renderer, the real Node host and a fresh SQLite file
 * (tests/setup/e2eServer.mjs deletes the previous one). Chromium comes from Debian (`apt-get install
 * chromium`), because Playwright cannot download its own browsers on the build machines.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.tmp/test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata',
  },
  projects: [
    // First start through the UI (create the first user, generate the demo data) once; the scenarios
    // then share that database, as operators share one control-room database.
    { name: 'first-start', testMatch: /first-start\.setup\.ts/, use: { ...chromium() } },
    {
      name: 'chromium',
      dependencies: ['first-start'],
      use: { ...chromium() },
    },
  ],
  webServer: {
    command: `node tests/setup/e2eServer.mjs --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
