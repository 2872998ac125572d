import * as contracts from '../../plugin/contracts/portal';
import { uid } from '../../plugin/model';
import { snapshotPayoutMethod } from '../../plugin/payouts';
import { adminToken } from '../helpers/admin';
import { earnApproved } from '../helpers/ledger';
import {
  count,
  createApiToken,
  createLink,
  createPartner,
  createProgram,
  enroll,
  orderBody,
} from '../helpers/fixtures';
import { portal, portalLogin } from '../helpers/portal';
import { startStrapi, type TestApp } from '../helpers/strapi';

/** SPEC §8: the partner portal's API for one signed-in partner. */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** portalLogin's password: payout changes ask for it again. */
const PASSWORD = 'Portal-login-2026';

let app: TestApp;
let apiToken: string;
let jwt: string;
let partner: Row;
let recruit: Row;
let program: Row;
let twoTier: Row;
let code: string;
let twoTierCode: string;
const ROUTING = '021000021';
const ACCOUNT = '9876543210123';

const as = () => portal(app, jwt);
const partnerRow = () => app.strapi.db.query(uid('partner')).findOne({ where: { id: partner.id } });

beforeAll(async () => {
  app = await startStrapi();
  app.strapi.config.set('plugin::partners.notifications', { enabled: false });
  apiToken = await createApiToken(app.strapi);
  partner = await createPartner(app.strapi, { name: 'Portal Partner', company: 'Portal Co' });
  jwt = await portalLogin(app, partner, { email: 'owner@portal.test' });
  program = await createProgram(app.strapi, {
    landingUrl: 'https://shop.example/welcome?utm_source=partners',
    holdDays: 0,
  });
  await enroll(app.strapi, partner, program);
  code = (await createLink(app.strapi, partner, program)).code;
  twoTier = await createProgram(app.strapi, {
    tierMode: 'two-tier',
    secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
    holdDays: 0,
  });
  await enroll(app.strapi, partner, twoTier);
  twoTierCode = (await createLink(app.strapi, partner, twoTier)).code;
  recruit = await createPartner(app.strapi, { name: 'Recruit Rita', referredBy: partner.id });
  await enroll(app.strapi, recruit, twoTier);
  const recruitLink = await createLink(app.strapi, recruit, twoTier);
  await earnApproved(app, apiToken, recruitLink.code, 10000, new Date().toISOString());
  await app.strapi.db.query(uid('asset')).create({
    data: { program: program.id, title: 'Banner', type: 'banner', url: 'https://cdn.test/b.png' },
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('account and links', () => {
  it('GET /me: the partner, its programs and the portal branding', async () => {
    const res = await as().get('/me').expect(200);
    expect(res.body.data).toMatchObject({
      partner: { documentId: partner.documentId, name: 'Portal Partner', status: 'approved' },
      user: { email: 'owner@portal.test' },
      portal: {
        title: (app.strapi.config.get('plugin::partners') as Row).portal?.title ?? 'Partner portal',
        primaryColor: expect.stringMatching(/^#[0-9a-f]{6}$/i),
      },
    });
    expect(res.body.data.programs.map((p: Row) => p.slug).sort()).toEqual(
      [program.slug, twoTier.slug].sort()
    );
    expect(res.body.data.recruitUrl).toContain(`/apply/${twoTier.slug}?recruit=${twoTierCode}`);
    expect(JSON.stringify(res.body)).not.toContain('payoutMethod');
  });

  it('GET /links counts human clicks only', async () => {
    await app.request().get(`/api/partners/r/${code}`).set('User-Agent', 'Mozilla/5.0').expect(302);
    await app
      .request()
      .get(`/api/partners/r/${code}`)
      .set('User-Agent', 'Googlebot/2.1')
      .expect(302);
    await app.strapi.plugin('partners').service('tracking').flush();
    const res = await as().get('/links').expect(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({
        code,
        clicks: 1,
        program: { slug: program.slug, name: program.name },
        url: expect.stringMatching(new RegExp(`^https?://.+/go/${code}$`)),
      }),
      expect.objectContaining({ code: twoTierCode, clicks: 0 }),
    ]);
  });

  it('POST /links/build: a page on the landing host with the ref code; another host is a 400', async () => {
    const link = (await as().get('/links')).body.data[0];
    const res = await as()
      .post('/links/build', { link: link.documentId, to: '/pricing?x=1' })
      .expect(200);
    expect(res.body.data.url).toBe(
      `https://shop.example/pricing?utm_source=partners&x=1&ref=${code}`
    );
    for (const to of ['https://evil.test/', '//evil.test/x', '/\\evil.test']) {
      await as().post('/links/build', { link: link.documentId, to }).expect(400);
    }
    await as().post('/links/build', { link: 'nosuchlink', to: '/' }).expect(404);
  });

  it('GET /assets: the approved programs’ assets', async () => {
    const res = await as().get('/assets').expect(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({
        title: 'Banner',
        type: 'banner',
        program: expect.objectContaining({ slug: program.slug }),
      }),
    ]);
  });
});

describe('stats', () => {
  it('7d, 4w and 6m have 7, 28 and 26 points and count today’s activity', async () => {
    await app
      .request()
      .post('/api/partners/orders')
      .set('Authorization', `Bearer ${apiToken}`)
      .send(orderBody({ referralCode: code, amount: 10000 }))
      .expect(201);
    for (const [range, points, interval] of [
      ['7d', 7, 'day'],
      ['4w', 28, 'day'],
      ['6m', 26, 'week'],
    ] as const) {
      const res = await as().get(`/stats?range=${range}&program=${program.slug}`).expect(200);
      const data = res.body.data;
      expect(data).toMatchObject({ range, interval });
      expect(data.series).toHaveLength(points);
      expect(data.totals).toMatchObject({ clicks: 1, referrals: 1, customers: 1 });
      expect(data.series.at(-1)).toMatchObject({ clicks: 1, referrals: 1, customers: 1 });
      expect(data.totals.pendingEarnings).toEqual([{ amount: 2000, currency: 'USD' }]);
      expect(data.totals.approvedEarnings).toEqual([]);
    }
    const all = (await as().get('/stats').expect(200)).body.data;
    expect(all.range).toBe('4w');
    // The recruit's sale earned this partner an approved level-2 entry in the two-tier program.
    expect(all.totals.pendingEarnings).toEqual([{ amount: 2000, currency: 'USD' }]);
    expect(all.totals.approvedEarnings).toEqual([{ amount: 500, currency: 'USD' }]);
    await as().get('/stats?range=1y').expect(400);
  });

  it('shows sign-ups, and pending and approved earnings apart', async () => {
    const referrals = app.strapi.db.query(uid('referral'));
    const referral = await referrals.findOne({ where: { partnerId: partner.id } });
    await referrals.update({ where: { id: referral.id }, data: { signedUpAt: new Date() } });
    const commissions = app.strapi.db.query(uid('commission'));
    const entry = await commissions.findOne({ where: { partnerId: partner.id, amount: 2000 } });
    await commissions.update({ where: { id: entry.id }, data: { state: 'approved' } });
    const data = (await as().get('/stats?range=7d').expect(200)).body.data;
    expect(data.totals).toMatchObject({ referrals: 1, signUps: 1, customers: 1 });
    expect(data.series.at(-1)).toMatchObject({ signUps: 1 });
    expect(data.totals.pendingEarnings).toEqual([]);
    expect(data.totals.approvedEarnings).toEqual([{ amount: 2500, currency: 'USD' }]);
    await commissions.update({ where: { id: entry.id }, data: { state: 'pending' } });
    await as().get('/stats?range=1y').expect(400);
  });
});

describe('sub-partners', () => {
  it('names each recruit with the level-2 earnings it brought, nothing about its customers', async () => {
    const res = await as().get('/sub-partners').expect(200);
    expect(res.body).toEqual({
      data: [
        {
          name: 'Recruit Rita',
          joinedAt: expect.any(String),
          earnings: [{ amount: 500, currency: 'USD' }],
        },
      ],
      meta: { recruitUrl: expect.stringContaining(`recruit=${twoTierCode}`) },
    });
    const commissions = (await as().get('/commissions').expect(200)).body.data;
    const levelTwo = commissions.find((entry: Row) => entry.level === 2);
    expect(levelTwo).toMatchObject({ amount: 500, referral: null });
  });

  it('lists only approved recruits, in the portal and in the admin', async () => {
    for (const state of ['applied', 'rejected', 'suspended']) {
      await createPartner(app.strapi, { name: `Recruit ${state}`, state, referredBy: partner.id });
    }
    const res = await as().get('/sub-partners').expect(200);
    expect(res.body.data.map((row: Row) => row.name)).toEqual(['Recruit Rita']);
    const admin = await adminToken(app, 'strapi-super-admin');
    const detail = await app
      .request()
      .get(`/partners/partners/${partner.documentId}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(detail.body.data.counts.recruits).toBe(1);
  });
});

describe('payout method', () => {
  it('starts empty, takes PayPal, then a US bank account whose numbers are sealed', async () => {
    expect((await as().get('/payout-method').expect(200)).body).toEqual({ data: null });
    await as()
      .put('/payout-method', { type: 'paypal', email: 'Pay@Portal.test', password: PASSWORD })
      .expect(200);
    expect((await as().get('/payout-method')).body.data).toEqual({
      type: 'paypal',
      email: 'pay@portal.test',
    });

    const res = await as()
      .put('/payout-method', {
        type: 'bank',
        holder: 'Portal Co',
        routingNumber: ROUTING,
        accountNumber: ACCOUNT,
        password: PASSWORD,
      })
      .expect(200);
    expect(res.body.data).toEqual({ type: 'bank', holder: 'Portal Co', last4: '0123' });
    expect((await as().get('/payout-method')).body.data).toEqual(res.body.data);

    const raw = await app.strapi.db.connection('partners_partners').where('id', partner.id).first();
    const stored = JSON.stringify(raw);
    expect(stored).toContain('0123');
    expect(stored).not.toContain(ACCOUNT);
    expect(stored).not.toContain(ACCOUNT.slice(0, 9));
    expect(stored).not.toContain(ROUTING);

    // Payout runs snapshot the method without the sealed numbers; site code can open them.
    expect(snapshotPayoutMethod((await partnerRow()).payoutMethod)).toEqual({
      type: 'bank',
      accountHolder: 'Portal Co',
      last4: '0123',
      country: 'US',
    });
    expect(
      await app.strapi.plugin('partners').service('partner-account').bankAccount(partner.id)
    ).toEqual({
      holder: 'Portal Co',
      routingNumber: ROUTING,
      accountNumber: ACCOUNT,
    });
  });

  it.each([
    [{ type: 'bank', holder: 'X', routingNumber: '021000022', accountNumber: '12345678' }],
    [{ type: 'bank', holder: 'X', routingNumber: '02100002', accountNumber: '12345678' }],
    [{ type: 'bank', holder: 'X', routingNumber: ROUTING, accountNumber: '123' }],
    [{ type: 'bank', holder: '', routingNumber: ROUTING, accountNumber: '12345678' }],
    [{ type: 'paypal', email: 'not-an-email' }],
    [{ type: 'stripe', accountId: 'acct-1' }],
    [{ type: 'credit', password: '' }],
    [{ type: 'wire' }],
    [null],
  ])('refuses %j with a 400 and keeps the method', async (data) => {
    const before = (await partnerRow()).payoutMethod;
    const body = data && 'password' in data ? data : data && { ...data, password: PASSWORD };
    const res = await as().put('/payout-method', body).expect(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect((await partnerRow()).payoutMethod).toEqual(before);
  });

  it('account credit', async () => {
    await as().put('/payout-method', { type: 'credit', password: PASSWORD }).expect(200);
    expect((await as().get('/payout-method')).body.data).toEqual({ type: 'credit' });
  });
});

describe('leads and deals', () => {
  it('POST /leads adds a projected lead; the same e-mail again is a 409', async () => {
    const res = await as()
      .post('/leads', {
        program: program.slug,
        email: 'New.Lead@Example.com',
        firstName: 'Nia',
        lastName: 'Lee',
      })
      .expect(201);
    expect(res.body.data).toMatchObject({
      status: 'lead',
      source: 'lead',
      program: { slug: program.slug },
    });
    expect(res.body.data).not.toHaveProperty('email');
    const stored = await app.strapi.db.query(uid('referral')).findOne({
      where: { email: 'new.lead@example.com' },
    });
    expect(stored).toMatchObject({
      source: 'lead',
      state: 'lead',
      firstName: 'Nia',
      partnerId: partner.id,
    });
    await as().post('/leads', { program: program.slug, email: 'new.lead@example.com' }).expect(409);
    const leads = (await as().get('/leads').expect(200)).body;
    expect(leads.data.map((lead: Row) => lead.id)).toEqual([res.body.data.id]);
    expect(leads.meta.pagination).toMatchObject({ page: 1, total: 1 });
  });

  it.each([
    [{ program: 'x', email: 'a@b.test' }, 404],
    [{ email: 'a@b.test' }, 400],
    [{ program: 'p', email: 'nope' }, 400],
    [{ program: 'p', email: 'a@b.test', firstName: 'x'.repeat(101) }, 400],
    [{ program: 'p', email: 'a@b.test', partner: 'someone' }, 400],
  ] as Array<[Row, number]>)('POST /leads %j → %i, nothing stored', async (data, status) => {
    const before = await count(app.strapi, 'referral');
    const body = { ...data, ...(data.program === 'p' ? { program: program.slug } : {}) };
    await as().post('/leads', body).expect(status);
    expect(await count(app.strapi, 'referral')).toBe(before);
  });

  it('POST /deals registers a submitted deal that expires in 90 days', async () => {
    const res = await as()
      .post('/deals', {
        program: program.slug,
        company: 'Initech',
        contactName: 'Bill Lumbergh',
        contactEmail: 'Bill@Initech.test',
        estimatedValue: 1200000,
        currency: 'usd',
      })
      .expect(201);
    expect(res.body.data).toMatchObject({
      company: 'Initech',
      contactEmail: 'bill@initech.test',
      currency: 'USD',
      status: 'submitted',
      decisionNote: null,
    });
    const days = (Date.parse(res.body.data.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
    const list = (await as().get('/deals').expect(200)).body;
    expect(list.data).toEqual([expect.objectContaining({ documentId: res.body.data.documentId })]);
  });

  it.each([
    [{ company: '' }],
    [{ contactEmail: 'nope' }],
    [{ estimatedValue: -1 }],
    [{ estimatedValue: 10.5 }],
    [{ currency: 'DOLLARS' }],
    [{ status: 'won' }],
  ])('POST /deals with %j → 400, nothing stored', async (change) => {
    const before = await count(app.strapi, 'deal');
    await as()
      .post('/deals', {
        program: program.slug,
        company: 'Initech',
        contactName: 'Bill',
        contactEmail: 'bill@initech.test',
        estimatedValue: 100,
        currency: 'USD',
        ...change,
      })
      .expect(400);
    expect(await count(app.strapi, 'deal')).toBe(before);
  });
});

describe('contracts', () => {
  it('every JSON answer parses with its response schema from plugin/contracts/portal.ts', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const routes: Array<[string, { parse(value: unknown): unknown }]> = [
      ['/me', contracts.meResponseSchema],
      ['/links', contracts.linksResponseSchema],
      ['/stats?range=6m', contracts.statsResponseSchema],
      ['/referrals', contracts.referralsResponseSchema],
      ['/commissions', contracts.commissionsResponseSchema],
      ['/statements', contracts.statementsResponseSchema],
      [`/statements/${month}?currency=USD`, contracts.statementResponseSchema],
      ['/payouts', contracts.payoutsResponseSchema],
      ['/payout-method', contracts.payoutMethodResponseSchema],
      ['/assets', contracts.assetsResponseSchema],
      ['/leads', contracts.referralsResponseSchema],
      ['/deals', contracts.dealsResponseSchema],
      ['/sub-partners', contracts.subPartnersResponseSchema],
    ];
    for (const [route, schema] of routes) {
      const res = await as().get(route).expect(200);
      expect(() => schema.parse(res.body)).not.toThrow();
    }
    const statements = (await as().get('/statements')).body.data;
    expect(statements).toContainEqual({ month, currency: 'USD' });
  });
});

describe('odd input', () => {
  it.each([
    ['GET', '/referrals?page=abc'],
    ['GET', '/referrals?page=1e12'],
    ['GET', '/referrals?pageSize=-5'],
    ['GET', '/referrals?status=lead&status=customer'],
    ['GET', '/referrals?program[]=x'],
    ['GET', '/commissions?status=%00'],
    ['GET', '/stats?range='],
    ['GET', '/statements/2026-00'],
    ['GET', '/statements/2026-01?currency=ZZZ'],
    ['GET', '/statements/2026-01?currency[]=USD'],
    ['GET', '/statements/9999999999999/csv'],
    ['GET', '/statements/2026-01/pdf?currency=usd%27--'],
    ['POST', '/links/build'],
    ['POST', '/leads'],
    ['POST', '/deals'],
    ['PUT', '/payout-method'],
  ])('%s %s → 400, never 500', async (method, route) => {
    const client = app.request();
    const url = `/api/partners/portal${route}`;
    const request =
      method === 'GET' ? client.get(url) : method === 'PUT' ? client.put(url) : client.post(url);
    request.set('Authorization', `Bearer ${jwt}`);
    for (const body of method === 'GET' ? [undefined] : [undefined, '[]', '"x"', '{"data":[1]}']) {
      const res = await (body === undefined
        ? request
        : (method === 'PUT' ? app.request().put(url) : app.request().post(url))
            .set('Authorization', `Bearer ${jwt}`)
            .set('Content-Type', 'application/json')
            .send(body));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ status: 400 });
    }
  });
});
