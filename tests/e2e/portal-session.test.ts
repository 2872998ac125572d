import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uid } from '../../plugin/model';
import { newInvitationToken } from '../../server/src/partners/invitation-token';
import { launchChromium } from '../helpers/chromium';
import { createLink, createPartner, createProgram, enroll } from '../helpers/fixtures';
import { startStrapi, type TestApp, type UsersPermissionsOptions } from '../helpers/strapi';

/**
 * Portal sessions in headless Chromium (issue 12), with users-permissions in each
 * `jwtManagement` mode and tokens that last seconds: a partner idle past expiry keeps working
 * where the mode has refresh tokens, an ended session signs in again and lands on the page it
 * left, the expired-login URL never loops or hangs, and signing out revokes the refresh session.
 * Screenshots land in /tmp/portal-session/.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ARTIFACTS = join('/tmp', 'portal-session');
const PASSWORD = 'Session-pass-2026';
/** Every token's lifetime here, in seconds; waiting this plus a margin outlives a token. */
const LIFETIME_SECONDS = 5;
const OUTLIVE_MS = LIFETIME_SECONDS * 1000 + 1500;
const JWT_KEY = 'partners.portal.jwt';
const REFRESH_KEY = 'partners.portal.refresh';
const REFRESH_AT_KEY = 'partners.portal.refresh-at';
const COOKIE = 'strapi_up_refresh';

interface Mode {
  label: string;
  usersPermissions: UsersPermissionsOptions;
  /** Where the refresh token lives: nowhere (legacy), in the login's answer, in a cookie. */
  refresh: 'none' | 'body' | 'cookie';
}

const MODES: Mode[] = [
  {
    label: 'legacy-support',
    usersPermissions: { jwtManagement: 'legacy-support', jwtExpiresIn: `${LIFETIME_SECONDS}s` },
    refresh: 'none',
  },
  {
    label: 'refresh, refresh token in the answer',
    usersPermissions: { jwtManagement: 'refresh', accessTokenLifespanSeconds: LIFETIME_SECONDS },
    refresh: 'body',
  },
  {
    label: 'refresh, refresh token in an httpOnly cookie',
    usersPermissions: {
      jwtManagement: 'refresh',
      accessTokenLifespanSeconds: LIFETIME_SECONDS,
      refreshCookie: true,
    },
    refresh: 'cookie',
  },
];

