import { mkdtempSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import {
  CREATE_STRAPI_APP,
  SCAFFOLD_FLAGS,
  createStopwatch,
  freePort,
  hostEnv,
  openLog,
  removeInBackground,
  run,
  startHost,
  type RunningHost,
} from './host';
import { applyFileStep, readmeSteps } from './readme-steps';

/**
 * A host app as users make one (issue #12): create-strapi-app 5.54, the plugin from `npm pack`,
 * the README's Installation and Configuration sections applied literally (its marked code blocks,
 * see ./readme-steps.ts), `npm run build` and `npm run start`; then, in Chromium, the walk from the
 * first admin to the first commission, without the Content Manager. Prints the time of each phase
 * and the minutes from scaffold to first commission.
 *
 * Runs in CI (`CI=true`) and with `PARTNERS_HOST_APP=1` (jest.config.js); needs `npm run build`
 * first (`npm test` does it). `PARTNERS_HOST_APP_KEEP=1` keeps the app's folder afterwards.
 */

const REPO = join(__dirname, '..', '..');
const WORK = mkdtempSync(join(tmpdir(), 'partners-host-app-'));
const APP = join(WORK, 'app');
const SHOTS = join(WORK, 'screenshots');
const log = openLog(join(WORK, 'host.log'));
const clock = createStopwatch();

const ADMIN = { firstname: 'Ada', lastname: 'Owner', email: 'owner@acme.test' };
const ADMIN_PASSWORD = 'Owner-pass-2026';
const PARTNER = { company: 'Jane Media', name: 'Jane Doe', email: 'jane@jane-media.test' };
const PARTNER_PASSWORD = 'Partner-pass-2026';
/** The shop the program's links lead to; the browser answers for it (no network here). */
const SHOP = 'https://shop.acme.test/';

/** What the walk learns on its way. */
const walk = {
  port: 0,
  host: undefined as RunningHost | undefined,
  origin: '',
  apiToken: '',
  invitationUrl: '',
  linkUrl: '',
  referral: { code: '', visitorId: '' },
  /** Content Manager pages the browser opened (there must be none). */
  contentManager: [] as string[],
};

let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let failed = false;

const MIN = 60_000;

/** The plugin's own admin page at `path` (under /admin/plugins/partners). */
const adminPage = (path = '') => `${walk.origin}/admin/plugins/partners${path}`;

const shot = (name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }).catch(() => undefined);

/** Each step of the walk: on failure a screenshot and the host's log, and the later steps stop. */
const step = (name: string, timeoutMs: number, work: () => Promise<void>) =>
  it(
    name,
    async () => {
      if (failed) throw new Error('an earlier step failed');
      try {
        await clock.time(name, work);
      } catch (error) {
        failed = true;
        if (page) await shot(`failed-${name.replace(/\W+/g, '-')}`);
        process.stderr.write(
          `\nhost-app step "${name}" failed; screenshots in ${SHOTS}, log ${log.path}:\n${log.tail(150)}\n`
        );
        throw error;
      }
    },
    timeoutMs
  );

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await walk.host?.stop();
  process.stdout.write(
    `\nhost app: phases\n${clock.report()}\n` +
      `scaffold to ${failed ? 'failure' : 'end'}: ${clock.minutesSinceStart().toFixed(2)} min\n`
  );
  if (!failed && !process.env.PARTNERS_HOST_APP_KEEP) removeInBackground(WORK);
}, MIN);

