import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminSignIn, launchChromium } from '../helpers/browser';
import type { TestApp } from '../helpers/strapi';
import { ADMIN, startEmptyAdminWorld } from './admin-world';

/**
 * The admin of a new install in Chromium: the Overview says what to do first and links there,
 * with every amount in its currency. Screenshots go to the system's temporary folder.
 */

const ARTIFACTS = join(tmpdir(), 'partners-e2e', 'admin-first-run');

let app: TestApp;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const shot = async (name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
};

const kpi = (id: string) => page.locator(`[data-kpi="${id}"] [data-value]`).innerText();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ app, origin } = await startEmptyAdminWorld());
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await adminSignIn(page, origin, ADMIN);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the Overview of a new install', () => {
  it('lists the first steps, each linking to its page, and shows zeros as $0.00', async () => {
    await page.goto(`${origin}/admin/plugins/partners`);
    const guide = page.locator('[data-first-run]');
    await guide.waitFor();
    await expect(guide.getByRole('heading', { name: 'Get started' }).count()).resolves.toBe(1);
    const steps = guide.locator('[data-step]');
    expect(await steps.evaluateAll((items) => items.map((item) => item.dataset.step))).toEqual([
      'program',
      'partner',
      'links',
    ]);
    const targets: Array<[string, string]> = [
      ['Create a program', '/admin/plugins/partners/programs/new'],
      ['Go to partners', '/admin/plugins/partners/partners'],
      ['Find partner links', '/admin/plugins/partners/partners'],
    ];
    for (const [name, path] of targets) {
      expect(await guide.getByRole('link', { name }).getAttribute('href')).toBe(path);
    }
    for (const id of ['revenue', 'pending', 'approved', 'paid']) {
      expect(await kpi(id)).toBe('$0.00');
    }
    await shot('overview-empty');

    await guide.getByRole('link', { name: 'Create a program' }).click();
    await page.waitForURL(/\/programs\/new$/);
  });
});
