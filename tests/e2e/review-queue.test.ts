import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { uid } from '../../plugin/model';
import {
  createApiToken,
  createLink,
  createPartner,
  createProgram,
  enroll,
  orderBody,
} from '../helpers/fixtures';
import type { TestApp } from '../helpers/strapi';
import { ADMIN, startEmptyAdminWorld } from './admin-world';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The fraud review queue in Chromium (SPEC §10): held entries with their signals, released and
 * rejected in bulk. Screenshots go to tests/artifacts/review-queue/.
 */

const ARTIFACTS = join(__dirname, '..', 'artifacts', 'review-queue');

let app: TestApp;
let origin: string;
let browser: Browser;
let page: Page;

const entries = (): Promise<Row[]> =>
  app.strapi.db.query(uid('commission')).findMany({ orderBy: [{ level: 'asc' }, { id: 'asc' }] });

const shot = async (name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ app, origin } = await startEmptyAdminWorld());
  const { strapi } = app;
  const program = await createProgram(strapi, {
    name: 'Acme Cloud',
    slug: 'acme-cloud',
    holdDays: 0,
    tierMode: 'two-tier',
    secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
    fraudSignals: { selfReferral: 'hold', disposableEmail: 'hold' },
  });
  const recruiter = await createPartner(strapi, { name: 'Rita Recruiter' });
  await enroll(strapi, recruiter, program);
  const partner = await createPartner(strapi, {
    name: 'Grace Gold',
    email: 'grace@gold.test',
    referredBy: recruiter.id,
  });
  await enroll(strapi, partner, program);
  await createLink(strapi, partner, program, 'grace');
  const token = await createApiToken(strapi);
  for (const customerEmail of ['grace@gold.test', 'burner@mailinator.com']) {
    const res = await app
      .request()
      .post('/api/partners/orders')
      .set('Authorization', `Bearer ${token}`)
      .send(orderBody({ referralCode: 'grace', customerEmail, paidAt: new Date().toISOString() }));
    if (res.status !== 201) throw new Error(`order: ${res.status} ${res.text}`);
  }
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the review queue', () => {
  it('lists held entries with their signals, releases one and rejects the other', async () => {
    await page.goto(`${origin}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: 'Partners' }).first().waitFor();

    const held = await entries();
    expect(held.map((entry) => entry.state)).toEqual(['on-hold', 'on-hold', 'on-hold', 'on-hold']);
    const [selfReferred, disposable] = held.filter((entry) => entry.level === 1);

    await page.goto(`${origin}/admin/plugins/partners/commissions?status=on-hold`);
    await page.locator(`[data-commission="${disposable.documentId}"]`).waitFor();
    expect(await page.locator('[data-commission]').count()).toBe(4);
    const signalsOf = (entry: Row) =>
      page.locator(`[data-commission="${entry.documentId}"] [data-signals]`).innerText();
    expect(await signalsOf(selfReferred)).toBe('Self-referral (held)');
    expect(await signalsOf(disposable)).toBe('Disposable e-mail (held)');
    await shot('queue');

    // The entry's dialog says what was seen.
    await page.locator(`[data-commission="${selfReferred.documentId}"]`).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-signals]').waitFor();
    expect(await dialog.locator('[data-signals]').innerText()).toContain('grace@gold.test');
    await shot('entry');
    await dialog.getByRole('button', { name: 'Close' }).last().click();

    // Release the disposable-e-mail order: its level-2 entry follows.
    await page.getByRole('checkbox', { name: `Select entry ${disposable.documentId}` }).click();
    await page.locator('[data-bulk-actions]').getByRole('button', { name: 'Release' }).click();
    const released = page.waitForResponse((r) => r.url().endsWith('/partners/commissions/release'));
    await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
    expect(await (await released).json()).toMatchObject({ data: { updated: 2, skipped: 0 } });
    await page.getByText('2 entries updated, none left as it was').waitFor();

    // Reject the self-referral with a reason.
    await page.getByRole('checkbox', { name: `Select entry ${selfReferred.documentId}` }).click();
    await page.locator('[data-bulk-actions]').getByRole('button', { name: 'Reject' }).click();
    const reasonDialog = page.getByRole('alertdialog');
    await reasonDialog.locator('textarea').fill('The partner bought for itself');
    const rejected = page.waitForResponse((r) => r.url().endsWith('/partners/commissions/reject'));
    await reasonDialog.getByRole('button', { name: 'Reject' }).click();
    expect(await (await rejected).json()).toMatchObject({ data: { updated: 2, skipped: 0 } });

    const decided = new Map((await entries()).map((entry) => [entry.id, entry]));
    const stateOf = (entry: Row) => decided.get(entry.id)?.state;
    expect([stateOf(disposable), stateOf(selfReferred)]).toEqual(['pending', 'rejected']);
    expect(
      [...decided.values()].filter((entry) => entry.level === 2).map((entry) => entry.state)
    ).toEqual(['rejected', 'pending']);
    await page.goto(`${origin}/admin/plugins/partners/commissions`);
    await page.locator(`[data-commission="${disposable.documentId}"]`).waitFor();
    await shot('after-decisions');
  });

  it('sets the signals in the program editor', async () => {
    const program: Row = await app.strapi.db
      .query(uid('program'))
      .findOne({ where: { slug: 'acme-cloud' } });
    await page.goto(`${origin}/admin/plugins/partners/programs/${program.documentId}`);
    const choose = async (label: string, option: string) => {
      await page.getByRole('combobox', { name: label }).click();
      await page.getByRole('option', { name: option }).click();
    };
    await page.getByRole('combobox', { name: 'Paid-ad traffic' }).waitFor();
    await choose('Paid-ad traffic', 'Hold for review');
    await choose('Large commission', 'Flag');
    await page.getByLabel(/Large commission above/).fill('500');
    await page.getByLabel(/Clicks per minute/).fill('20');
    await page.locator('[data-section="fraud"]').scrollIntoViewIfNeeded();
    await shot('program-fraud-signals');
    const saved = page.waitForResponse((r) => /\/partners\/programs\/[^/]+$/.test(r.url()));
    await page.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    const stored: Row = await app.strapi.db
      .query(uid('program'))
      .findOne({ where: { slug: 'acme-cloud' } });
    expect(stored.fraudSignals).toMatchObject({
      selfReferral: 'hold',
      disposableEmail: 'hold',
      paidTraffic: 'hold',
      largeCommission: 'flag',
      largeCommissionAmount: 50000,
      clicksPerMinute: 20,
    });
  });
});