let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(MODES)('portal sessions with users-permissions $label', (mode) => {
  let app: TestApp;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  let partner: Row;
  let invitationToken: string;
  /** The paths of users-permissions auth requests the portal made, in order. */
  const authCalls: string[] = [];
  /** The portal API's answers: `GET /api/partners/portal/commissions 401`, … */
  const apiAnswers: string[] = [];

  const portalUrl = (path: string) => `${origin}/partner-portal${path}`;
  const stored = (key: string) =>
    page.evaluate(`sessionStorage.getItem(${JSON.stringify(key)})`) as Promise<string | null>;
  const pathOf = () => new URL(page.url()).pathname;
  const heading = (name: string) => page.getByRole('heading', { name, exact: true });
  const snapshot = (name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${mode.refresh}-${name}.png`), fullPage: true });
  const refreshCookie = async () =>
    (await context.cookies(origin)).find((cookie) => cookie.name === COOKIE);
  /** The refresh cookie with its signature cookie (Strapi signs cookies with APP_KEYS). */
  const refreshCookieHeader = async () =>
    (await context.cookies(origin))
      .filter((cookie) => cookie.name.startsWith(COOKIE))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  const loginUser = () =>
    app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { email: partner.email } }) as Promise<Row>;
  /** Whether users-permissions still rotates this refresh token (or cookie value). */
  const refreshAnswers = async (refresh: { token?: string; cookie?: string }) => {
    const request = app.request().post('/api/auth/refresh');
    if (refresh.cookie) request.set('Cookie', refresh.cookie);
    return (await request.send(refresh.token ? { refreshToken: refresh.token } : {})).status;
  };

  /** Opens a page from the menu and waits for its list to answer (200), like a partner would. */
  const visit = async (name: string, apiPath: string) => {
    const answered = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === `/api/partners/portal${apiPath}` &&
        response.status() === 200
    );
    await page.getByRole('link', { name }).click();
    await heading(name).waitFor();
    await answered;
  };

  const signIn = async (password = PASSWORD) => {
    await page.fill('input[name="email"]', partner.email);
    await page.fill('input[name="password"]', password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  beforeAll(async () => {
    // Every mode signs in several times within a minute, all from 127.0.0.1.
    app = await startStrapi({
      usersPermissions: { ...mode.usersPermissions, loginsPerMinute: 100 },
    });
    const server = app.strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const program = await createProgram(app.strapi, { name: 'Acme Cloud', holdDays: 0 });
    partner = await createPartner(app.strapi, { name: 'Jane Doe Media' });
    await enroll(app.strapi, partner, program);
    await createLink(app.strapi, partner, program);
    const { token, tokenHash } = newInvitationToken();
    invitationToken = token;
    await app.strapi.db.query(uid('invitation')).create({
      data: {
        partner: partner.id,
        email: partner.email,
        tokenHash,
        expiresAt: new Date(Date.now() + 3_600_000),
        invitedBy: 'tests',
      },
    });

    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/auth/')) authCalls.push(pathname);
    });
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (pathname.startsWith('/api/partners/portal/')) {
        apiAnswers.push(`${response.request().method()} ${pathname} ${response.status()}`);
      }
    });
  });

  afterAll(async () => {
    await context?.close();
    await app?.stop();
  });

  it('accepts an invitation into a session the mode can keep', async () => {
    await page.goto(portalUrl(`/invitation#${invitationToken}`));
    await page.fill('input[name="password"]', PASSWORD);
    await page.fill('input[name="confirmation"]', PASSWORD);
    await page.check('input[name="acceptTerms"]');
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.locator('[data-kpi="clicks"] .kpi-value').filter({ hasNotText: '…' }).waitFor();
    expect(pathOf()).toMatch(/^\/partner-portal\/?$/);

    const refresh = await stored(REFRESH_KEY);
    const cookie = await refreshCookie();
    if (mode.refresh === 'none') {
      expect(refresh).toBeNull();
      expect(authCalls).toEqual([]);
    } else {
      // The invitation's own token has no refresh token: one sign-in gets the pair.
      expect(authCalls).toEqual(['/api/auth/local']);
    }
    if (mode.refresh === 'body') {
      expect(refresh?.split('.')).toHaveLength(3);
      expect(cookie).toBeUndefined();
    }
    if (mode.refresh === 'cookie') {
      // Scripts never see it: the portal only knows that the browser holds one.
      expect(refresh).toBe('cookie');
      expect(cookie).toMatchObject({ httpOnly: true, path: '/' });
    }
  });

  if (mode.refresh !== 'none') {
    it('keeps a partner idle past the token’s lifetime working', async () => {
      await visit('Commissions', '/commissions');
      const idleToken = (await stored(JWT_KEY))!;
      const refreshes = authCalls.length;

      await page.waitForTimeout(OUTLIVE_MS);
      // The token the page holds is dead by now…
      await app
        .request()
        .get('/api/partners/portal/me')
        .set('Authorization', `Bearer ${idleToken}`)
        .expect(401);
      // …and the partner clicks around as if nothing happened.
      await visit('Referrals', '/referrals');
      // Refreshed ahead of the page's requests, once for all of them.
      expect(authCalls.slice(refreshes)).toEqual(['/api/auth/refresh']);
      await visit('Payouts', '/payouts');
      await visit('Statements', '/statements');
      expect(pathOf()).toBe('/partner-portal/statements');
      expect(await page.locator('.notice-error').count()).toBe(0);
      expect(apiAnswers.filter((answer) => !answer.endsWith(' 200'))).toEqual([]);
      expect(await stored(JWT_KEY)).not.toBe(idleToken);
      await snapshot('idle-past-expiry');
    });

    it('on a 401 refreshes once and retries the request once', async () => {
      const refreshes = authCalls.length;
      const answers = apiAnswers.length;
      // A token the server refuses although the portal does not expect it to expire yet.
      await page.evaluate(`
        sessionStorage.setItem(${JSON.stringify(JWT_KEY)}, 'revoked.access.token');
        sessionStorage.setItem(${JSON.stringify(REFRESH_AT_KEY)}, String(Date.now() + 3600000));
      `);
      await visit('Commissions', '/commissions');
      expect(pathOf()).toBe('/partner-portal/commissions');
      expect(authCalls.slice(refreshes)).toEqual(['/api/auth/refresh']);
      expect(apiAnswers.slice(answers)).toEqual([
        'GET /api/partners/portal/commissions 401',
        'GET /api/partners/portal/commissions 200',
      ]);
      expect((await stored(JWT_KEY))?.split('.')[0]).not.toBe('revoked');
    });
  }

  it('sends an ended session to the login page, and back to the page it left', async () => {
    await page.goto(portalUrl('/login'));
    await signIn();
    await page.locator('[data-kpi="clicks"]').first().waitFor();
    await page.getByRole('link', { name: 'Statements' }).click();
    await heading('Statements').waitFor();
    if (mode.refresh !== 'none') {
      // Revoked on the server (signed out elsewhere, or an editor ended it).
      await app.strapi
        .sessionManager('users-permissions')
        .invalidateRefreshToken(String((await loginUser()).id));
    }
    await page.waitForTimeout(OUTLIVE_MS);

    await page.getByRole('link', { name: 'Payouts' }).click();
    await heading('Sign in').waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/partner-portal/login');
    expect(url.searchParams.get('expired')).toBe('1');
    expect(url.searchParams.get('next')).toBe('/payouts');
    await page.getByText('Your session has ended').waitFor();
    await snapshot('session-ended');

    await signIn();
    await heading('Payouts').waitFor();
    expect(pathOf()).toBe('/partner-portal/payouts');
  });

  it('signs in from /login?expired=1&next=%2Flogin to the dashboard, never hanging', async () => {
    await page.goto(portalUrl('/login?expired=1&next=%2Flogin'));
    await heading('Sign in').waitFor();
    const button = page.locator('button[type="submit"]');

    await signIn('not-the-password');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/not correct/);
    expect(await button.innerText()).toBe('Sign in');
    expect(await button.isEnabled()).toBe(true);

    await signIn();
    await page.locator('[data-kpi="clicks"] .kpi-value').filter({ hasNotText: '…' }).waitFor();
    expect(pathOf()).toMatch(/^\/partner-portal\/?$/);
  });

  it('never leaves the portal after signing in, whatever `next` says', async () => {
    await page.goto(portalUrl(`/login?next=${encodeURIComponent('//evil.example/x')}`));
    await signIn();
    await page.locator('[data-kpi="clicks"]').first().waitFor();
    expect(new URL(page.url()).origin).toBe(origin);
    expect(pathOf()).toMatch(/^\/partner-portal\/?$/);
  });

  it('signs out, revoking the refresh session where the mode has one', async () => {
    const refresh = {
      token: mode.refresh === 'body' ? ((await stored(REFRESH_KEY)) ?? undefined) : undefined,
      cookie: mode.refresh === 'cookie' ? await refreshCookieHeader() : undefined,
    };
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading('Sign in').waitFor();
    expect(await stored(JWT_KEY)).toBeNull();
    expect(await stored(REFRESH_KEY)).toBeNull();

    if (mode.refresh === 'none') {
      expect(authCalls).not.toContain('/api/auth/logout');
      return;
    }
    expect(authCalls[authCalls.length - 1]).toBe('/api/auth/logout');
    expect(refresh.token ?? refresh.cookie).toBeTruthy();
    expect(await refreshAnswers(refresh)).toBe(401);
    if (mode.refresh === 'cookie') expect(await refreshCookie()).toBeUndefined();
  });
});
