import { uid } from '../../plugin/model';
import { earnApproved } from '../helpers/ledger';
import {
  count,
  createApiToken,
  createLink,
  createPartner,
  createProgram,
  enroll,
} from '../helpers/fixtures';
import { portal, portalLogin } from '../helpers/portal';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * SPEC §11: partner A can never read or change partner B's data, through any portal route,
 * filter, populate or export; logins without an approved partner get nothing.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** portalLogin's password: payout changes ask for it again. */
const PASSWORD = 'Portal-login-2026';

let app: TestApp;
let jwtA: string;
let partnerA: Row;
let partnerB: Row;
let shared: Row;
let bOnly: Row;
let linkB: Row;
let codeA: string;
/** Strings that only partner B's data contains. */
const secretsOfB: string[] = [];

const A = () => portal(app, jwtA);
const MONTH = '2026-01';

/** Every portal GET route, for the blanket checks. */
const GET_ROUTES = [
  '/me',
  '/links',
  '/stats',
  '/stats?range=6m',
  '/referrals',
  '/referrals/export',
  '/commissions',
  '/commissions/export',
  '/statements',
  `/statements/${MONTH}`,
  `/statements/${MONTH}?currency=EUR`,
  `/statements/${MONTH}/csv?currency=EUR`,
  '/payouts',
  '/payout-method',
  '/assets',
  '/leads',
  '/deals',
  '/sub-partners',
];

beforeAll(async () => {
  app = await startStrapi();
  app.strapi.config.set('plugin::partners.notifications', { enabled: false });
  const apiToken = await createApiToken(app.strapi);
  shared = await createProgram(app.strapi, {
    holdDays: 0,
    referralDetail: 'contact-id',
    showPurchaseHistory: true,
    showDeclinedCharges: true,
    tierMode: 'two-tier',
    secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
  });
  bOnly = await createProgram(app.strapi, {
    holdDays: 0,
    currency: 'EUR',
    referralDetail: 'contact-id',
    name: 'Bravo Secret Program',
  });
  partnerA = await createPartner(app.strapi, { name: 'Alpha Partner' });
  partnerB = await createPartner(app.strapi, {
    name: 'Bravo Partner',
    payoutMethod: { type: 'paypal', email: 'bravo-paypal@partners.test' },
  });
  await enroll(app.strapi, partnerA, shared);
  await enroll(app.strapi, partnerB, shared);
  await enroll(app.strapi, partnerB, bOnly);
  jwtA = await portalLogin(app, partnerA);

  codeA = (await createLink(app.strapi, partnerA, shared, 'alpha-link')).code;
  const codeB = (await createLink(app.strapi, partnerB, shared, 'bravo-link')).code;
  linkB = await createLink(app.strapi, partnerB, bOnly, 'bravo-only');
  secretsOfB.push('bravo-link', 'bravo-only', linkB.documentId, 'Bravo Secret Program', bOnly.slug);

  const orderOf = async (code: string, email: string, amount: number, currency = 'USD') => {
    const res = await app
      .request()
      .post('/api/partners/orders')
      .set('Authorization', `Bearer ${apiToken}`)
      .send({
        data: {
          externalId: `ord-${email}`,
          amount,
          currency,
          paidAt: `${MONTH}-10T10:00:00Z`,
          customerEmail: email,
          customerName: `Customer ${email.split('@')[0]}`,
          customerExternalId: `ext-${email.split('@')[0]}`,
          referralCode: code,
        },
      })
      .expect(201);
    return res.body.data;
  };
  await orderOf(codeA, 'alice-customer@shop.test', 10000);
  await orderOf(codeB, 'bob-customer@shop.test', 20000);
  await orderOf(linkB.code, 'bea-customer@shop.test', 30000, 'EUR');
  secretsOfB.push('bob-customer', 'bea-customer');
  await earnApproved(app, apiToken, codeB, 5000, `${MONTH}-11T10:00:00Z`);
  await app.strapi
    .plugin('partners')
    .service('commissions')
    .approveDue(new Date(`${MONTH}-12T00:00:00Z`).toISOString());

  // B's payout, deal, lead, asset (in B's own program) and recruit.
  await app.strapi.db.query(uid('payout')).create({
    data: {
      partnerId: partnerB.id,
      currency: 'USD',
      amount: 4000,
      state: 'paid',
      paidAt: `${MONTH}-20T00:00:00Z`,
      idempotencyKey: 'payout-bravo',
      reference: 'BRAVO-REF-1',
      method: { type: 'paypal', email: 'bravo-paypal@partners.test' },
    },
  });
  await app.strapi.db.query(uid('deal')).create({
    data: {
      partner: partnerB.id,
      program: shared.id,
      company: 'Bravo Deal Corp',
      contactEmail: 'deal-contact@bravo.test',
      state: 'submitted',
    },
  });
  await app.strapi.db.query(uid('referral')).create({
    data: {
      partnerId: partnerB.id,
      programId: shared.id,
      source: 'lead',
      state: 'lead',
      email: 'bravo-lead@bravo.test',
    },
  });
  await app.strapi.db
    .query(uid('asset'))
    .create({ data: { program: bOnly.id, title: 'Bravo Banner', type: 'banner' } });
  await createPartner(app.strapi, { name: 'Bravo Recruit', referredBy: partnerB.id });
  await app.request().get('/api/partners/r/bravo-link').set('User-Agent', 'Mozilla/5.0');
  await app.strapi.plugin('partners').service('tracking').flush();
  secretsOfB.push(
    'BRAVO-REF-1',
    'bravo-paypal',
    'Bravo Deal Corp',
    'deal-contact@bravo.test',
    'bravo-lead@bravo.test',
    'Bravo Banner',
    'Bravo Recruit',
    'Bravo Partner',
    partnerB.documentId
  );
});

