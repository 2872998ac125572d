import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatMoney } from '../../plugin/currency';
import { uid } from '../../plugin/model';
import { launchChromium } from '../helpers/chromium';
import { adminToken } from '../helpers/admin';
import {
  createApiToken,
  createLink,
  createPartner,
  createProgram,
  enroll,
  orderBody,
} from '../helpers/fixtures';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The partner portal in headless Chromium (SPEC §8): from the mailed invitation to the dashboard,
 * links, the chart's ranges, statement downloads and the payout method, against a real Strapi.
 * Screenshots land in tests/artifacts/portal/.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ARTIFACTS = join(__dirname, '..', 'artifacts', 'portal');
const PASSWORD = 'Portal-pass-2026';
const DAY_MS = 86_400_000;
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

let app: TestApp;
let smtp: TestSmtpServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let origin: string;
let partner: Row;
let link: Row;
let invitationUrl: string;
/** The month before this one, `YYYY-MM`: the orders are paid (and approved) in it. */
let statementMonth: string;

/** Clicks seeded days ago: 3 in the last week, 2 more in four weeks, 4 more in six months. */
const CLICK_DAYS_AGO = [0, 1, 3, 12, 20, 45, 70, 100, 150];
/** Paid orders of two referred customers; the program shows "first name + last initial". */
const ORDERS = [
  { amount: 12_000, customerName: 'Maria Garcia', shown: 'Maria G.' },
  { amount: 4_500, customerName: 'Tom Baker', shown: 'Tom B.' },
];
const COMMISSION_BPS = 2_000;
const unpaid = ORDERS.reduce((sum, order) => sum + (order.amount * COMMISSION_BPS) / 10_000, 0);
let program: Row;

const seedClicks = async (program: Row) => {
  const now = Date.now();
  for (const [index, daysAgo] of CLICK_DAYS_AGO.entries()) {
    const at = new Date(now - daysAgo * DAY_MS - 60_000);
    await app.strapi.db.query(uid('click')).create({
      data: {
        code: link.code,
        linkId: link.id,
        partnerId: partner.id,
        programId: program.id,
        visitorId: `visitor-${index}`,
        isBot: false,
        isUnique: true,
        createdAt: at,
        updatedAt: at,
      },
    });
  }
};

