import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { uid } from '../../plugin/model';
import { launchChromium } from '../helpers/chromium';
import { createPartner, createProgram, enroll } from '../helpers/fixtures';
import { portal, portalLogin } from '../helpers/portal';
import { useTestApp } from '../helpers/test-app';

/**
 * The portal's saved payout methods and deal registration in headless Chromium (SPEC §8): every
 * saved method listed with the active one marked, adding one keeps the active one, the explicit
 * "Make active" and "Remove" ask for the password (a wrong one changes nothing), and each message
 * says whether the notice was mailed; deals take a domain and an expected close and show won / lost /
 * expired. Screenshots land in tests/artifacts/portal-payout-methods/.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ARTIFACTS = join(__dirname, '..', 'artifacts', 'portal-payout-methods');
const PASSWORD = 'Portal-login-2026';
const { app, smtp } = useTestApp({ smtp: true });

let browser: Browser;
let page: Page;
let origin: string;
let partner: Row;
let program: Row;
let jwt: string;
let email: string;

const stored = async () =>
  (await app.strapi.db.query(uid('partner')).findOne({ where: { id: partner.id } })) as Row;
const shot = (name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app.strapi.config.set('plugin::partners.notifications', { enabled: true });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  program = await createProgram(app.strapi, { holdDays: 0 });
  partner = await createPartner(app.strapi, {
    name: 'Jane Doe Media',
    email: 'jane-pay@partners.test',
  });
  await enroll(app.strapi, partner, program);
  email = `jane-${Date.now()}@partners.test`;
  jwt = await portalLogin(app, partner, { email, password: PASSWORD });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${origin}/partner-portal/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Payouts' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
});

describe('portal payout methods', () => {
  it('adds PayPal, then a bank account beside it; PayPal stays active', async () => {
    await page.getByRole('link', { name: 'Payouts' }).click();
    await page.getByText('No payout method yet').waitFor();
    await page.getByRole('button', { name: 'Add a method' }).click();
    await page.check('input[value="paypal"]');
    await page.fill('input[name="paypalEmail"]', 'jane@paypal.test');
    await page.fill('input[name="currentPassword"]', PASSWORD);
    await page.getByRole('button', { name: 'Save payout method' }).click();
    await page.getByText('PayPal · jane@paypal.test is your active method').waitFor();
    expect(await page.getByRole('status').textContent()).toContain(
      'We e-mailed you a notice of the change.'
    );

    await page.getByRole('button', { name: 'Add another method' }).click();
    await page.check('input[value="bank"]');
    await page.fill('input[name="holder"]', 'Jane Doe');
    await page.fill('input[name="routingNumber"]', '011000015');
    await page.fill('input[name="accountNumber"]', '000123456789');
    await page.fill('input[name="currentPassword"]', PASSWORD);
    await shot('add-bank');
    await page.getByRole('button', { name: 'Save payout method' }).click();
    await page.getByText('stays active until you make another one active').waitFor();
    const items = page.locator('.payout-methods > li');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).getAttribute('data-active')).toBe('true');
    expect(await items.nth(0).innerText()).toContain('Active');
    expect(await items.nth(1).innerText()).toContain('••••6789');
    expect(await items.nth(1).getAttribute('data-active')).toBe('false');
    expect(await page.content()).not.toContain('000123456789');
    expect((await stored()).payoutMethod).toMatchObject({ type: 'paypal' });
    await smtp().waitFor((message) => /6789/.test(message.text ?? ''));
    await shot('two-methods');
  });

  it('"Make active" asks for the password; a wrong one changes nothing', async () => {
    await page
      .getByRole('button', { name: 'Make US bank account · Jane Doe · ••••6789 active' })
      .click();
    await page.fill('input[name="currentPassword"]', 'not-my-password');
    await page.getByRole('button', { name: 'Confirm switch' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/password/i);
    expect((await stored()).payoutMethod).toMatchObject({ type: 'paypal' });
    await shot('switch-refused');

    await page.fill('input[name="currentPassword"]', PASSWORD);
    await page.getByRole('button', { name: 'Confirm switch' }).click();
    await page.getByText('US bank account · Jane Doe · ••••6789 is now your active').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('We e-mailed you a notice');
    await page.locator('.payout-methods > li[data-method="bank"][data-active="true"]').waitFor();
    expect(await page.locator('.payout-methods > li[data-active="true"]').count()).toBe(1);
    expect((await stored()).payoutMethod).toMatchObject({ type: 'bank', last4: '6789' });
    await shot('switched');
  });

  it('says so when the notice could not be mailed', async () => {
    app.strapi.config.set('plugin::partners.notifications', { enabled: false });
    await page.getByRole('button', { name: 'Make PayPal · jane@paypal.test active' }).click();
    await page.fill('input[name="currentPassword"]', PASSWORD);
    await page.getByRole('button', { name: 'Confirm switch' }).click();
    await page.getByText('The e-mail notice of the change could not be sent.').waitFor();
    expect((await stored()).payoutMethod).toMatchObject({ type: 'paypal' });
  });

  it('removes a method that is not active, behind the password; the active one has no Remove', async () => {
    expect(await page.getByRole('button', { name: /^Remove PayPal/ }).count()).toBe(0);
    await page
      .getByRole('button', { name: 'Remove US bank account · Jane Doe · ••••6789' })
      .click();
    await page.fill('input[name="currentPassword"]', PASSWORD);
    await shot('remove-confirm');
    await page.getByRole('button', { name: 'Remove method' }).click();
    await page.getByText('US bank account · Jane Doe · ••••6789 was removed.').waitFor();
    expect(await page.getByRole('status').textContent()).toContain(
      'The e-mail notice of the change could not be sent.'
    );
    expect(await page.locator('.payout-methods > li').count()).toBe(1);
    const partner = await stored();
    expect(partner.payoutMethods).toHaveLength(1);
    expect(partner.payoutMethod).toMatchObject({ type: 'paypal' });
    await shot('removed');
  });
});

describe('portal deals', () => {
  it('registers a deal with its domain and expected close; shows won, lost and expired', async () => {
    await page.getByRole('link', { name: 'Leads & deals' }).click();
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Register deal' }) });
    await form.getByLabel('Company').fill('Globex');
    await form.getByLabel('Contact name').fill('Hank Scorpio');
    await form.getByLabel('Contact email').fill('hank@globex.test');
    await form.getByLabel('Estimated value (USD)').fill('12,500');
    await form.getByLabel('Web domain').fill('https://www.globex.test/about');
    await form.getByLabel('Expected close').fill('2027-03-31');
    await form.getByRole('button', { name: 'Register deal' }).click();
    await page.getByText('Deal registered: the team reviews it.').waitFor();
    const [deal] = (await portal(app, jwt).get('/deals').expect(200)).body.data as Row[];
    expect(deal).toMatchObject({
      company: 'Globex',
      domain: 'globex.test',
      expectedCloseAt: '2027-03-31',
      status: 'submitted',
    });

    for (const [company, contactEmail] of [
      ['Initech', 'bill@initech.test'],
      ['Umbrella', 'al@umbrella.test'],
    ]) {
      await portal(app, jwt)
        .post('/deals', {
          program: program.slug,
          company,
          contactName: 'Buyer',
          contactEmail,
          estimatedValue: 100_00,
          currency: 'USD',
        })
        .expect(201);
    }
    const close = (company: string, state: string) =>
      app.strapi.db
        .query(uid('deal'))
        .update({ where: { company }, data: { state, closedAt: new Date() } });
    await close('Globex', 'won');
    await close('Initech', 'lost');
    await close('Umbrella', 'expired');
    await page.reload();
    await page.getByRole('cell', { name: /Umbrella/ }).waitFor();
    const row = (company: string) => page.locator('tr', { hasText: company });
    expect(await row('Globex').innerText()).toContain('globex.test');
    expect(await row('Globex').innerText()).toMatch(/Won/);
    expect(await row('Globex').innerText()).toContain('Mar 31, 2027');
    expect(await row('Initech').innerText()).toMatch(/Lost/);
    expect(await row('Umbrella').innerText()).toMatch(/Expired/);
    await shot('deals');
  });
});
