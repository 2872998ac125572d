import type { Page } from 'playwright-core';

export { launchChromium } from './chromium';

/** Signs in to the Strapi admin at `origin` and waits for its home page. */
export const adminSignIn = async (
  page: Page,
  origin: string,
  admin: { email: string; password: string }
) => {
  await page.goto(`${origin}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(admin.email);
  await page.locator('input[name="password"]').fill(admin.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(/\/admin\/?$/);
};
