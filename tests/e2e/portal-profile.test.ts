import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { uid } from '../../plugin/model';
import { launchChromium, portalSignIn } from '../helpers/browser';
import { createPartner } from '../helpers/fixtures';
import { portalLogin } from '../helpers/portal';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The portal's profile page in headless Chromium (SPEC §8): a refused website shows the server's
 * message and stores nothing; a saved profile is what the server stored, and the sidebar follows.
 * Screenshots land in tests/artifacts/portal-profile/.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ARTIFACTS = join(__dirname, '..', 'artifacts', 'portal-profile');
const PASSWORD = 'Portal-login-2026';

let app: TestApp;
let browser: Browser;
let page: Page;
let origin: string;
let partner: Row;
let email: string;

const stored = (): Promise<Row> =>
  app.strapi.db
    .query(uid('partner'))
    .findOne({ where: { id: partner.id }, select: ['name', 'company', 'website'] });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startStrapi();
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  partner = await createPartner(app.strapi, {
    name: 'Jane Doe Media',
    company: 'Jane Doe Media LLC',
    website: 'https://janedoe.example',
  });
  email = `jane-${Date.now()}@partners.test`;
  await portalLogin(app, partner, { email, password: PASSWORD });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('portal profile page', () => {
  it('edits the contact name, company and website', async () => {
    await portalSignIn(page, origin, email, PASSWORD);
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    expect(await page.inputValue('input[name="company"]')).toBe('Jane Doe Media LLC');

    // The browser lets a javascript: URL through its own check; the server refuses it.
    await page.fill('input[name="website"]', 'javascript:alert(1)');
    await page.getByRole('button', { name: 'Save profile' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/website/i);
    expect(await stored()).toMatchObject({ website: 'https://janedoe.example' });
    await page.screenshot({ path: join(ARTIFACTS, 'profile-refused.png'), fullPage: true });

    await page.fill('input[name="name"]', 'Jane Doe');
    await page.fill('input[name="company"]', 'Doe Media Group');
    await page.fill('input[name="website"]', 'https://doemedia.example/partners');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor();
    expect(await stored()).toEqual({
      name: 'Jane Doe',
      company: 'Doe Media Group',
      website: 'https://doemedia.example/partners',
    });
    await page.locator('.account-name', { hasText: 'Jane Doe' }).waitFor();
    expect(await page.locator('.account-name').textContent()).toBe('Jane Doe');
    await page.screenshot({ path: join(ARTIFACTS, 'profile-saved.png'), fullPage: true });
  });
});
