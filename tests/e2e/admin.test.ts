import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { uid } from '../../plugin/model';
import { createPartner, createProgram } from '../helpers/fixtures';
import type { TestApp } from '../helpers/strapi';
import { ADMIN, type AdminWorld, startAdminWorld } from './admin-world';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The admin pages in Chromium, against the playground's built admin panel (SPEC §9): the first
 * admin signs in, creates a two-tier program, approves an application, approves commissions in
 * bulk, exports them as CSV and reads the overview under each filter. Every page is screenshot
 * into tests/artifacts/admin/.
 */

const ARTIFACTS = join(__dirname, '..', 'artifacts', 'admin');

let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let origin: string;
/** The seeded data (./admin-world.ts). */
let world: AdminWorld;

const db = (name: Parameters<typeof uid>[0]) => app.strapi.db.query(uid(name));

/** A screenshot once dialogs and toasts have finished animating in. */
const shot = async (name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
};

/** Opens a page of the plugin and waits until its header shows (a screenshot when it does not). */
const open = async (path: string, heading: string) => {
  await page.goto(`${origin}/admin/plugins/partners${path}`);
  try {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  } catch (error) {
    await page.screenshot({ path: join(ARTIFACTS, `failed-${heading.replace(/\W+/g, '-')}.png`) });
    throw error;
  }
};

/** Waits for the answer of the admin route under `/partners` whose address matches. */
const answerOf = (pattern: RegExp) =>
  page.waitForResponse((response) =>
    pattern.test(new URL(response.url()).pathname + new URL(response.url()).search)
  );

/** Picks `option` in the design-system select labelled `label`. */
const choose = async (label: string, option: string | RegExp) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
};

const kpi = (id: string) => page.locator(`[data-kpi="${id}"] [data-value]`).innerText();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  world = await startAdminWorld();
  ({ app, origin } = world);

  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
}, 900_000);