const mailTo = async (to: string) => {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    const found = smtp.messages.find((mail) => mail.to.includes(to));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no e-mail to ${to}`);
};

const snapshot = (name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

const kpi = (name: string) => page.locator(`[data-kpi="${name}"] .kpi-value`);

/** The signed-in partner's view of the API, to compare the pages with. */
const portalApi = async (path: string) => {
  const jwt = await page.evaluate('sessionStorage.getItem("partners.portal.jwt")');
  const response = await app
    .request()
    .get(`/api/partners/portal${path}`)
    .set('Authorization', `Bearer ${jwt}`);
  expect(response.status).toBe(200);
  return response.body;
};

const downloadFrom = async (trigger: () => Promise<void>) => {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), content: readFileSync(path) };
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  smtp = await startSmtpServer();
  process.env.SMTP_PORT = String(smtp.port);
  app = await startStrapi();
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  program = await createProgram(app.strapi, {
    name: 'Acme Cloud',
    applicationMode: 'approval',
    // Two-tier: the dashboard and the team page show a recruit link, the apply page takes it.
    tierMode: 'two-tier',
    secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
    holdDays: 0,
    commission: { type: 'percentage', bps: COMMISSION_BPS },
    referralDetail: 'first-name-last-initial',
    terms: 'Promote Acme Cloud honestly. No paid search on our brand.',
    termsVersion: '2026-01',
    landingUrl: 'https://acme.example/',
  });
  partner = await createPartner(app.strapi, { name: 'Jane Doe Media' });
  await enroll(app.strapi, partner, program);
  link = await createLink(app.strapi, partner, program, `jane${Date.now().toString(36)}`);
  await seedClicks(program);
  await app.strapi.db.query(uid('asset')).create({
    data: {
      program: program.id,
      title: 'Launch announcement copy',
      description: 'Two paragraphs for your newsletter.',
      type: 'copy',
      url: 'https://acme.example/press/launch',
    },
  });

  const now = new Date();
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 12));
  statementMonth = previous.toISOString().slice(0, 7);
  const apiToken = await createApiToken(app.strapi);
  for (const [index, order] of ORDERS.entries()) {
    const paidAt = new Date(previous.getTime() + index * DAY_MS);
    await app
      .request()
      .post('/api/partners/orders')
      .set('Authorization', `Bearer ${apiToken}`)
      .send(
        orderBody({
          referralCode: link.code,
          amount: order.amount,
          customerName: order.customerName,
          paidAt: paidAt.toISOString(),
        })
      )
      .expect(201);
    // No holding period: the approval job approves it an hour later, within that month.
    await app.strapi
      .plugin('partners')
      .service('commissions')
      .approveDue(new Date(paidAt.getTime() + 3_600_000).toISOString());
  }

  const admin = await adminToken(app, 'strapi-super-admin');
  await app
    .request()
    .post(`/partners/partners/${partner.documentId}/invite`)
    .set('Authorization', `Bearer ${admin}`)
    .send({ data: {} })
    .expect(201);
  const mail = await mailTo(partner.email);
  const path = /\/partner-portal\/invitation#[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
  if (!path) throw new Error(`no invitation link in: ${mail.text}`);
  invitationUrl = `${origin}${path}`;

  browser = await launchChromium();
  context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
  await smtp?.close();
});

describe('the partner portal in Chromium', () => {
  it('accepts the mailed invitation: terms shown, password set, signed in', async () => {
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(invitationUrl);
    await page.getByRole('heading', { name: `Welcome, ${partner.name}` }).waitFor();
    expect(await page.locator('.terms-text').innerText()).toContain('No paid search');
    expect(await page.locator('.terms').innerText()).toContain('version 2026-01');
    await snapshot('invitation');

    await page.fill('input[name="password"]', PASSWORD);
    await page.fill('input[name="confirmation"]', PASSWORD);
    const accept = page.getByRole('button', { name: 'Accept and continue' });
    expect(await accept.isDisabled()).toBe(true);
    await page.check('input[name="acceptTerms"]');
    await accept.click();
    await kpi('clicks').filter({ hasNotText: '…' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/partner-portal\/?$/);
    // No CSP violation or script error on the way.
    expect(errors).toEqual([]);
  });

  it('signs out, and back in with the new password', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await snapshot('login');
    await page.fill('input[name="email"]', partner.email);
    await page.fill('input[name="password"]', 'not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/not correct/);

    await page.fill('input[name="password"]', PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await kpi('clicks').filter({ hasNotText: '…' }).waitFor();
  });

  it('shows the seeded totals and switches the chart between 7 days, 4 weeks and 6 months', async () => {
    const expectRange = async (clicks: number, points: number) => {
      await page.waitForSelector(`.chart[data-points="${points}"]`);
      await page.waitForFunction(
        `document.querySelector('[data-kpi="clicks"] .kpi-value')?.textContent === '${clicks}'`
      );
    };
    // 4 weeks by default: 28 daily points.
    await expectRange(5, 28);
    // The seeded orders' entries are approved: none pending, all of them approved, not paid.
    expect(await kpi('approved').innerText()).toBe(formatMoney(unpaid, 'USD'));
    expect(await kpi('pending').innerText()).toBe(formatMoney(0, 'USD'));
    expect(await page.locator('[data-kpi="clicks"] .kpi-period').innerText()).toBe('Last 4 weeks');
    await snapshot('dashboard');

    await page.getByRole('tab', { name: '7 days' }).click();
    await expectRange(3, 7);
    await page.getByRole('tab', { name: '6 months' }).click();
    await expectRange(9, 26);
    expect(await kpi('referrals').innerText()).toBe(String(ORDERS.length));
    expect(await kpi('customers').innerText()).toBe(String(ORDERS.length));
    expect(await kpi('approved').innerText()).toBe(formatMoney(unpaid, 'USD'));
    expect(await page.locator('[data-kpi="customers"] .kpi-period').innerText()).toBe(
      'Last 6 months'
    );
    const stats = (await portalApi('/stats?range=6m')).data;
    expect(stats.totals.clicks).toBe(9);
    expect(page.locator('.recharts-surface').first()).toBeTruthy();
    await snapshot('dashboard-6m');
  });

  it('copies a tracking link and builds a deep link', async () => {
    const links = (await portalApi('/links')).data as Row[];
    expect(links).toHaveLength(1);
    const row = page.locator(`[data-link="${link.code}"]`);
    expect(await row.locator('.link-url').innerText()).toBe(links[0].url);
    await row.getByRole('button', { name: 'Copy' }).click();
    await row.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(links[0].url);

    await page.fill('input[name="to"]', '/pricing?plan=pro');
    await page.getByRole('button', { name: 'Build link' }).click();
    const built = page.locator('.link-builder .built-link code');
    await built.waitFor();
    const url = new URL(await built.innerText());
    expect(url.href).toContain('pricing');
    expect(url.href).toContain(link.code);
  });

  it('adds a labelled deep link within the program’s limit, then disables it', async () => {
    await page.getByRole('button', { name: 'Add link' }).click();
    const form = page.getByRole('form', { name: 'Add link' });
    await form.locator('input[name="label"]').fill('Newsletter');
    await form.locator('input[name="path"]').fill('/pricing');
    expect(await form.locator('input[name="code"]').count()).toBe(0);
    await snapshot('links-add');
    await form.getByRole('button', { name: 'Add link' }).click();
    const row = page.locator('[data-link="jane-doe-media"]');
    await row.waitFor();
    expect(await row.locator('.link-label').innerText()).toContain('Newsletter');
    const added = ((await portalApi('/links')).data as Row[]).find(
      (entry) => entry.code === 'jane-doe-media'
    );
    expect(added).toMatchObject({ label: 'Newsletter', path: '/pricing', origin: 'partner' });
    await snapshot('links-added');

    await row.getByRole('button', { name: 'Disable' }).click();
    await row.getByText('Disabled', { exact: true }).waitFor();
    const links = (await portalApi('/links')).data as Row[];
    expect(links.map((entry) => [entry.code, entry.status])).toEqual([
      [link.code, 'active'],
      ['jane-doe-media', 'disabled'],
    ]);
    await snapshot('links-disabled');
  });

  it('fits a 390 px phone: the navigation collapses behind a menu button', async () => {
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(200);
    const nav = page.getByRole('navigation', { name: 'Portal' });
    expect(await nav.isVisible()).toBe(false);
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await snapshot('dashboard-phone');
    await page.getByRole('button', { name: 'Open menu' }).click();
    expect(await nav.isVisible()).toBe(true);
    await snapshot('dashboard-phone-menu');
    await nav.getByRole('link', { name: 'Commissions' }).click();
    await page.getByRole('heading', { name: 'Commissions' }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    await page.locator('table.commissions tbody tr').first().waitFor();
    await snapshot('commissions-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('lists referrals as the program allows, and commissions with their explanation', async () => {
    await page.getByRole('link', { name: 'Referrals' }).click();
    await page.locator('tbody tr').first().waitFor();
    const referrals = (await portalApi('/referrals')).data as Row[];
    expect(referrals).toHaveLength(ORDERS.length);
    const text = await page.locator('table').innerText();
    for (const referral of referrals) expect(text).toContain(referral.id);
    for (const order of ORDERS) {
      expect(text).toContain(order.shown);
      expect(text).not.toContain(order.customerName);
    }
    expect(text).not.toContain('@shop.test');
    await snapshot('referrals');

    await page.getByRole('link', { name: 'Commissions' }).click();
    await page.locator('table.commissions tbody tr').first().waitFor();
    const commissions = (await portalApi('/commissions')).data as Row[];
    expect(commissions).toHaveLength(ORDERS.length);
    const table = await page.locator('table.commissions').innerText();
    for (const commission of commissions) {
      expect(table).toContain(formatMoney(commission.amount, 'USD'));
      expect(table).toContain(commission.explanation.summary);
    }
    const csv = await downloadFrom(() =>
      page.getByRole('button', { name: 'Download CSV' }).click()
    );
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.content.toString('utf8').trim().split('\n')).toHaveLength(ORDERS.length + 1);
    await snapshot('commissions');
  });

  it('shows the month’s statement and downloads it as CSV and PDF', async () => {
    await page.getByRole('link', { name: 'Statements' }).click();
    const statement = page.locator(`[data-statement="${statementMonth}"]`);
    await statement.waitFor();
    expect(await statement.innerText()).toContain(formatMoney(unpaid, 'USD'));
    await snapshot('statements');

    const csv = await downloadFrom(() =>
      page.getByRole('button', { name: `Download ${statementMonth} CSV` }).click()
    );
    expect(csv.name).toContain(statementMonth);
    expect(csv.content.toString('utf8')).toContain((unpaid / 100).toFixed(2));

    const pdf = await downloadFrom(() =>
      page.getByRole('button', { name: `Download ${statementMonth} PDF` }).click()
    );
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.content.length).toBeGreaterThan(1000);
  });

  it('adds PayPal, then a US bank account (last four only) and makes it active', async () => {
    await page.getByRole('link', { name: 'Payouts' }).click();
    await page.getByText('No payout method yet').waitFor();
    await page.getByRole('button', { name: 'Add a method' }).click();
    await page.check('input[value="paypal"]');
    await page.fill('input[name="paypalEmail"]', 'jane@paypal.test');
    await page.fill('input[name="currentPassword"]', 'wrong-password');
    await page.getByRole('button', { name: 'Save payout method' }).click();
    await page.getByText('The password is not correct').waitFor();
    await page.fill('input[name="currentPassword"]', PASSWORD);
    await page.getByRole('button', { name: 'Save payout method' }).click();
    await page.locator('.payout-method[data-method="paypal"]').waitFor();
    expect(await page.locator('.payout-method').innerText()).toContain('jane@paypal.test');
    expect((await portalApi('/payout-method')).data).toEqual({
      type: 'paypal',
      email: 'jane@paypal.test',
    });

    await page.getByRole('button', { name: 'Add another method' }).click();
    await page.check('input[value="bank"]');
    await page.fill('input[name="holder"]', 'Jane Doe');
    await page.fill('input[name="routingNumber"]', '011000015');
    await page.fill('input[name="accountNumber"]', '000123456789');
    await page.fill('input[name="currentPassword"]', PASSWORD);
    await snapshot('payout-method-form');
    await page.getByRole('button', { name: 'Save payout method' }).click();
    await page.locator('.payout-method[data-method="bank"]').waitFor();
    expect(await page.locator('.payout-method[data-method="bank"]').innerText()).toContain(
      '••••6789'
    );
    await page.getByRole('button', { name: /^Make US bank account .* active$/ }).click();
    await page.fill('input[name="currentPassword"]', PASSWORD);
    await page.getByRole('button', { name: 'Confirm switch' }).click();
    await page.locator('.payout-method[data-method="bank"][data-active="true"]').waitFor();
    expect((await portalApi('/payout-method')).data).toEqual({
      type: 'bank',
      holder: 'Jane Doe',
      last4: '6789',
    });
    expect(await page.content()).not.toContain('000123456789');
    await snapshot('payouts');
  });

  it('adds a lead and registers a deal', async () => {
    await page.getByRole('link', { name: 'Leads & deals' }).click();
    await page.getByRole('heading', { name: 'Add a lead' }).waitFor();
    const leadForm = page.locator('form', { has: page.getByRole('button', { name: 'Add lead' }) });
    await leadForm.getByLabel('Email').fill('lena@prospect.test');
    await leadForm.getByLabel('First name').fill('Lena');
    await leadForm.getByLabel('Last name').fill('Olsen');
    await leadForm.getByRole('button', { name: 'Add lead' }).click();
    await page.getByText('Lead added.').waitFor();

    const dealForm = page.locator('form', {
      has: page.getByRole('button', { name: 'Register deal' }),
    });
    await dealForm.getByLabel('Company').fill('Globex');
    await dealForm.getByLabel('Contact name').fill('Hank Scorpio');
    await dealForm.getByLabel('Contact email').fill('hank@globex.test');
    await dealForm.getByLabel('Estimated value (USD)').fill('12,500.50');
    await dealForm.getByRole('button', { name: 'Register deal' }).click();
    await page.getByText('Deal registered').waitFor();
    await page.getByRole('cell', { name: 'Globex', exact: true }).waitFor();
    expect(await page.locator('table').last().innerText()).toContain('$12,500.50');

    const [deal] = (await portalApi('/deals')).data as Row[];
    expect(deal).toMatchObject({ company: 'Globex', estimatedValue: 1_250_050, currency: 'USD' });
    const leads = (await portalApi('/leads')).data as Row[];
    expect(leads).toHaveLength(1);
    expect(leads[0].source).toBe('lead');
    expect(await page.locator('table').first().innerText()).toContain(leads[0].name ?? leads[0].id);
    await snapshot('leads-deals');
  });

  it('shows the marketing assets and the team with the recruit link', async () => {
    await page.getByRole('link', { name: 'Assets' }).click();
    await page.getByRole('heading', { name: 'Launch announcement copy' }).waitFor();
    expect(await page.locator('.asset').innerText()).toContain('Two paragraphs');
    await snapshot('assets');

    await page.getByRole('link', { name: 'Team' }).click();
    await page.locator('.member-list li').first().waitFor();
    expect(await page.locator('.member-list').innerText()).toContain(partner.email);
    const { recruitUrl } = (await portalApi('/me')).data;
    expect(recruitUrl).toContain(`/partner-portal/apply/${program.slug}?recruit=`);
    await page.locator('.built-link code').waitFor();
    expect(await page.locator('.built-link code').innerText()).toBe(recruitUrl);
    expect(await page.locator('.notice-error').count()).toBe(0);
    await snapshot('team');
  });

  it('takes an application on the public apply page', async () => {
    const visitor = await context.newPage();
    await visitor.goto(`${origin}/partner-portal/apply/${program.slug}?recruit=${link.code}`);
    await visitor.getByRole('heading', { name: 'Apply to Acme Cloud' }).waitFor();
    await visitor.getByLabel('Full name').fill('Sam Creator');
    await visitor.getByLabel('Email').fill('sam@creators.test');
    await visitor.getByLabel('Website (optional)').fill('https://sam.example');
    await visitor.getByLabel('I accept the program terms.').check();
    await visitor.screenshot({ path: join(ARTIFACTS, 'apply.png'), fullPage: true });
    await visitor.getByRole('button', { name: 'Send application' }).click();
    await visitor.getByRole('heading', { name: 'Application received' }).waitFor();
    const applicant = await app.strapi.db
      .query(uid('partner'))
      .findOne({ where: { email: 'sam@creators.test' }, populate: { referredBy: true } });
    expect(applicant).toMatchObject({ state: 'applied', referredBy: { id: partner.id } });
    await visitor.close();
  });

  it('sends a visitor with an expired session back to the login page', async () => {
    await page.evaluate('sessionStorage.setItem("partners.portal.jwt", "not-a-jwt")');
    await page.goto(`${origin}/partner-portal/commissions`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/partner-portal/login');
  });
});
