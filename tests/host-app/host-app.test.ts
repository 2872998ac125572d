import { mkdtempSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
 * and the minutes from scaffold to first commission. The scaffold runs with
 * `npm_config_prefer_offline=true`: npm's cache is warm after `npm ci`, as a developer's is who has
 * installed Strapi before, so the timing is a warm-cache one.
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
/**
 * The shop the program's links lead to: a page on another origin, served here (a browser route
 * would not see it: Playwright does not intercept the request a redirect leads to).
 */
const shop = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><title>Acme shop</title><h1>Acme shop</h1>');
});
let shopUrl = '';

/** What the walk learns on its way. */
const walk = {
  port: 0,
  host: undefined as RunningHost | undefined,
  origin: '',
  apiToken: '',
  invitationUrl: '',
  linkUrl: '',
  referral: { code: '', visitorId: '' },
  /** The partner's signed-in portal tab. */
  portal: undefined as Page | undefined,
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

/** The answer to the admin page's next POST to `pathname`. */
const posted = (pathname: string) =>
  page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === pathname && response.request().method() === 'POST'
  );

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

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await walk.host?.stop();
  shop.close();
  process.stdout.write(
    `\nhost app: phases\n${clock.report()}\n` +
      `scaffold to ${failed ? 'failure' : 'end'}: ${clock.minutesSinceStart().toFixed(2)} min\n`
  );
  if (!failed && !process.env.PARTNERS_HOST_APP_KEEP) removeInBackground(WORK);
}, MIN);

describe('a host app made with create-strapi-app, following the README', () => {
  step('scaffolds the app with create-strapi-app', 15 * MIN, async () => {
    // npm's cache is warm here (`npm ci` filled it), as it is for a developer who has installed
    // Strapi before: prefer-offline skips re-checking each package's metadata with the registry.
    await run(`npx --yes ${CREATE_STRAPI_APP} app ${SCAFFOLD_FLAGS.join(' ')}`, {
      cwd: WORK,
      log,
      env: hostEnv({ npm_config_prefer_offline: 'true' }),
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
    await page.locator('input[name="landingUrl"]').fill(shopUrl);
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Active' }).click();
    await shot('program-new');
    const saved = posted('/partners/programs');
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
    const created = posted('/admin/api-tokens');
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

  step('adds a partner by hand and copies its invitation link', 5 * MIN, async () => {
    await page.goto(adminPage('/partners'));
    await page.getByRole('button', { name: 'Add partner' }).first().click();
    const modal = page.getByRole('dialog');
    await modal.locator('input[name="name"]').fill(PARTNER.name);
    await modal.locator('input[name="email"]').fill(PARTNER.email);
    await modal.locator('input[name="company"]').fill(PARTNER.company);
    await page.getByRole('combobox', { name: 'Programs' }).click();
    await page.getByRole('option', { name: 'Acme Affiliates' }).click();
    await page.keyboard.press('Escape');
    await shot('partner-add');
    const added = posted('/partners/partners');
    await modal.getByRole('button', { name: 'Add partner' }).click();
    expect((await added).status()).toBe(201);
    // No e-mail provider: the admin says the invitation was not sent, and shows its link.
    await modal.locator('[data-invitation-notice="not-mailed"]').waitFor();
    walk.invitationUrl = await modal.locator('input[name="invitationLink"]').inputValue();
    expect(walk.invitationUrl).toMatch(
      new RegExp(`^${walk.origin}/partner-portal/invitation#[\\w-]{43}$`)
    );
    await shot('partner-invitation');
  });

  step("sets the partner's password and sees its link in the portal", 5 * MIN, async () => {
    // The partner's own browser, without the admin's session.
    const partner = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    partner.setDefaultTimeout(60_000);
    const admin = page;
    page = await partner.newPage();
    try {
      await page.goto(walk.invitationUrl);
      await page.getByRole('heading', { name: `Welcome, ${PARTNER.name}` }).waitFor();
      await page.locator('input[name="password"]').fill(PARTNER_PASSWORD);
      await page.locator('input[name="confirmation"]').fill(PARTNER_PASSWORD);
      await page.locator('input[name="acceptTerms"]').check();
      await shot('portal-invitation');
      await page.getByRole('button', { name: 'Accept and continue' }).click();
      const link = page.locator('.link-row').first();
      await link.waitFor();
      walk.linkUrl = await link.locator('.link-url').innerText();
      expect(walk.linkUrl).toMatch(new RegExp(`^${walk.origin}/go/[\\w-]+$`));
      await shot('portal-dashboard');
      walk.portal = page;
    } finally {
      page = admin;
    }
  });

  step('follows the link to the shop, with the referral in the address', 5 * MIN, async () => {
    const visitor = await browser!.newContext();
    const tab = await visitor.newPage();
    await tab.goto(walk.linkUrl);
    await tab.waitForURL(`${shopUrl}**`);
    const landed = new URL(tab.url());
    walk.referral = {
      code: landed.searchParams.get('ref') ?? '',
      visitorId: landed.searchParams.get('pvid') ?? '',
    };
    expect(walk.referral.code).not.toBe('');
    expect(walk.referral.visitorId).not.toBe('');
    await visitor.close();
  });

  step('sends the order through the documented API and finds the commission', 5 * MIN, async () => {
    // The README's First steps, step 6.
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
        },
      }),
    });
    expect(res.status).toBe(201);

    const portal = walk.portal!;
    await portal.goto(`${walk.origin}/partner-portal/commissions`);
    // 20 % of $100.00, the program's default rate.
    await portal
      .locator('table.commissions')
      .getByRole('cell', { name: '$20.00', exact: true })
      .waitFor();
    const minutes = clock.minutesSinceStart();
    process.stdout.write(
      `\nscaffold to first commission: ${minutes.toFixed(2)} min (npm cache warm, prefer-offline)\n`
    );
    await portal.screenshot({ path: join(SHOTS, 'portal-commissions.png'), fullPage: true });

    await page.goto(adminPage('/commissions'));
    const entry = page.locator('[data-commission]').first();
    await entry.waitFor();
    expect(await entry.innerText()).toContain('$20.00');
    await shot('admin-commissions');
  });

  step('never opened the Content Manager', MIN, async () => {
    expect(walk.contentManager).toEqual([]);
  });
});