// A fresh tab per test (the session is the context's cookie): one test's dialogs or pending
// requests never reach the next.
beforeEach(async () => {
  await page?.close();
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the admin pages, in Chromium against the built admin panel', () => {
  it('signs in and lists the plugin in the main menu', async () => {
    await page.goto(`${origin}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: 'Partners' }).first().waitFor();
    await page.getByRole('link', { name: 'Partners' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/plugins/partners');
  });

  it('shows the overview, and each filter narrows it', async () => {
    const first = answerOf(/^\/partners\/overview/);
    await open('', 'Overview');
    expect((await first).status()).toBe(200);
    await page.locator('[data-kpi="clicks"]').waitFor();
    expect(await kpi('clicks')).toBe('3');
    expect(await kpi('referrals')).toBe('3');
    // Every card names its period; conversion and click-to-customer are two cards.
    const period = (id: string) => page.locator(`[data-kpi="${id}"] [data-period]`).innerText();
    expect(await period('referrals')).toMatch(/^Created .+ – .+/);
    expect(await period('revenue')).toMatch(/^Paid .+ – .+/);
    expect(await period('activation')).toMatch(/^Joined .+ – .+/);
    expect(Number.parseFloat(await kpi('conversionRate'))).toBeLessThanOrEqual(100);
    expect(await kpi('clickToCustomer')).toMatch(/%$/);
    await page.locator('[data-chart="activity"] svg').first().waitFor();
    await shot('overview');

    // The program filter through its menu: the address and the request carry it.
    const byProgram = answerOf(/^\/partners\/overview\?.*program=acme-books/);
    await choose('Program', 'Acme Books');
    expect((await byProgram).status()).toBe(200);
    expect(new URL(page.url()).searchParams.get('program')).toBe('acme-books');
    await page.waitForFunction(
      'document.querySelector(\'[data-kpi="referrals"] [data-value]\')?.textContent === "0"'
    );
    await shot('overview-program');

    // Every other filter, from the address (as a bookmarked or shared view opens).
    const today = new Date().toISOString().slice(0, 10);
    const cases: Array<[string, Record<string, string>, string]> = [
      ['dates', { from: today, to: today }, '3'],
      ['tier', { tier: 'silver' }, '1'],
      ['partner', { partner: world.gold.documentId }, '2'],
      ['dates-before', { from: '2020-01-01', to: '2020-01-31' }, '0'],
    ];
    for (const [name, filters, referrals] of cases) {
      const answer = answerOf(/^\/partners\/overview/);
      await page.goto(`${origin}/admin/plugins/partners?${new URLSearchParams(filters)}`);
      const response = await answer;
      expect(response.status()).toBe(200);
      const sent = new URL(response.url()).searchParams;
      for (const [key, value] of Object.entries(filters)) expect(sent.get(key)).toBe(value);
      await page.waitForFunction(
        `document.querySelector('[data-kpi="referrals"] [data-value]')?.textContent === ${JSON.stringify(referrals)}`
      );
      await shot(`overview-${name}`);
    }
  });

  it('creates a two-tier program, previewing what it pays, with its referral visibility', async () => {
    await open('/programs', 'Programs');
    await shot('programs');
    await page.getByRole('button', { name: 'Create a program' }).click();
    await page.getByRole('heading', { level: 1, name: 'New program' }).waitFor();
    await page.locator('input[name="name"]').fill('Acme Partners Plus');
    expect(await page.locator('input[name="slug"]').inputValue()).toBe('acme-partners-plus');
    await choose('Tiers of partners', 'Two tiers');
    await page.locator('input[name="landingUrl"]').fill('https://acme.example/');
    await page.getByRole('radio', { name: /First name and last initial/ }).click();
    await page.getByRole('checkbox', { name: 'Show purchase history' }).click();
    const linkLimit = page.locator('input[name="partnerLinkLimit"]');
    await linkLimit.fill('3');
    await page.getByRole('checkbox', { name: 'Partners choose their own codes' }).click();
    await linkLimit.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'program-partner-links.png') });

    // The live preview runs the engine on the unsaved rules: 20 % to the partner, 5 % of the sale.
    const preview = page.locator('[data-sample="0"] [data-preview-text]');
    await preview.waitFor();
    await page.waitForFunction(
      'document.querySelector(\'[data-sample="0"] [data-preview-text]\')?.textContent?.includes("$5.00")'
    );
    expect(await preview.innerText()).toContain(
      'A $100.00 order pays the partner $20.00 and the recruiter $5.00.'
    );
    await shot('program-new');

    const saved = answerOf(/^\/partners\/programs$/);
    await page.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(201);
    await page.getByRole('heading', { level: 1, name: 'Acme Partners Plus' }).waitFor();
    await shot('program-edit');

    const stored: Row = await db('program').findOne({ where: { slug: 'acme-partners-plus' } });
    expect(stored).toMatchObject({
      tierMode: 'two-tier',
      commission: { type: 'percentage', bps: 2000 },
      secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
      referralDetail: 'first-name-last-initial',
      showPurchaseHistory: true,
      showDeclinedCharges: false,
      partnerLinkLimit: 3,
      vanityCodes: true,
    });
  });

  it('sets up a per-plan qualified-customer program and a sale program that reverses on churn', async () => {
    await open('/programs/new', 'New program');
    await page.locator('input[name="name"]').fill('CTM affiliates');
    await choose('Pays for', 'Qualified customers');
    // Bounty programs cannot reverse on churn: the setting belongs to sale programs.
    expect(await page.getByRole('checkbox', { name: /Reverse held commissions/ }).count()).toBe(0);
    await page.locator('input[name="commission.amount"]').fill('39');
    const plans: Array<[string, string]> = [
      ['performance', '39'],
      ['growth', '99'],
      ['connect', '299'],
    ];
    for (const [index, [product, amount]] of plans.entries()) {
      await page.getByRole('button', { name: 'Add a product rate' }).first().click();
      await page
        .locator(
          `[name="productRates.${index}.product"] input, input[name="productRates.${index}.product"]`
        )
        .first()
        .fill(product);
      await page.locator('[data-editor="productRates"]').getByRole('combobox').nth(index).click();
      await page.getByRole('option', { name: /Flat/ }).click();
      await page.locator(`input[name="productRates.${index}.commission.amount"]`).fill(amount);
    }
    await choose('Tiers are based on', 'Customers active this month');
    await page.getByRole('button', { name: 'Add a tier' }).click();
    await page.locator('input[name="tiers.0.threshold"]').fill('25');
    await page.locator('input[name="tiers.0.commission.amount"]').fill('59');
    const preview = page.locator('[data-sample="0"] [data-preview-text]');
    await preview.waitFor();
    // The preview prices the sample customer by its plan.
    const previewSays = (text: string) =>
      page.locator('[data-sample="0"] [data-preview-text]', { hasText: text }).waitFor();
    await choose('Product (plan)', 'connect');
    await previewSays('A qualified customer pays the partner $299.00');
    await choose('Product (plan)', 'No product rate');
    await previewSays('A qualified customer pays the partner $39.00');
    await choose('Product (plan)', 'growth');
    await previewSays('A qualified customer pays the partner $99.00');
    await page.getByText('Product rates', { exact: true }).first().scrollIntoViewIfNeeded();
    await shot('program-qualified-plans');

    const saved = answerOf(/^\/partners\/programs$/);
    await page.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(201);
    await page.getByRole('heading', { level: 1, name: 'CTM affiliates' }).waitFor();
    const stored: Row = await db('program').findOne({ where: { slug: 'ctm-affiliates' } });
    expect(stored).toMatchObject({
      trigger: 'qualified-customer',
      commission: { type: 'flat', amount: 3900 },
      productRates: [
        { product: 'performance', commission: { type: 'flat', amount: 3900 } },
        { product: 'growth', commission: { type: 'flat', amount: 9900 } },
        { product: 'connect', commission: { type: 'flat', amount: 29900 } },
      ],
      tierMetric: 'active-customers-in-month',
      tiers: [{ threshold: 25, commission: { type: 'flat', amount: 5900 } }],
      reverseOnChurn: false,
    });

    await choose('Pays for', 'Sales');
    await page.getByRole('checkbox', { name: /Reverse held commissions/ }).click();
    await page.getByRole('checkbox', { name: /Reverse held commissions/ }).scrollIntoViewIfNeeded();
    await shot('program-reverse-on-churn');
    const updated = answerOf(/^\/partners\/programs\/[^/]+$/);
    await page.getByRole('button', { name: 'Save' }).click();
    expect((await updated).status()).toBe(200);
    expect(await db('program').findOne({ where: { slug: 'ctm-affiliates' } })).toMatchObject({
      trigger: 'sale',
      reverseOnChurn: true,
    });
  });

  it('approves an application', async () => {
    await open('/partners?tab=applications', 'Partners');
    const row = page.locator('[data-application="alex@applicant.test"]');
    await row.waitFor();
    await shot('partners-applications');
    await row.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('alertdialog').waitFor();
    await shot('partners-approve-dialog');
    const decided = answerOf(/^\/partners\/partners\/[^/]+\/approve$/);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Approve' }).click();
    expect((await decided).status()).toBe(200);
    await row.waitFor({ state: 'detached' });
    // No mail server here: the dialog says so, with the reason and the link to copy.
    const notice = page.locator('[data-invitation-notice="not-mailed"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Invitation e-mail not sent: connect ECONNREFUSED');
    await shot('partners-approved-not-sent');

    const partner: Row = await db('partner').findOne({ where: { id: world.applicant.id } });
    expect(partner.state).toBe('approved');
    const applied: Row = await db('enrollment').findOne({
      where: { partner: world.applicant.id },
    });
    expect(applied.state).toBe('approved');

    await open('/partners', 'Partners');
    await shot('partners');
    await page.getByText('Grace Gold').first().click();
    await page.getByRole('heading', { level: 1, name: 'Grace Gold' }).waitFor();
    await shot('partner');

    // Grace's own rate in Acme Cloud, above every rate of the program.
    await page.getByRole('tab', { name: 'Programs' }).click();
    await page.getByRole('button', { name: 'Change the rate' }).first().click();
    const modal = page.getByRole('dialog');
    await modal.getByRole('checkbox', { name: 'Own rate' }).click();
    await modal.locator('input[name="commissionOverride.percent"]').fill('25');
    await shot('partner-own-rate');
    const updated = answerOf(/^\/partners\/partners\/[^/]+$/);
    await modal.getByRole('button', { name: 'Save' }).click();
    expect((await updated).status()).toBe(200);
    const enrollment: Row = await db('enrollment').findOne({
      where: { partner: world.gold.id, program: world.program.id },
    });
    expect(enrollment.commissionOverride).toEqual({ type: 'percentage', bps: 2500 });
    await page.getByRole('tab', { name: 'Payouts' }).click();
    await page.locator('[data-section="statements"]').waitFor();
    await shot('partner-payouts');
  });

  it('lists a partner’s links, adds one with its own code and disables it', async () => {
    await open(`/partners/${world.gold.documentId}`, 'Grace Gold');
    await page.getByRole('tab', { name: 'Links' }).click();
    await page.getByText(/\/grace$/).waitFor();
    await shot('partner-links');

    await page.getByRole('button', { name: 'Add link' }).click();
    const modal = page.getByRole('dialog');
    await modal.locator('input[name="code"]').fill('Grace-VIP');
    await modal.locator('input[name="label"]').fill('VIP list');
    await modal.locator('input[name="path"]').fill('/vip');
    await shot('partner-links-add');
    const added = answerOf(/^\/partners\/partners\/[^/]+\/links$/);
    await modal.getByRole('button', { name: 'Add link' }).click();
    expect((await added).status()).toBe(201);
    const row = page.getByRole('row', { name: /grace-vip/ });
    await row.waitFor();
    const link: Row = await db('link').findOne({ where: { code: 'grace-vip' } });
    expect(link).toMatchObject({ label: 'VIP list', path: '/vip', origin: 'admin' });

    const disabled = answerOf(/^\/partners\/links\/[^/]+$/);
    await row.getByRole('button', { name: 'Disable' }).click();
    expect((await disabled).status()).toBe(200);
    await row.getByRole('button', { name: 'Enable' }).waitFor();
    expect((await db('link').findOne({ where: { id: link.id } })).disabledAt).not.toBeNull();
    await shot('partner-links-disabled');
  });

  it('adds a partner by hand, and hands over its invitation link when no e-mail goes out', async () => {
    await open('/partners', 'Partners');
    await page.getByRole('button', { name: 'Add partner' }).click();
    const modal = page.getByRole('dialog');
    await modal.locator('input[name="name"]').fill('Rita Reseller');
    await modal.locator('input[name="email"]').fill('rita@reseller.test');
    await modal.locator('input[name="company"]').fill('Rita Resells Ltd');
    await choose('Type', 'Reseller');
    await modal.locator('input[name="tier"]').fill('silver');
    await page.getByRole('combobox', { name: 'Programs' }).click();
    await page.getByRole('option', { name: 'Acme Cloud' }).click();
    await page.keyboard.press('Escape');
    await modal.locator('input[name="agreementVersion"]').fill('Reseller agreement 2026');
    await shot('partners-add-form');
    const added = answerOf(/^\/partners\/partners$/);
    await modal.getByRole('button', { name: 'Add partner' }).click();
    expect((await added).status()).toBe(201);

    const notice = modal.locator('[data-invitation-notice="not-mailed"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Invitation e-mail not sent: connect ECONNREFUSED');
    const link = await modal.locator('input[name="invitationLink"]').inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/partner-portal\/invitation#[\w-]{43}$/);
    await shot('partners-add-not-sent');
    const partner: Row = await db('partner').findOne({
      where: { email: 'rita@reseller.test' },
      populate: { enrollments: true },
    });
    expect(partner).toMatchObject({ state: 'approved', type: 'reseller', tier: 'silver' });
    expect(partner.enrollments[0]).toMatchObject({
      state: 'approved',
      termsVersionAccepted: 'Reseller agreement 2026',
    });

    // Later, from the partner's Portal access tab: the open invitation's link, copied again.
    await modal.getByRole('button', { name: 'Open partner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rita Reseller' }).waitFor();
    await page.getByRole('tab', { name: 'Portal access' }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    const again = page.locator('[data-invitation-notice="link"]');
    await again.waitFor();
    expect(await again.locator('input[name="invitationLink"]').inputValue()).toBe(link);
    await shot('partner-access-copy-link');

    await open('/settings', 'Settings');
    const delivery = page.locator('[data-section="delivery"]');
    await delivery.getByText('connect ECONNREFUSED', { exact: false }).waitFor();
    expect(await delivery.innerText()).toContain('nodemailer');
    await shot('settings-delivery');
    // Keys with their source: Strapi's ENCRYPTION_KEY stands in for the plugin's own key.
    const keys = page.locator('[data-config="partners"]');
    await keys.scrollIntoViewIfNeeded();
    // textContent: the badges are upper case by CSS only.
    expect(await keys.textContent()).toContain('Derived from admin ENCRYPTION_KEY (fallback)');
    expect(await page.locator('[data-config="tracking"]').textContent()).toContain(
      'Set (tracking.ipSalt)'
    );
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(ARTIFACTS, 'settings-keys.png') });
  });

  it('approves commissions in bulk, explains one, and exports the ledger as CSV', async () => {
    const listed = answerOf(/^\/partners\/commissions/);
    await open('/commissions', 'Commissions');
    expect((await listed).status()).toBe(200);
    const pending: Row[] = await db('commission').findMany({
      where: { state: 'pending' },
      orderBy: { id: 'asc' },
    });
    expect(pending).toHaveLength(3);
    await page.locator(`[data-commission="${pending[0].documentId}"]`).waitFor();
    await shot('commissions');

    const picked = pending.slice(0, 2).map((entry) => entry.documentId as string);
    for (const id of picked)
      await page.getByRole('checkbox', { name: `Select entry ${id}` }).click();
    await page.locator('[data-bulk-actions]').getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('alertdialog').waitFor();
    const approved = answerOf(/^\/partners\/commissions\/approve$/);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
    const response = await approved;
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ data: { updated: 2, skipped: 0 } });
    await page.locator('[data-bulk-actions]').waitFor({ state: 'detached' });

    const after: Row[] = await db('commission').findMany({ orderBy: { id: 'asc' } });
    const statusOf = new Map(after.map((entry) => [entry.documentId, entry.state]));
    expect(picked.map((id) => statusOf.get(id))).toEqual(['approved', 'approved']);
    expect(statusOf.get(pending[2].documentId)).toBe('pending');

    // The explanation of an entry, in a modal.
    await page.locator(`[data-commission="${pending[2].documentId}"]`).click();
    const explanation = page.getByRole('dialog').locator('[data-explanation]');
    await explanation.waitFor();
    expect(await explanation.innerText()).toContain('20');
    await shot('commission-explanation');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();

    // The CSV of the filtered ledger downloads with the admin's session.
    await page.goto(`${origin}/admin/plugins/partners/commissions?status=approved`);
    await page.locator(`[data-commission="${picked[0]}"]`).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toMatch(/^"?id"?,/);
    expect(csv).toHaveLength(3);
    expect(picked.every((id) => csv.some((line) => line.includes(id)))).toBe(true);
  });

  it('shows every other page like Strapi’s own', async () => {
    const pages: Array<[string, string, string]> = [
      ['/referrals', 'Referrals & deals', 'referrals'],
      ['/referrals?tab=deals', 'Referrals & deals', 'deals'],
      ['/orders', 'Orders', 'orders'],
      ['/payouts', 'Payouts', 'payouts'],
      ['/assets', 'Assets', 'assets'],
      ['/settings', 'Settings', 'settings'],
    ];
    for (const [path, heading, name] of pages) {
      await open(path, heading);
      await page.waitForLoadState('networkidle');
      await shot(name);
    }
  });

  it('fits the Commissions and Orders tables in a 1440 px wide window', async () => {
    // Real-life lengths: a long partner, program, customer and order id.
    const program = await createProgram(app.strapi, {
      name: 'Acme Cloud Enterprise Partner Program',
      slug: 'acme-cloud-enterprise',
    });
    const partner = await createPartner(app.strapi, {
      name: 'Maximilian Featherstonehaugh-Worthington Consulting GmbH',
    });
    const order = await db('order').create({
      data: {
        externalId: 'ord_2026_1M8x7TqL3vP9kR2sW5yZ0aB4cD6eF8gH',
        amount: 1234599,
        currency: 'USD',
        refundedAmount: 34500,
        state: 'partially-refunded',
        paidAt: new Date(),
        partnerId: partner.id,
        programId: program.id,
        customerName: 'Bartholomew Alexander Montgomery-Fitzgerald III',
        customerEmail: 'bartholomew.montgomery-fitzgerald@example-enterprise.test',
        source: 'api',
      },
    });
    await db('commission').create({
      data: {
        partnerId: partner.id,
        programId: program.id,
        orderId: order.id,
        level: 1,
        kind: 'sale',
        basisAmount: 1234599,
        amount: 246920,
        currency: 'USD',
        state: 'pending',
        idempotencyKey: `wide-${order.id}`,
        explanation: { summary: '20% of $12,345.99 = $2,469.20 (program rate)', steps: [] },
      },
    });
    for (const [path, heading, row] of [
      ['/commissions', 'Commissions', '[data-commission]'],
      ['/orders', 'Orders', 'tbody tr'],
    ]) {
      await open(path, heading);
      await page.locator(row).first().waitFor();
      await page.waitForLoadState('networkidle');
      await shot(`${heading.toLowerCase()}-1440`);
      const overflow = await page.evaluate<Array<[string, number, number]>>(
        `[['page', document.documentElement.scrollWidth, window.innerWidth],
            ...[...document.querySelectorAll('table')].map((table) =>
              ['table', table.scrollWidth, table.parentElement.clientWidth])]`
      );
      for (const [what, width, room] of overflow) {
        expect([path, what, width <= room]).toEqual([path, what, true]);
      }
    }
  });

  it('hides from a Program Manager what the role may not do', async () => {
    const role: Row = await app.strapi.db
      .query('admin::role')
      .findOne({ where: { name: 'Program Manager' } });
    const manager = { email: 'manager@acme.test', password: 'Manager-pass-1' };
    await app.strapi.service('admin::user').create({
      ...manager,
      firstname: 'Max',
      lastname: 'Manager',
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    const own = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const view = await own.newPage();
    await view.goto(`${origin}/admin/auth/login`);
    await view.locator('input[name="email"]').fill(manager.email);
    await view.locator('input[name="password"]').fill(manager.password);
    await view.getByRole('button', { name: 'Login' }).click();
    await view.waitForURL(/\/admin\/?$/);

    await view.goto(`${origin}/admin/plugins/partners/commissions`);
    const nav = view.getByRole('navigation', { name: 'Partners' });
    await view.locator('[data-commission]').first().waitFor();
    for (const link of ['Overview', 'Programs', 'Commissions', 'Assets']) {
      expect(await nav.getByRole('link', { name: link }).count()).toBe(1);
    }
    for (const link of ['Payouts', 'Settings']) {
      expect(await nav.getByRole('link', { name: link }).count()).toBe(0);
    }
    // Reading the ledger, but no approving: no selection, no bulk actions.
    expect(await view.getByRole('checkbox').count()).toBe(0);
    await view.screenshot({ path: join(ARTIFACTS, 'program-manager-commissions.png') });

    await view.goto(`${origin}/admin/plugins/partners/payouts`);
    await view
      .getByText(/permissions/i)
      .first()
      .waitFor();
    expect(await view.getByRole('heading', { level: 1, name: 'Payouts' }).count()).toBe(0);

    await view.goto(`${origin}/admin/plugins/partners/programs`);
    await view.getByRole('button', { name: 'Create a program' }).waitFor();
    await own.close();
  });
});
