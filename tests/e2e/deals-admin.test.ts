import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { uid } from '../../plugin/model';
import { createPartner, createProgram, enroll } from '../helpers/fixtures';
import { portal, portalLogin } from '../helpers/portal';
import type { TestApp } from '../helpers/strapi';
import { ADMIN, signInAsAdmin, startEmptyAdminWorld } from './admin-world';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Deal registrations in the admin, in Chromium (SPEC §6, §9): the pipeline above the list, won
 * with a corrected value, lost, a held registration approved once its rival is closed.
 * Screenshots go to tests/artifacts/deals-admin/.
 */

const ARTIFACTS = join(__dirname, '..', 'artifacts', 'deals-admin');

let app: TestApp;
let origin: string;
let browser: Browser;
let page: Page;
let grace: Row;
const ids: Record<string, string> = {};

const stored = (documentId: string): Promise<Row> =>
  app.strapi.db.query(uid('deal')).findOne({ where: { documentId } });

const shot = async (name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
};

/** The pipeline card of one state: "3 deals", its value, its next close. */
const card = (state: string) => page.locator(`[data-pipeline-state="${state}"]`);

/** The card shows `text` once the list has refreshed after a change (then asserted). */
const expectCard = async (state: string, text: RegExp) => {
  await card(state)
    .filter({ hasText: text })
    .waitFor({ timeout: 15_000 })
    .catch(() => undefined);
  expect(await card(state).innerText()).toMatch(text);
};

const actions = (key: string) => page.locator(`[data-deal-actions="${ids[key]}"]`);

const toast = (text: string | RegExp) =>
  page
    .getByText(text, { exact: typeof text === 'string' })
    .first()
    .waitFor();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ app, origin } = await startEmptyAdminWorld());
  const { strapi } = app;
  strapi.config.set('plugin::partners.notifications', { enabled: false });
  const program = await createProgram(strapi, {
    name: 'Acme Cloud',
    slug: 'acme-cloud',
    holdDays: 0,
    dealConflicts: 'hold',
  });
  grace = await createPartner(strapi, { name: 'Grace Gold' });
  const sam = await createPartner(strapi, { name: 'Sam Silver' });
  for (const partner of [grace, sam]) await enroll(strapi, partner, program);
  const graceJwt = await portalLogin(app, grace);
  const samJwt = await portalLogin(app, sam);
  const register = async (key: string, jwt: string, deal: Row) => {
    const res = await portal(app, jwt).post('/deals', {
      program: 'acme-cloud',
      currency: 'USD',
      ...deal,
    });
    if (res.status !== 201) throw new Error(`deal: ${res.status} ${res.text}`);
    ids[key] = res.body.data.documentId;
  };
  const initech = {
    company: 'Initech, Inc.',
    contactName: 'Bill Lumbergh',
    contactEmail: 'bill@initech.test',
    estimatedValue: 1_200_000,
    expectedCloseAt: '2027-03-31',
  };
  await register('acme', graceJwt, {
    company: 'Acme Corp',
    contactName: 'Wile Coyote',
    contactEmail: 'wile@acme.test',
    estimatedValue: 500_000,
    expectedCloseAt: '2027-01-15',
  });
  await register('globex', graceJwt, {
    company: 'Globex',
    contactName: 'Hank Scorpio',
    contactEmail: 'hank@globex.test',
    estimatedValue: 120_000,
    expectedCloseAt: '2027-02-01',
  });
  await register('initech', graceJwt, initech);
  // Sam claims the same customer: held for an editor.
  await register('held', samJwt, { ...initech, estimatedValue: 900_000 });

  const login = await app.request().post('/admin/login').send(ADMIN);
  const jwt = login.body.data.token as string;
  for (const key of ['acme', 'globex', 'initech']) {
    const res = await app
      .request()
      .post(`/partners/deals/${ids[key]}/approve`)
      .set('Authorization', `Bearer ${jwt}`)
      .send({ data: {} });
    if (res.status !== 200) throw new Error(`approve: ${res.status} ${res.text}`);
  }
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('deals in the admin', () => {
  it('shows the pipeline, held deals, value and expected close', async () => {
    await signInAsAdmin(page, origin);

    await page.goto(`${origin}/admin/plugins/partners/referrals?tab=deals`);
    await card('approved').waitFor();
    await expectCard('approved', /3 deals\s+\$18,200\.00\s+Next close Jan 15, 2027/);
    await expectCard('submitted', /1 deal\s+\$9,000\.00\s+Next close Mar 31, 2027/);
    expect(await page.locator(`[data-deal-status="${ids.held}"] [data-held]`).textContent()).toBe(
      'Held'
    );
    expect(await page.locator('[data-held]').count()).toBe(1);
    const table = await page.locator('table').innerText();
    expect(table).toMatch(/Expected close/i);
    expect(table).toContain('Jan 15, 2027');
    expect(table).toContain('$5,000.00');
    await shot('pipeline');
  });

  it('refuses the held deal while its rival is open, with the server message', async () => {
    await actions('held').getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(/This registration was held/).waitFor();
    await shot('approve-held');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await toast(
      'Another registration of this customer is approved and open; reject it or mark it won or lost first.'
    );
    expect((await stored(ids.held)).state).toBe('submitted');
  });

  it('marks a deal won with a corrected value, and another lost', async () => {
    await actions('acme').getByRole('button', { name: 'Won' }).click();
    const modal = page.getByRole('dialog');
    const value = modal.getByLabel('Won value (USD)');
    expect(await value.inputValue()).toBe('5000.00');
    await value.fill('6,250.5');
    await shot('win');
    await modal.getByRole('button', { name: 'Won' }).click();
    await toast('Deal with Acme Corp marked won at $6,250.50');
    expect(await stored(ids.acme)).toMatchObject({
      state: 'won',
      estimatedValue: 625_050,
      expiresAt: null,
    });
    await card('won').waitFor();
    await expectCard('won', /1 deal\s+\$6,250\.50/);

    await actions('initech').getByRole('button', { name: 'Lost' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Lost' }).click();
    await toast('Deal with Initech, Inc. marked lost');
    expect((await stored(ids.initech)).state).toBe('lost');
    await expectCard('approved', /1 deal\s+\$1,200\.00/);
  });

  it('approves the held deal once the rival is closed', async () => {
    await actions('held').getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Approve' }).click();
    await toast(/^Deal with Initech, Inc\. approved; it attributes the customer until /);
    const row = await stored(ids.held);
    expect(row.state).toBe('approved');
    expect(row.expiresAt).not.toBeNull();
    await expectCard('approved', /2 deals\s+\$10,200\.00/);
    await shot('after-decisions');
  });

  it('follows the partner filter and sorts by expected close', async () => {
    await page.goto(
      `${origin}/admin/plugins/partners/referrals?tab=deals&partner=${grace.documentId}&sort=expectedCloseAt`
    );
    await card('won').waitFor();
    await expectCard('approved', /1 deal\s+\$1,200\.00\s+Next close Feb 1, 2027/);
    expect(await page.locator('[data-pipeline-state="submitted"]').count()).toBe(0);
    const companies = await page.locator('tbody tr td:first-child').allInnerTexts();
    expect(companies.map((text) => text.trim())).toEqual(['Acme Corp', 'Globex', 'Initech, Inc.']);
    await shot('filtered');
  });
});