afterAll(async () => {
  await app?.stop();
});

const expectNothingOfB = (text: string) => {
  for (const secret of secretsOfB) expect(text).not.toContain(secret);
};

describe('partner A sees only its own data', () => {
  it.each(GET_ROUTES)('GET %s', async (route) => {
    const res = await A().get(route);
    expect(res.status).toBe(200);
    expectNothingOfB(res.text);
  });

  it('its own data is there (the checks above can fail)', async () => {
    const referrals = (await A().get('/referrals').expect(200)).body.data;
    expect(referrals).toEqual([expect.objectContaining({ email: 'alice-customer@shop.test' })]);
    const links = (await A().get('/links').expect(200)).body.data;
    expect(links.map((link: Row) => link.code)).toEqual([codeA]);
    const stats = (await A().get('/stats?range=6m').expect(200)).body.data;
    expect(stats.totals.clicks).toBe(0);
    expect((await A().get('/commissions').expect(200)).body.meta.pagination.total).toBe(1);
  });

  it.each([
    '/referrals?filters[partner][id]=PARTNER_B',
    '/referrals?filters[partner]=PARTNER_B',
    '/referrals?populate=*',
    '/referrals?partner=PARTNER_B',
    '/referrals?fields[0]=email',
    '/referrals?sort=email',
    '/commissions?filters[partner][documentId]=PARTNER_B',
    '/commissions?populate[partner]=true',
    '/referrals/export?filters[partner]=PARTNER_B',
    '/commissions/export?populate=*',
    '/payouts?partner=PARTNER_B',
    '/deals?filters[partner]=PARTNER_B',
    '/leads?populate=*',
    '/stats?partner=PARTNER_B',
    `/statements/${MONTH}?partner=PARTNER_B`,
    `/statements/${MONTH}/pdf?partner=PARTNER_B&currency=USD`,
    '/me?populate=*',
    '/links?filters[partner]=PARTNER_B',
    '/payout-method?partner=PARTNER_B',
    '/sub-partners?partner=PARTNER_B',
  ])('a widening query is refused: %s', async (route) => {
    const res = await A().get(route.replace(/PARTNER_B/g, partnerB.documentId));
    expect(res.status).toBe(400);
    expectNothingOfB(res.text);
  });

  it('a page size over 100 is clamped and page 2 holds nothing of B', async () => {
    for (const route of ['/referrals', '/commissions', '/payouts', '/deals', '/leads']) {
      const res = await A().get(`${route}?page=2&pageSize=1000`).expect(200);
      expect(res.body.meta.pagination).toMatchObject({ page: 2, pageSize: 100 });
      expect(res.body.data).toEqual([]);
      expectNothingOfB(res.text);
    }
  });

  it.each([
    '/referrals?program=SLUG',
    '/referrals/export?program=SLUG',
    '/commissions?program=SLUG',
    '/commissions/export?program=SLUG',
    '/stats?program=SLUG',
    '/deals?program=SLUG',
    '/leads?program=SLUG',
  ])('a program A is not in is a 404: %s', async (route) => {
    const res = await A().get(route.replace('SLUG', bOnly.slug));
    expect(res.status).toBe(404);
    expectNothingOfB(res.text);
  });

  it('B’s statement currency shows A an empty statement, never B’s entries', async () => {
    const res = await A().get(`/statements/${MONTH}?currency=EUR`).expect(200);
    expect(res.body.data).toMatchObject({
      currency: 'EUR',
      openingBalance: 0,
      entries: [],
      payouts: [],
      closingBalance: 0,
    });
    const usd = await A().get(`/statements/${MONTH}?currency=USD`).expect(200);
    expect(usd.body.data.payouts).toEqual([]);
    expect(usd.body.data.entries).toHaveLength(1);
    const pdf = await A().binary(`/statements/${MONTH}/pdf?currency=EUR`).expect(200);
    expectNothingOfB((pdf.body as Buffer).toString('latin1'));
    await A().get('/statements/2026-13').expect(400);
    await A().get('/statements/..%2F..%2Fadmin').expect(400);
  });

  it('building a link from B’s link is a 404', async () => {
    const res = await A().post('/links/build', { link: linkB.documentId, to: '/pricing' });
    expect(res.status).toBe(404);
    expectNothingOfB(res.text);
  });

  it('leads and deals cannot be added to B’s program', async () => {
    const referrals = await count(app.strapi, 'referral');
    const deals = await count(app.strapi, 'deal');
    await A().post('/leads', { program: bOnly.slug, email: 'x@y.test' }).expect(404);
    await A()
      .post('/deals', {
        program: bOnly.slug,
        company: 'X',
        contactName: 'Y',
        contactEmail: 'x@y.test',
        estimatedValue: 1,
        currency: 'EUR',
      })
      .expect(404);
    expect(await count(app.strapi, 'referral')).toBe(referrals);
    expect(await count(app.strapi, 'deal')).toBe(deals);
  });

  it('a lead for B’s referred contact is a 409 that does not say whose it is', async () => {
    const before = await count(app.strapi, 'referral');
    const res = await A()
      .post('/leads', { program: shared.slug, email: 'bob-customer@shop.test' })
      .expect(409);
    expect(res.body.error).toMatchObject({ status: 409, name: 'ConflictError' });
    expectNothingOfB(JSON.stringify(res.body).replace('bob-customer@shop.test', ''));
    expect(res.text).not.toContain('Bravo');
    expect(await count(app.strapi, 'referral')).toBe(before);
  });

  it('two partners adding the same contact at once: one lead, the other a 409', async () => {
    const jwtB = await portalLogin(app, partnerB);
    const email = 'contested@shop.test';
    const results = await Promise.all(
      [jwtA, jwtB, jwtA, jwtB].map((jwt) =>
        portal(app, jwt).post('/leads', { program: shared.slug, email })
      )
    );
    expect(results.map((res) => res.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await count(app.strapi, 'referral', { email })).toBe(1);
  });

  it('a payout method written by A changes A only', async () => {
    await A()
      .put('/payout-method', { type: 'paypal', email: 'alpha@partners.test', password: PASSWORD })
      .expect(200);
    const b = await app.strapi.db.query(uid('partner')).findOne({ where: { id: partnerB.id } });
    expect(b.payoutMethod).toEqual({ type: 'paypal', email: 'bravo-paypal@partners.test' });
  });
});

describe('logins without an approved partner', () => {
  let noPartner: string;
  let suspended: string;
  let applied: string;

  beforeAll(async () => {
    noPartner = await portalLogin(app, null);
    const suspendedPartner = await createPartner(app.strapi, { state: 'suspended' });
    await enroll(app.strapi, suspendedPartner, shared);
    suspended = await portalLogin(app, suspendedPartner);
    applied = await portalLogin(app, await createPartner(app.strapi, { state: 'applied' }));
  });

  const ALL = [
    ...GET_ROUTES.map((route) => ['GET', route] as const),
    ['POST', '/links/build'] as const,
    ['POST', '/leads'] as const,
    ['POST', '/deals'] as const,
    ['PUT', '/payout-method'] as const,
  ];

  it.each(ALL)(
    '%s %s: 403 without a partner, when suspended or not approved; 401/403 without a JWT',
    async (method, route) => {
      const call = (jwt: string | null) => {
        const client = portal(app, jwt);
        if (method === 'GET') return client.get(route);
        const data = { type: 'credit', program: shared.slug, email: 'x@y.test' };
        return method === 'PUT' ? client.put(route, data) : client.post(route, data);
      };
      for (const jwt of [noPartner, suspended, applied]) {
        const res = await call(jwt);
        expect(res.status).toBe(403);
        expectNothingOfB(res.text);
      }
      const anonymous = await call(null);
      expect([401, 403]).toContain(anonymous.status);
      expect(anonymous.body.data ?? null).toBeNull();
    }
  );

  it('an invalid JWT is refused', async () => {
    const res = await portal(app, 'not-a-jwt').get('/me');
    expect([401, 403]).toContain(res.status);
  });
});
