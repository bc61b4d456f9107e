import { defineConfig, devices, type ReporterDescription } from '@playwright/test';

// `npm run test:e2e` (scripts/e2e.mjs) starts the server and passes its address in E2E_BASE_URL.
const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

const reporter: ReporterDescription[] = [['list']];
// CI asks for a machine-readable report as well.
if (process.env.PLAYWRIGHT_JSON_OUTPUT_NAME) reporter.push(['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME }]);

const desktop = { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } };

export default defineConfig({
  testDir: 'tests/e2e',
  // Playwright empties this directory when it starts: scripts/e2e.mjs gives each run its own.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results/e2e',
  fullyParallel: true,
  // One browser at a time: the server, its database and Chromium share a small machine.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Generous: on a loaded two-core machine a sign-in plus an axe scan can take tens of seconds.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter,
  use: {
    baseURL,
    // The business's language and a far-away zone: dates must still be Lisbon's.
    locale: 'pt-PT',
    timezoneId: 'Pacific/Auckland',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // The system Chromium; no browser is ever downloaded.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: /import-original\.spec\.ts$/, use: desktop },
    // The importer brings the earlier system's settings and prices into the suite's one database, so it
    // runs once every other spec has read the demo ones. To run a few specs alone, add --no-deps.
    { name: 'moving-in', testMatch: /import-original\.spec\.ts$/, dependencies: ['chromium'], use: desktop },
  ],
});
