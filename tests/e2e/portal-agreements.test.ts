import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { uid } from '../../plugin/model';
import { createPartnerRepository } from '../../server/src/partners/partner-repository';
import { launchChromium } from '../helpers/chromium';
import { createPartner, createProgram, enroll } from '../helpers/fixtures';
import { portal, portalLogin } from '../helpers/portal';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The portal's agreements page and deal attachments in headless Chromium (issue 15): the partner
 * downloads the terms it accepted and its own agreement; it attaches a file to a deal, and a
 * refused file shows the server's reason. Screenshots land in tests/artifacts/portal-agreements/.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ARTIFACTS = join(__dirname, '..', 'artifacts', 'portal-agreements');
const PASSWORD = 'Portal-login-2026';

let app: TestApp;
let browser: Browser;
let page: Page;
let origin: string;
let deal: string;

/** A file stored in the media library the way the admin's upload stores it. */
const stored = async (name: string, content: string) => {
  const filepath = join(tmpdir(), `agreement-${Date.now()}-${name}`);
  writeFileSync(filepath, content);
  const [file] = await app.strapi
    .plugin('partners')
    .service('media-files')
    .store('agreement', [{ filepath, originalFilename: name, size: content.length }]);
  return file as Row;
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startStrapi();
  app.strapi.config.set('plugin::partners.notifications', { enabled: false });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const program = await createProgram(app.strapi, {
    name: 'Agency Program',
    termsVersion: '2026-01',
  });
  const terms = await stored('agency-terms-2026-01.pdf', '%PDF-1.4\n% agency terms\n%%EOF\n');
  await app.strapi
    .plugin('partners')
    .service('program-agreements')
    .set(program.documentId, [terms.id]);
  const partner = await createPartner(app.strapi, { name: 'Northwind Agency' });
  await enroll(app.strapi, partner, program);
  await createPartnerRepository(app.strapi).acceptTerms(partner.id, new Date());
  const nda = await stored('northwind-nda.pdf', '%PDF-1.4\n% northwind nda\n%%EOF\n');
  await app.strapi
    .plugin('partners')
    .service('agreements')
    .setPartnerAgreements(partner.documentId, [nda.id]);
  const email = `northwind-${Date.now()}@partners.test`;
  const jwt = await portalLogin(app, partner, { email, password: PASSWORD });
  const res = await portal(app, jwt)
    .post('/deals', {
      program: program.slug,
      company: 'Contoso',
      contactName: 'Kim Akers',
      contactEmail: 'kim@contoso.test',
      estimatedValue: 2_500_000,
      currency: 'USD',
    })
    .expect(201);
  deal = res.body.data.documentId;
  browser = await launchChromium();
  page = await (
    await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true })
  ).newPage();
  await page.goto(`${origin}/partner-portal/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('portal agreements page', () => {
  it('lists the accepted terms with their file and downloads them', async () => {
    await page.getByRole('link', { name: 'Agreements' }).click();
    await page.getByRole('heading', { name: 'Agreements', exact: true }).waitFor();
    const row = page.locator('[data-accepted]');
    await row.getByRole('cell', { name: '2026-01', exact: true }).waitFor();
    await page.getByText('northwind-nda.pdf').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'agreements.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'agency-terms-2026-01.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('agency-terms-2026-01.pdf');
    expect(readFileSync((await download.path())!, 'utf8')).toContain('agency terms');
  });
});

describe('deal attachments in the portal', () => {
  const cell = () => page.locator(`[data-deal-files="${deal}"]`);

  it('attaches a file to a deal and shows it', async () => {
    await page.getByRole('link', { name: /Leads/ }).click();
    await cell().waitFor();
    await cell()
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'contoso-proposal.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n% proposal\n%%EOF\n'),
      });
    await cell().getByText('File attached.').waitFor();
    await cell().getByRole('button', { name: 'contoso-proposal.pdf' }).waitFor();
    const row = await app.strapi.db
      .query(uid('deal'))
      .findOne({ where: { documentId: deal }, populate: { attachments: { select: ['name'] } } });
    expect(row.attachments.map((file: Row) => file.name)).toEqual(['contoso-proposal.pdf']);
    await page.screenshot({ path: join(ARTIFACTS, 'deal-attached.png'), fullPage: true });
  });

  it("shows the server's reason for a refused file and stores nothing", async () => {
    const before = await app.strapi.db.query('plugin::upload.file').count();
    await cell()
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'invoice.exe',
        mimeType: 'application/pdf',
        buffer: Buffer.from('MZ'),
      });
    await cell()
      .getByText(/only .* files are accepted/)
      .waitFor();
    expect(await app.strapi.db.query('plugin::upload.file').count()).toBe(before);
    await page.screenshot({ path: join(ARTIFACTS, 'deal-refused.png'), fullPage: true });
  });
});
