import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { uid } from '../../plugin/model';
import { createPartner, createProgram, enroll } from '../helpers/fixtures';
import { portalLogin } from '../helpers/portal';
import type { TestApp } from '../helpers/strapi';
import { signInAsAdmin, startEmptyAdminWorld } from './admin-world';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Media files in the admin, in Chromium (issue 15): agreement files on a program's terms and on
 * a partner, an asset's uploaded file, and a deal's attachments in the deal list. Screenshots go
 * to tests/artifacts/agreements-admin/.
 */

const ARTIFACTS = join(__dirname, '..', 'artifacts', 'agreements-admin');
const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
);

let app: TestApp;
let origin: string;
let browser: Browser;
let page: Page;
let program: Row;
let partner: Row;

const shot = async (name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
};

const files = () => app.strapi.db.query('plugin::upload.file').count();

const agreementsOf = async (model: 'program' | 'partner', id: number) => {
  const field = model === 'program' ? 'agreementFiles' : 'agreements';
  const row = await app.strapi.db
    .query(uid(model))
    .findOne({ where: { id }, populate: { [field]: { select: ['name'] } } });
  return (row[field] as Row[]).map((file) => file.name);
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ app, origin } = await startEmptyAdminWorld());
  const { strapi } = app;
  strapi.config.set('plugin::partners.notifications', { enabled: false });
  program = await createProgram(strapi, { name: 'Acme Cloud', termsVersion: '2026-01' });
  partner = await createPartner(strapi, { name: 'Grace Gold' });
  await enroll(strapi, partner, program);
  const jwt = await portalLogin(app, partner);
  const deal = await app
    .request()
    .post('/api/partners/portal/deals')
    .set('Authorization', `Bearer ${jwt}`)
    .send({
      data: {
        program: program.slug,
        company: 'Initech',
        contactName: 'Bill Lumbergh',
        contactEmail: 'bill@initech.test',
        estimatedValue: 1_200_000,
        currency: 'USD',
      },
    });
  if (deal.status !== 201) throw new Error(`deal: ${deal.status} ${deal.text}`);
  const attached = await app
    .request()
    .post(`/api/partners/portal/deals/${deal.body.data.documentId}/attachments`)
    .set('Authorization', `Bearer ${jwt}`)
    .attach('files', PDF('initech proposal'), 'initech-proposal.pdf');
  if (attached.status !== 201) throw new Error(`attach: ${attached.status} ${attached.text}`);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signInAsAdmin(page, origin);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('media files in the admin', () => {
  it("attaches an agreement to the program's terms; a refused file stores nothing", async () => {
    await page.goto(`${origin}/admin/plugins/partners/programs/${program.documentId}`);
    const upload = page.locator('input[data-upload="agreement"]');
    await upload.waitFor({ state: 'attached' });
    await upload.setInputFiles({
      name: 'acme-terms-2026-01.pdf',
      mimeType: 'application/pdf',
      buffer: PDF('acme terms'),
    });
    await page.getByText('acme-terms-2026-01.pdf attached').first().waitFor();
    await page.locator('[data-agreement="acme-terms-2026-01.pdf"]').waitFor();
    expect(await agreementsOf('program', program.id)).toEqual(['acme-terms-2026-01.pdf']);

    const before = await files();
    await upload.setInputFiles({
      name: 'terms.exe',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ'),
    });
    await page
      .getByText(/terms\.exe: only .* files are accepted/)
      .first()
      .waitFor();
    expect(await files()).toBe(before);
    await page.locator('[data-agreement="acme-terms-2026-01.pdf"]').scrollIntoViewIfNeeded();
    await shot('program-terms');
  });

  it('attaches an agreement to a partner from its page', async () => {
    await page.goto(`${origin}/admin/plugins/partners/partners/${partner.documentId}`);
    const upload = page.locator('input[data-upload="agreement"]');
    await upload.waitFor({ state: 'attached' });
    await upload.setInputFiles({
      name: 'grace-gold-nda.pdf',
      mimeType: 'application/pdf',
      buffer: PDF('nda'),
    });
    await page.locator('[data-agreement="grace-gold-nda.pdf"]').waitFor();
    expect(await agreementsOf('partner', partner.id)).toEqual(['grace-gold-nda.pdf']);
    await shot('partner-agreements');
  });

  it('uploads the file of a new asset', async () => {
    await page.goto(`${origin}/admin/plugins/partners/assets`);
    await page.getByRole('button', { name: 'Add an asset' }).first().click();
    await page.locator('input[name="title"]').fill('Spring banner');
    await page
      .locator('input[data-upload="asset"]')
      .setInputFiles({ name: 'spring-banner.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('[data-asset-file]').getByText('spring-banner.png').waitFor();
    await shot('asset-modal');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Asset added').first().waitFor();
    const asset = await app.strapi.db
      .query(uid('asset'))
      .findOne({ where: { title: 'Spring banner' }, populate: { file: { select: ['name'] } } });
    expect(asset.file.name).toBe('spring-banner.png');
  });

  it("lists a deal's attachments in the deal list", async () => {
    await page.goto(`${origin}/admin/plugins/partners/referrals?tab=deals`);
    const link = page
      .locator('[data-attachments]')
      .getByRole('link', { name: 'initech-proposal.pdf' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^\/uploads\//);
    await shot('deal-attachments');
  });
});
