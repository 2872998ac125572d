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

/**
 * In the page: the controls of <main> not named by a visible label, neither their own
 * <label for> nor one that aria-labelledby points at (radios carry their own text).
 */
const UNNAMED_CONTROLS = `(() => {
  const visibleLabel = (element) =>
    element !== null && element.tagName === 'LABEL' && element.textContent.trim() !== '';
  const controls = document.querySelectorAll(
    'main input:not([type="hidden"]):not([type="radio"]):not([aria-hidden="true"]),' +
      ' main textarea, main [role="combobox"], main [role="switch"]'
  );
  return [...controls]
    .filter((control) => control.getClientRects().length > 0)
    .filter((control) => {
      if (control.labels && [...control.labels].some(visibleLabel)) return false;
      const ids = (control.getAttribute('aria-labelledby') || '').split(/\\s+/);
      return !ids.some((id) => id && visibleLabel(document.getElementById(id)));
    })
    .map((control) => control.outerHTML.slice(0, 160));
})()`;

/** In the page: the text of each visible field label of <main>, the required star left out. */
const VISIBLE_LABELS = `[...document.querySelectorAll('main label')]
  .filter((label) => label.getClientRects().length > 0 && !label.closest('[role="radiogroup"]'))
  .map((label) => label.textContent.replace(/\\*$/, '').trim())
  .filter((text) => text !== '')`;

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

  it('names every input of the program editor by its visible label', async () => {
    await page.goto(`${origin}/admin/plugins/partners/programs/new`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('main label').first().waitFor();
    // Each input, select, date and toggle is named by a visible label: its own <label for>, or
    // aria-labelledby pointing at one.
    const unnamed = await page.evaluate<string[]>(UNNAMED_CONTROLS);
    expect(unnamed).toEqual([]);
    const labels = await page.evaluate<string[]>(VISIBLE_LABELS);
    expect(labels.length).toBeGreaterThan(10);
    for (const label of labels) {
      expect([label, await page.getByLabel(label).count()]).not.toEqual([label, 0]);
    }
    await shot('program-editor');
  });
});
