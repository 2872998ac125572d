import { chromium, type Page } from 'playwright-core';

/** The machine's headless Chromium, as the browser tests launch it. */
export const launchChromium = () =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

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
