import { expect as baseExpect, test } from './support/fixtures.js';

// Developers read the API in Swagger UI at /api/docs, generated from the same schemas that validate
// requests: the page renders in the browser under the app's security headers and can call the API.
const expect = baseExpect.configure({ timeout: 30_000 });

test('when a developer opens /api/docs, then Swagger UI lists the API and tries a call against the server', async ({ page }) => {
  await page.goto('/api/docs/');
  await expect(page.locator('.swagger-ui .info .title')).toContainText('Lavandaria');
  const login = page.locator('[id^="operations-Auth-post_api_auth_login_user"]');
  await expect(login).toBeVisible();

  // The health check needs no session: "Try it out" reaches the real endpoint from the page.
  const health = page.locator('[id^="operations-"][id*="get_api_healthz"]');
  await health.locator('.opblock-summary').click();
  await health.getByRole('button', { name: 'Try it out' }).click();
  await health.getByRole('button', { name: 'Execute' }).click();
  await expect(health.locator('.live-responses-table tbody .response-col_status').first()).toContainText('200');
  await expect(health.locator('.live-responses-table .highlight-code').first()).toContainText('"success": true');
});