describe('a host app made with create-strapi-app, following the README', () => {
  step('scaffolds the app with create-strapi-app', 15 * MIN, async () => {
    await run(`npx --yes ${CREATE_STRAPI_APP} app ${SCAFFOLD_FLAGS.join(' ')}`, {
      cwd: WORK,
      log,
      timeoutMs: 14 * MIN,
    });
    expect(readdirSync(join(APP, 'node_modules', '@strapi'))).toContain('strapi');
  });

  let tarball = '';
  step('packs the plugin', 2 * MIN, async () => {
    await run(`npm pack --pack-destination ${WORK}`, { cwd: REPO, log, timeoutMs: 2 * MIN });
    tarball = join(WORK, readdirSync(WORK).find((name) => name.endsWith('.tgz')) as string);
  });

  step("applies the README's Installation and Configuration", 10 * MIN, async () => {
    const steps = readmeSteps(readFileSync(join(REPO, 'README.md'), 'utf8'));
    expect(steps.length).toBeGreaterThan(0);
    for (const readmeStep of steps) {
      if (readmeStep.action !== 'run') {
        applyFileStep(APP, readmeStep);
        continue;
      }
      for (const command of readmeStep.commands) {
        // The packed plugin stands for the published one.
        const local = command.replace(/\bstrapi-plugin-partners\b/, tarball);
        await run(local, { cwd: APP, log, timeoutMs: 9 * MIN });
      }
    }
    expect(readdirSync(join(APP, 'node_modules'))).toContain('strapi-plugin-partners');
  });

  step('builds the admin panel', 15 * MIN, async () => {
    walk.port = await freePort();
    walk.origin = `http://localhost:${walk.port}`;
    // The port is the app's own setting (.env PORT); a free one here, for the build too (the
    // admin panel is built for server.url).
    const env = hostEnv({ NODE_ENV: 'production', PORT: String(walk.port) });
    await run('npm run build', { cwd: APP, log, env, timeoutMs: 14 * MIN });
  });

  step('starts Strapi', 5 * MIN, async () => {
    walk.host = await startHost(APP, walk.port, log, 4 * MIN);
  });

  step('registers the first admin', 5 * MIN, async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(60_000);
    await context.route(`${SHOP}**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<h1>Acme shop</h1>' })
    );
    page = await context.newPage();
    page.on('framenavigated', (frame) => {
      if (/\/admin\/content-manager\b/.test(frame.url())) walk.contentManager.push(frame.url());
    });

    await page.goto(`${walk.origin}/admin`);
    await page.waitForURL(/\/admin\/auth\/register-admin/);
    await page.locator('input[name="firstname"]').fill(ADMIN.firstname);
    await page.locator('input[name="lastname"]').fill(ADMIN.lastname);
    await page.locator('input[name="email"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await page.locator('input[name="confirmPassword"]').fill(ADMIN_PASSWORD);
    await shot('register-admin');
    await page.getByRole('button', { name: "Let's start" }).click();
    await page.getByRole('link', { name: 'Partners' }).first().waitFor();
    await shot('admin-home');
  });

  step('creates and activates a program', 5 * MIN, async () => {
    await page.getByRole('link', { name: 'Partners' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await shot('overview-empty');
    await page.goto(adminPage('/programs'));
    await page.getByRole('button', { name: 'Create a program' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New program' }).waitFor();
    await page.locator('input[name="name"]').fill('Acme Affiliates');
    await page.locator('input[name="landingUrl"]').fill(SHOP);
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Active' }).click();
    await shot('program-new');
    const saved = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/partners/programs' &&
        response.request().method() === 'POST'
    );
    await page.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(201);
    await page.getByRole('heading', { level: 1, name: 'Acme Affiliates' }).waitFor();
    await shot('program-saved');
  });

  step('creates an API token in Settings → API Tokens', 5 * MIN, async () => {
    await page.goto(`${walk.origin}/admin/settings/api-tokens`);
    await page
      .getByRole('link', { name: /Create new API Token/i })
      .first()
      .click();
    await page.locator('input[name="name"]').fill('Shop orders');
    await page.getByRole('combobox', { name: 'Token duration' }).click();
    await page.getByRole('option', { name: 'Unlimited' }).click();
    await page.getByRole('combobox', { name: 'Token type' }).click();
    await page.getByRole('option', { name: 'Full access' }).click();
    const created = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/admin/api-tokens' &&
        response.request().method() === 'POST'
    );
    await page.getByRole('button', { name: 'Save' }).click();
    const answer = await created;
    expect(answer.status()).toBe(201);
    walk.apiToken = (await answer.json()).data.accessKey;
    expect(walk.apiToken).toMatch(/^\w{32,}$/);
    await shot('api-token');

    // The documented order route takes it: an empty order is a 400, not a 401 or 403.
    const res = await fetch(`${walk.origin}/api/partners/orders`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${walk.apiToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: {} }),
    });
    expect(res.status).toBe(400);
  });

  // Awaits "add a partner by hand" and "invitation link shown when mail is not sent"
  // (issue #12): the Partners page's "Add partner", then the invitation's link in the admin.
  it.skip('adds a partner by hand and copies its invitation link', async () => {
    await page.goto(adminPage('/partners'));
    await page.getByRole('button', { name: 'Add partner' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Company').fill(PARTNER.company);
    await form.getByLabel('Contact name').fill(PARTNER.name);
    await form.getByLabel('Email').fill(PARTNER.email);
    await form.getByRole('checkbox', { name: 'Acme Affiliates' }).click();
    await shot('partner-add');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: PARTNER.company }).waitFor();
    await page.getByRole('tab', { name: 'Portal access' }).click();
    await page.getByRole('button', { name: 'Invite' }).click();
    // No e-mail provider: the admin says so, and shows the link to copy.
    await page
      .getByText(/not sent/i)
      .first()
      .waitFor();
    walk.invitationUrl = await page.locator('[data-invitation-url]').first().innerText();
    expect(walk.invitationUrl).toMatch(/\/partner-portal\/invitation#\S+$/);
    await shot('partner-invitation');
  });

  // Awaits the invitation link above, and "a partner's default link created on approval".
  it.skip("sets the partner's password and sees its link in the portal", async () => {
    await page.goto(walk.invitationUrl);
    await page.locator('input[name="password"]').fill(PARTNER_PASSWORD);
    await page.locator('input[name="confirmation"]').fill(PARTNER_PASSWORD);
    await page.locator('input[name="acceptTerms"]').check();
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    const link = page.locator('.link-row').first();
    await link.waitFor();
    walk.linkUrl = await link.locator('.link-url').innerText();
    await shot('portal-dashboard');
  });

  // Awaits the partner's link.
  it.skip('follows the link to the shop, with the referral in the address', async () => {
    const visitor = await browser!.newContext();
    await visitor.route(`${SHOP}**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<h1>Acme shop</h1>' })
    );
    const tab = await visitor.newPage();
    await tab.goto(walk.linkUrl);
    await tab.waitForURL(`${SHOP}**`);
    const landed = new URL(tab.url());
    walk.referral = {
      code: landed.searchParams.get('ref') ?? '',
      visitorId: landed.searchParams.get('pvid') ?? '',
    };
    expect(walk.referral.code).not.toBe('');
    await visitor.close();
  });

  // Awaits the redirect above.
  it.skip('sends the order through the documented API and finds the commission', async () => {
    const res = await fetch(`${walk.origin}/api/partners/orders`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${walk.apiToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        data: {
          externalId: 'ord_1001',
          amount: 10000,
          currency: 'USD',
          referralCode: walk.referral.code,
          visitorId: walk.referral.visitorId,
          customerEmail: 'ada@example.com',
        },
      }),
    });
    expect(res.status).toBe(201);

    await page.goto(`${walk.origin}/partner-portal/commissions`);
    await page.locator('table.commissions').getByText('$20.00').first().waitFor();
    await shot('portal-commissions');
    const minutes = clock.minutesSinceStart();
    process.stdout.write(`\nscaffold to first commission: ${minutes.toFixed(2)} min\n`);

    await page.goto(adminPage('/commissions'));
    await page.locator('[data-commission]').first().waitFor();
    expect(await page.locator('[data-commission]').first().innerText()).toContain('$20.00');
    await shot('admin-commissions');
  });

  step('never opened the Content Manager', MIN, async () => {
    expect(walk.contentManager).toEqual([]);
  });
});
