import type { Page } from 'playwright-core';
import { launchChromium } from './chromium';

export { launchChromium };

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

/** Chromium with one 1440 × 900 page, signed in to the admin at `origin` as `admin`. */
export const openSignedInAdmin = async (
  origin: string,
  admin: { email: string; password: string }
) => {
  const browser = await launchChromium();
  const page = await (
    await browser.newContext({ viewport: { width: 1440, height: 900 } })
  ).newPage();
  await adminSignIn(page, origin, admin);
  return { browser, page };
};

/** Signs in to the partner portal at `origin` with a partner login's e-mail and password. */
export const portalSignIn = async (page: Page, origin: string, email: string, password: string) => {
  await page.goto(`${origin}/partner-portal/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};
