import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uid } from '../../plugin/model';
import { launchChromium } from '../helpers/browser';
import { createLink, createPartner, createProgramWithPartner, enroll } from '../helpers/fixtures';
import { startStrapi, type TestApp } from '../helpers/strapi';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A desktop browser's user agent: headless Chromium's own says "HeadlessChrome", a bot. */
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const ARTIFACTS = join(__dirname, '..', 'artifacts');

let app: TestApp;
let site: Server;
let browser: Browser;
let context: BrowserContext;
let apiOrigin: string;
/** The shop: another origin than Strapi (another host name and port), as in production. */
let siteOrigin: string;

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  );

/** A shop page with the tracker; `/consent/…` pages load it with data-consent="required". */
const shopPage = (path: string) => {
  const consent = path.startsWith('/consent') ? ' data-consent="required"' : '';
  return `<!doctype html><html><head><title>Shop</title>
<script src="${apiOrigin}/api/partners/tracker.js"${consent} async></script>
</head><body><h1>Acme shop</h1><p>${path}</p></body></html>`;
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startStrapi();
  apiOrigin = `http://127.0.0.1:${await listen(app.strapi.server.httpServer)}`;
  site = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(shopPage(new URL(req.url ?? '/', 'http://site').pathname));
  });
  siteOrigin = `http://localhost:${await listen(site)}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (site ? site.close(resolve) : resolve(null)));
  await app?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ userAgent: USER_AGENT });
});

afterEach(async () => {
  await context.close();
});

const tracking = () => app.strapi.plugin('partners').service('tracking');
const clicksOf = async (linkId: number): Promise<Row[]> => {
  await tracking().flush();
  return app.strapi.db.query(uid('click')).findMany({ where: { linkId }, orderBy: { id: 'asc' } });
};
const referralCookie = async () =>
  (await context.cookies(siteOrigin)).find((cookie) => cookie.name === 'partners_ref');
const trackerCalls = (page: Page) => {
  const calls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/partners/track/')) calls.push(request.url());
  });
  return calls;
};
/** window.partners in the page (string expressions: the tests compile without DOM types). */
const tracker = (page: Page) => ({
  referral: () => page.evaluate('window.partners.referral()') as Promise<string | null>,
  visitorId: () => page.evaluate('window.partners.visitorId()') as Promise<string | null>,
  consent: (granted: boolean) => page.evaluate(`window.partners.consent(${granted})`),
  signup: (contact: { email: string; name?: string }) =>
    page.evaluate(`window.partners.signup(${JSON.stringify(contact)})`) as Promise<boolean | null>,
});
/** Opens a shop page; `reported` settles with the tracker's first answer from the API. */
const openShop = async (path: string) => {
  const page = await context.newPage();
  const calls = trackerCalls(page);
  const reported = page.waitForResponse((response) =>
    response.url().includes('/api/partners/track/')
  );
  reported.catch(() => undefined); // pages that send nothing never settle it
  await page.goto(`${siteOrigin}${path}`);
  await page.waitForFunction('"partners" in window');
  return { page, calls, reported };
};
const waitForCookie = (page: Page) =>
  page.waitForFunction('document.cookie.includes("partners_ref=")');
const snapshot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `tracker-${name}.png`) });

describe('tracker.js in Chromium, on a page of another origin', () => {
  it('sets nothing and sends nothing before consent, then keeps the referral', async () => {
    const { code, link } = await createProgramWithPartner(app.strapi, {
      landingUrl: `${siteOrigin}/consent/landing`,
      attributionWindowDays: 30,
    });
    const { page, calls } = await openShop(`/consent/landing?ref=${code}`);
    // Give a misbehaving tracker time to act before asserting it did nothing.
    await page.waitForTimeout(300);
    expect(await referralCookie()).toBeUndefined();
    expect(calls).toEqual([]);
    expect(await tracker(page).referral()).toBeNull();
    expect(await clicksOf(link.id)).toEqual([]);

    await tracker(page).consent(true);
    await waitForCookie(page);
    await snapshot(page, 'after-consent');

    expect(await tracker(page).referral()).toBe(code);
    const visitorId = await tracker(page).visitorId();
    const cookie = await referralCookie();
    expect(cookie?.value).toMatch(new RegExp(`^${code}\\.${visitorId}\\.\\d+$`));
    // The cookie lives for the program's 30-day attribution window.
    const lifetimeDays = ((cookie?.expires ?? 0) - Date.now() / 1000) / 86400;
    expect(lifetimeDays).toBeGreaterThan(29.9);
    expect(lifetimeDays).toBeLessThanOrEqual(30);

    const [click, ...others] = await clicksOf(link.id);
    expect(others).toEqual([]);
    expect(click).toMatchObject({
      visitorId,
      landingUrl: `${siteOrigin}/consent/landing?ref=${code}`,
      isBot: false,
      isUnique: true,
    });
  });

  it('forgets the visitor on consent(false)', async () => {
    const { code } = await createProgramWithPartner(app.strapi, {
      landingUrl: `${siteOrigin}/landing`,
    });
    const { page } = await openShop(`/landing?ref=${code}`);
    await waitForCookie(page);
    await tracker(page).consent(false);
    expect(await referralCookie()).toBeUndefined();
    expect(await tracker(page).referral()).toBeNull();
  });

  it('after a /go/ redirect: one click, the redirect’s visitor id, pvid gone from the address bar', async () => {
    const { code, link } = await createProgramWithPartner(app.strapi, {
      landingUrl: `${siteOrigin}/landing`,
    });
    const page = await context.newPage();
    const calls = trackerCalls(page);
    await page.goto(`${apiOrigin}/go/${code}`);
    await page.waitForFunction('"partners" in window');
    await waitForCookie(page);
    await snapshot(page, 'after-redirect');

    const url = new URL(page.url());
    expect(url.origin + url.pathname).toBe(`${siteOrigin}/landing`);
    expect(url.searchParams.get('ref')).toBe(code);
    expect(url.searchParams.has('pvid')).toBe(false);
    expect(calls.every((call) => call.includes(`/track/links/${code}`))).toBe(true);

    const clicks = await clicksOf(link.id);
    expect(clicks).toHaveLength(1);
    expect(await tracker(page).visitorId()).toBe(clicks[0].visitorId);
    expect(await tracker(page).referral()).toBe(code);
  });

  it('keeps the first partner’s cookie in a first-click program, the last in a last-click one', async () => {
    for (const [attributionModel, expected] of [
      ['first-click', 0],
      ['last-click', 1],
    ] as const) {
      const { code, program } = await createProgramWithPartner(app.strapi, {
        landingUrl: `${siteOrigin}/landing`,
        attributionModel,
      });
      const other = await createPartner(app.strapi);
      await enroll(app.strapi, other, program);
      const otherLink = await createLink(app.strapi, other, program);
      const codes = [code, otherLink.code as string];

      const first = await openShop(`/landing?ref=${codes[0]}`);
      await waitForCookie(first.page);
      const { page, calls, reported } = await openShop(`/landing?ref=${codes[1]}`);
      await reported;
      await page.waitForTimeout(100);
      expect(calls).toHaveLength(1); // the second visit is reported either way
      expect(await tracker(page).referral()).toBe(codes[expected]);
      await context.clearCookies();
    }
  });

  it('reports a signup through partners.signup()', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi, {
      landingUrl: `${siteOrigin}/landing`,
      trigger: 'signup',
      commission: { type: 'flat', amount: 2500 },
    });
    const { page } = await openShop(`/landing?ref=${code}`);
    await waitForCookie(page);
    const accepted = await tracker(page).signup({
      email: 'Ada@Example.com',
      name: 'Ada Lovelace',
    });
    expect(accepted).toBe(true);

    const [referral] = await app.strapi.db.query(uid('referral')).findMany({
      where: { email: 'ada@example.com' },
    });
    expect(referral).toMatchObject({
      partnerId: partner.id,
      state: 'signed-up',
      firstName: 'Ada',
      lastName: 'Lovelace',
      visitorId: await tracker(page).visitorId(),
    });
    const commissions = await app.strapi.db
      .query(uid('commission'))
      .findMany({ where: { partnerId: partner.id } });
    expect(commissions.map((entry) => [entry.kind, entry.amount])).toEqual([['signup', 2500]]);
  });

  it('sends no signup without consent', async () => {
    const { code } = await createProgramWithPartner(app.strapi, {
      landingUrl: `${siteOrigin}/consent/landing`,
    });
    const { page, calls } = await openShop(`/consent/landing?ref=${code}`);
    const result = await tracker(page).signup({ email: 'quiet@example.com', name: 'Quiet' });
    expect(result).toBeNull();
    expect(calls).toEqual([]);
    expect(
      await app.strapi.db.query(uid('referral')).count({ where: { email: 'quiet@example.com' } })
    ).toBe(0);
  });
});
