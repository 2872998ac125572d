import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { uid } from '../../plugin/model';
import { launchChromium, portalSignIn } from '../helpers/browser';
import { createPartner } from '../helpers/fixtures';
import { portalLogin } from '../helpers/portal';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The agency directory in headless Chromium (docs/directory.md): the partner applies in the
 * portal (a refused website shows the server's message and stores nothing), uploads a logo,
 * approves the editors' draft; the public directory page shows it in the portal's branding and
 * drops it once unpublished. Screenshots land in tests/artifacts/directory/.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ARTIFACTS = join(__dirname, '..', 'artifacts', 'directory');
const PASSWORD = 'Portal-login-2026';
/** A 160×48 logo, visible in the screenshots. */
const logoPng = () =>
  sharp({ create: { width: 160, height: 48, channels: 3, background: '#0f766e' } })
    .png()
    .toBuffer();

let app: TestApp;
let browser: Browser;
let page: Page;
let origin: string;
let partner: Row;
let email: string;

const listing = (): Promise<Row | null> =>
  app.strapi.db.query(uid('listing')).findOne({ where: { partner: { id: partner.id } } });
const shot = (name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startStrapi();
  app.strapi.config.set('plugin::partners.portal.primaryColor', '#7c3aed');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  partner = await createPartner(app.strapi, { name: 'Grace Hopper', company: 'Hopper Digital' });
  email = `grace-${Date.now()}@partners.test`;
  await portalLogin(app, partner, { email, password: PASSWORD });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('directory listing in the portal and the public directory', () => {
  it('applies: a refused website stores nothing, then the application is sent', async () => {
    await portalSignIn(page, origin, email, PASSWORD);
    await page.getByRole('link', { name: 'Directory listing' }).click();
    await page.getByRole('heading', { name: 'Directory listing' }).waitFor();

    await page.fill(
      'textarea[name="description"]',
      'Hopper Digital runs paid search and attribution for B2B SaaS companies.'
    );
    await page.fill('input[name="services"]', 'Paid search, Attribution setup');
    await page.fill('input[name="regions"]', 'North America, Europe');
    await page.fill('input[name="website"]', 'javascript:alert(1)');
    await page.getByRole('button', { name: 'Apply for a listing' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/website/i);
    expect(await listing()).toBeNull();
    await shot('apply-refused');

    await page.fill('input[name="website"]', 'https://hopper.example');
    await page.getByRole('button', { name: 'Apply for a listing' }).click();
    await page.getByText('Application sent to the program team.').waitFor();
    expect(await listing()).toMatchObject({ state: 'applied', name: 'Hopper Digital' });
    await shot('applied');
  });

  it('uploads a logo into the media library', async () => {
    await page
      .locator('input[name="logo"]')
      .setInputFiles({ name: 'hopper.png', mimeType: 'image/png', buffer: await logoPng() });
    await page.getByText('Logo uploaded.').waitFor();
    await page.locator('img[alt="Your logo"]').waitFor();
    await shot('logo-uploaded');
    const row = await app.strapi.db
      .query(uid('listing'))
      .findOne({ where: { partner: { id: partner.id } }, populate: { logo: true } });
    expect(row.logo).toMatchObject({ mime: 'image/png' });
  });

  it('approves the draft the editors wrote; it goes live', async () => {
    const row = (await listing()) as Row;
    await app.strapi.plugin('partners').service('listings').draft(row.documentId, {
      description: 'Hopper Digital runs paid search and attribution for B2B SaaS teams.',
    });
    await page.reload();
    await page.getByText('Draft awaiting your approval').waitFor();
    await shot('draft-awaiting-approval');
    await page.getByRole('button', { name: 'Approve and publish' }).click();
    await page.getByText('Approved: your listing is live in the directory.').waitFor();
    expect(await listing()).toMatchObject({ state: 'live' });
    await shot('live');
  });

  it('the public directory lists it in the portal branding, with a page of its own', async () => {
    await page.goto(`${origin}/partner-portal/directory`);
    expect(await page.title()).toBe('Partner directory · Acme partner portal');
    const header = page.locator('header');
    expect(
      await header.evaluate(
        (el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor
      )
    ).toBe('rgb(124, 58, 237)');
    await page.getByRole('link', { name: 'Hopper Digital' }).waitFor();
    expect(await page.locator('article img.logo').count()).toBe(1);
    await shot('public-directory');
    await page.getByRole('link', { name: 'Hopper Digital' }).click();
    await page.getByRole('heading', { name: 'Hopper Digital' }).waitFor();
    expect(await page.title()).toBe('Hopper Digital · Acme partner portal');
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(
      'Hopper Digital runs paid search and attribution for B2B SaaS teams.'
    );
    await shot('public-listing');
  });

  it('once unpublished it is gone from the public pages', async () => {
    const row = (await listing()) as Row;
    await app.strapi.plugin('partners').service('listings').unpublish(row.documentId);
    const res = await page.goto(`${origin}/partner-portal/directory/${row.slug}`);
    expect(res?.status()).toBe(404);
    await page.goto(`${origin}/partner-portal/directory`);
    await page.getByText('No partners are listed yet.').waitFor();
    await shot('public-directory-empty');
  });
});
