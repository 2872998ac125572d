import { Agent } from 'node:http';
import type {
  TrackClickRequest,
  TrackClickResponse,
  TrackSignupRequest,
} from '../../plugin/contracts/tracking';
import { uid } from '../../plugin/model';
import {
  commissionsOf,
  count,
  createLink,
  createPartner,
  createProgramWithPartner,
  enroll,
} from '../helpers/fixtures';
import { startStrapi, type TestApp } from '../helpers/strapi';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const FALLBACK_URL = 'https://acme.example/';

let app: TestApp;
let stopped = false;

beforeAll(async () => {
  app = await startStrapi();
});

afterAll(async () => {
  if (!stopped) await app?.stop();
});

let nextHost = 10;
/**
 * Requests from their own loopback address (127.0.0.0/8 is all local on Linux): each test gets
 * a rate-limit bucket of its own, and a known address to look for in what was stored.
 */
const client = (ip = `127.0.${Math.floor(nextHost / 250)}.${(nextHost++ % 250) + 2}`) => {
  const agent = new Agent({ localAddress: ip });
  return {
    ip,
    get: (path: string) => app.request().get(path).agent(agent).set('User-Agent', BROWSER),
    head: (path: string) => app.request().head(path).agent(agent).set('User-Agent', BROWSER),
    post: (path: string, body: unknown) =>
      app
        .request()
        .post(path)
        .agent(agent)
        .set('User-Agent', BROWSER)
        .send(body as object),
  };
};

const tracking = () => app.strapi.plugin('partners').service('tracking');
const clicksOf = async (linkId: number): Promise<Row[]> => {
  await tracking().flush();
  return app.strapi.db.query(uid('click')).findMany({ where: { linkId }, orderBy: { id: 'asc' } });
};
const locationOf = (res: { headers: Record<string, string> }) => new URL(res.headers.location);

describe('GET /api/partners/r/:code', () => {
  it('records the click and redirects to the landing URL with ref and pvid (302)', async () => {
    const { code, link, partner, program } = await createProgramWithPartner(app.strapi);
    const res = await client()
      .get(`/api/partners/r/${code.toUpperCase()}`)
      .set('Referer', 'https://blog.example/post')
      .expect(302);

    const location = locationOf(res);
    expect(location.origin + location.pathname).toBe('https://shop.example/');
    expect(location.searchParams.get('ref')).toBe(code);
    const visitorId = location.searchParams.get('pvid');
    expect(visitorId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(res.headers['cache-control']).toBe('no-store');

    const [click, ...others] = await clicksOf(link.id);
    expect(others).toEqual([]);
    expect(click).toMatchObject({
      code,
      linkId: link.id,
      partnerId: partner.id,
      programId: program.id,
      visitorId,
      userAgent: BROWSER,
      referrer: 'https://blog.example/post',
      landingUrl: res.headers.location,
      isBot: false,
      isUnique: true,
    });
    expect(click.ipHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers on the short root path too (/go/:code)', async () => {
    const { code, link } = await createProgramWithPartner(app.strapi);
    const res = await client().get(`/go/${code}`).expect(302);
    expect(locationOf(res).searchParams.get('ref')).toBe(code);
    expect(await clicksOf(link.id)).toHaveLength(1);
  });

  it('follows the link path and a `to` page on the landing host, keeping the landing parameters', async () => {
    const { code, link } = await createProgramWithPartner(app.strapi, {
      landingUrl: 'https://shop.example/?utm_source=partners',
    });
    await app.strapi.db
      .query(uid('link'))
      .update({ where: { id: link.id }, data: { path: '/pricing' } });

    const deep = locationOf(await client().get(`/api/partners/r/${code}`).expect(302));
    expect(deep.pathname).toBe('/pricing');
    expect(deep.searchParams.get('utm_source')).toBe('partners');

    const to = locationOf(
      await client()
        .get(`/api/partners/r/${code}?to=${encodeURIComponent('/blog/launch?x=1')}`)
        .expect(302)
    );
    expect([to.host, to.pathname, to.searchParams.get('x')]).toEqual([
      'shop.example',
      '/blog/launch',
      '1',
    ]);
  });

  it.each([
    '//evil.com',
    'https://evil.com/',
    '/\\evil.com',
    '\\\\evil.com',
    'javascript:alert(1)',
    '%2F%2Fevil.com',
    '/%5Cevil.com',
    'https://shop.example.evil.com/',
    'https://shop.example@evil.com/',
    'http://shop.example/',
    'https://shop.example:8443/',
  ])('never leaves the landing host for to=%s', async (to) => {
    const { code } = await createProgramWithPartner(app.strapi);
    const res = await client()
      .get(`/api/partners/r/${code}?to=${encodeURIComponent(to)}`)
      .expect(302);
    const location = locationOf(res);
    expect([location.protocol, location.host, location.pathname]).toEqual([
      'https:',
      'shop.example',
      '/',
    ]);
    expect(location.searchParams.get('ref')).toBe(code);
  });

  it('sends an unknown code to the fallback URL and records nothing', async () => {
    await tracking().flush();
    const before = await count(app.strapi, 'click');
    const res = await client().get('/api/partners/r/no-such-code').expect(302);
    expect(res.headers.location).toBe(FALLBACK_URL);
    await client().get('/go/no-such-code').expect(302);
    await tracking().flush();
    expect(await count(app.strapi, 'click')).toBe(before);
  });

  it.each([
    ['an archived program', { program: { state: 'archived' } }],
    ['a suspended partner', { partner: { state: 'suspended' } }],
    ['a pending enrollment', { enrollment: { state: 'applied' } }],
  ])(
    'sends a link of %s to the landing page without attribution or a click',
    async (_label, change: Row) => {
      const { code, link, program, partner } = await createProgramWithPartner(app.strapi);
      if (change.program)
        await app.strapi.db
          .query(uid('program'))
          .update({ where: { id: program.id }, data: change.program });
      if (change.partner)
        await app.strapi.db
          .query(uid('partner'))
          .update({ where: { id: partner.id }, data: change.partner });
      if (change.enrollment) {
        const enrollment = await app.strapi.db
          .query(uid('enrollment'))
          .findOne({ where: { partner: { id: partner.id } } });
        await app.strapi.db
          .query(uid('enrollment'))
          .update({ where: { id: enrollment.id }, data: change.enrollment });
      }

      const res = await client().get(`/api/partners/r/${code}`).expect(302);
      expect(res.headers.location).toBe('https://shop.example/');
      expect(await clicksOf(link.id)).toEqual([]);
    }
  );

  it('records bots and HEAD requests as isBot, never unique', async () => {
    const { code, link } = await createProgramWithPartner(app.strapi);
    const visitor = client();
    await visitor
      .get(`/api/partners/r/${code}`)
      .set('User-Agent', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)')
      .expect(302);
    await visitor.get(`/api/partners/r/${code}`).set('User-Agent', 'curl/8.5.0').expect(302);
    await visitor.get(`/api/partners/r/${code}`).set('User-Agent', '').expect(302);
    await visitor.head(`/api/partners/r/${code}`).expect(302);

    const clicks = await clicksOf(link.id);
    expect(clicks.map((click) => [click.isBot, click.isUnique])).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [true, false],
    ]);
  });

  it('counts a visitor once per link per 24 hours', async () => {
    const { code, link } = await createProgramWithPartner(app.strapi);
    const first = locationOf(await client().get(`/api/partners/r/${code}`).expect(302));
    const visitorId = first.searchParams.get('pvid') as string;
    // Flushed in between, so the second click's uniqueness comes from the database.
    await tracking().flush();
    const again = locationOf(
      await client().get(`/api/partners/r/${code}?pvid=${visitorId}`).expect(302)
    );
    expect(again.searchParams.get('pvid')).toBe(visitorId);
    await client().get(`/api/partners/r/${code}?pvid=${visitorId}`).expect(302);
    await client().get(`/api/partners/r/${code}`).expect(302);

    const clicks = await clicksOf(link.id);
    expect(clicks.map((click) => [click.visitorId === visitorId, click.isUnique])).toEqual([
      [true, true],
      [true, false],
      [true, false],
      [false, true],
    ]);
  });

  it('counts the visitor again once the last unique click is 24 hours old', async () => {
    const { code, link, partner, program } = await createProgramWithPartner(app.strapi);
    const visitorId = 'YesterdaysVisitor_0001';
    await app.strapi.db.query(uid('click')).create({
      data: {
        code,
        linkId: link.id,
        partnerId: partner.id,
        programId: program.id,
        visitorId,
        isBot: false,
        isUnique: true,
        createdAt: new Date(Date.now() - 25 * 3_600_000),
      },
    });
    await client().get(`/api/partners/r/${code}?pvid=${visitorId}`).expect(302);
    const clicks = await clicksOf(link.id);
    expect(clicks.map((click) => click.isUnique)).toEqual([true, true]);
  });

  it('reads the visitor id from the tracker cookie, and ignores a malformed one', async () => {
    const { code } = await createProgramWithPartner(app.strapi);
    const visitorId = 'CookieVisitor_0000001';
    const withCookie = await client()
      .get(`/api/partners/r/${code}`)
      .set('Cookie', `partners_ref=${code}.${visitorId}.1777550400`)
      .expect(302);
    expect(locationOf(withCookie).searchParams.get('pvid')).toBe(visitorId);

    const forged = await client()
      .get(`/api/partners/r/${code}?pvid=${encodeURIComponent('<script>')}`)
      .expect(302);
    expect(locationOf(forged).searchParams.get('pvid')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('never stores the raw IP address, only its salted hash', async () => {
    const { code, link } = await createProgramWithPartner(app.strapi);
    const visitor = client('127.0.0.77');
    await visitor.get(`/api/partners/r/${code}`).expect(302);
    await visitor.get(`/api/partners/r/${code}`).expect(302);
    await client('127.0.0.78').get(`/api/partners/r/${code}`).expect(302);

    const clicks = await clicksOf(link.id);
    for (const click of clicks) {
      for (const value of Object.values(click)) {
        expect(JSON.stringify(value ?? null)).not.toContain('127.0.0.7');
      }
    }
    expect(clicks[0].ipHash).toBe(clicks[1].ipHash);
    expect(clicks[2].ipHash).not.toBe(clicks[0].ipHash);
  });
});

describe('GET /api/partners/tracker.js', () => {
  it('serves the script with a cache header and an ETag, 304 when unchanged', async () => {
    const res = await client().get('/api/partners/tracker.js').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.text).toContain('window.partners');
    await client()
      .get('/api/partners/tracker.js')
      .set('If-None-Match', res.headers.etag)
      .expect(304);
  });

  it('lets pages on other origins call the tracker endpoints (CORS)', async () => {
    const res = await client()
      .post('/api/partners/track/click', { data: { code: 'no-such-code' } })
      .set('Origin', 'https://shop.example');
    expect(res.headers['access-control-allow-origin']).toBe('https://shop.example');
    const preflight = await app
      .request()
      .options('/api/partners/track/click')
      .set('Origin', 'https://shop.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });
});

describe('POST /api/partners/track/click', () => {
  const post = (body: TrackClickRequest | Row, visitor = client()) =>
    visitor.post('/api/partners/track/click', body);

  it('records the visit and answers the visitor id and the cookie rules', async () => {
    const { code, link } = await createProgramWithPartner(app.strapi, {
      attributionWindowDays: 30,
      attributionModel: 'first-click',
    });
    const res = await post({
      data: {
        code: code.toUpperCase(),
        landingUrl: `https://shop.example/?ref=${code}`,
        referrer: 'https://news.example/',
      },
    }).expect(200);
    const body = res.body as TrackClickResponse;
    expect(body.data).toEqual({
      code,
      visitorId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      attributionWindowDays: 30,
      attributionModel: 'first-click',
    });
    const [click] = await clicksOf(link.id);
    expect(click).toMatchObject({
      visitorId: body.data.visitorId,
      landingUrl: `https://shop.example/?ref=${code}`,
      referrer: 'https://news.example/',
      isBot: false,
      isUnique: true,
    });
  });

  it('keeps the visitor id it is given', async () => {
    const { code, link } = await createProgramWithPartner(app.strapi);
    const visitorId = 'KnownVisitor_00000001';
    const res = await post({ data: { code, visitorId } }).expect(200);
    expect(res.body.data.visitorId).toBe(visitorId);
    expect((await clicksOf(link.id))[0].visitorId).toBe(visitorId);
  });

  it('answers 404 for an unknown or inactive code and records nothing', async () => {
    const { code, link, program } = await createProgramWithPartner(app.strapi);
    await app.strapi.db
      .query(uid('program'))
      .update({ where: { id: program.id }, data: { state: 'draft' } });
    const visitor = client();
    const res = await post({ data: { code } }, visitor).expect(404);
    expect(res.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    await post({ data: { code: 'no-such-code' } }, visitor).expect(404);
    expect(await clicksOf(link.id)).toEqual([]);
  });

  it.each([
    ['no data envelope', { code: 'abc' }],
    ['no code', { data: {} }],
    ['a code with a space', { data: { code: 'ab cd' } }],
    ['a one-letter code', { data: { code: 'a' } }],
    ['a malformed visitor id', { data: { code: 'abc', visitorId: '<img src=x>' } }],
    ['a javascript: landing URL', { data: { code: 'abc', landingUrl: 'javascript:alert(1)' } }],
    ['a huge referrer', { data: { code: 'abc', referrer: 'x'.repeat(2049) } }],
    ['an unknown field', { data: { code: 'abc', ip: '1.2.3.4' } }],
    ['an array', [{ code: 'abc' }]],
  ])("refuses %s with a 400 in Strapi's error shape", async (_label, body) => {
    const { code, link } = await createProgramWithPartner(app.strapi);
    const withCode = JSON.parse(JSON.stringify(body).replace(/"abc"/g, JSON.stringify(code)));
    const res = await post(withCode).expect(400);
    expect(res.body).toMatchObject({
      data: null,
      error: { status: 400, name: 'ValidationError', message: expect.any(String) },
    });
    expect(await clicksOf(link.id)).toEqual([]);
  });
});

describe('GET /api/partners/track/links/:code', () => {
  it('answers the cookie rules of a live link, 404 otherwise', async () => {
    const { code } = await createProgramWithPartner(app.strapi, { attributionWindowDays: 90 });
    const res = await client().get(`/api/partners/track/links/${code}`).expect(200);
    expect(res.body.data).toEqual({
      code,
      attributionWindowDays: 90,
      attributionModel: 'last-click',
    });
    await client().get('/api/partners/track/links/no-such-code').expect(404);
    await client().get('/api/partners/track/links/%20').expect(400);
  });
});

describe('POST /api/partners/track/signup', () => {
  const signup = (body: TrackSignupRequest | Row, visitor = client()) =>
    visitor.post('/api/partners/track/signup', body);
  const referralsOf = (where: Row) => app.strapi.db.query(uid('referral')).findMany({ where });

  it('makes the contact a signed-up referral of the link’s partner', async () => {
    const { code, link, partner } = await createProgramWithPartner(app.strapi);
    const res = await signup({
      data: { code, email: 'Ada.Lovelace@Example.com', name: 'Ada King Lovelace' },
    }).expect(200);
    expect(res.body).toEqual({ data: { received: true } });

    const [referral, ...others] = await referralsOf({ email: 'ada.lovelace@example.com' });
    expect(others).toEqual([]);
    expect(referral).toMatchObject({
      partnerId: partner.id,
      linkId: link.id,
      source: 'link',
      state: 'signed-up',
      firstName: 'Ada',
      lastName: 'King Lovelace',
    });
    expect(referral.signedUpAt).not.toBeNull();
  });

  it('attributes through the visitor id of a redirect when no code is given', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi);
    const visitor = client();
    const location = locationOf(await visitor.get(`/go/${code}`).expect(302));
    const visitorId = location.searchParams.get('pvid') as string;
    // No flush here: the signup must see the click even if it is still queued.
    await signup({ data: { visitorId, email: 'grace@example.com' } }, visitor).expect(200);
    const [referral] = await referralsOf({ email: 'grace@example.com' });
    expect(referral).toMatchObject({ partnerId: partner.id, visitorId, state: 'signed-up' });
  });

  it('signs up a lead the partner added, when the visitor brings no code', async () => {
    const { partner, program } = await createProgramWithPartner(app.strapi);
    await app.strapi.db.query(uid('referral')).create({
      data: {
        partnerId: partner.id,
        programId: program.id,
        source: 'lead',
        email: 'lead@example.com',
        state: 'lead',
      },
    });
    await signup({ data: { email: 'LEAD@example.com', name: 'Lee' } }).expect(200);
    const [referral] = await referralsOf({ email: 'lead@example.com' });
    expect(referral).toMatchObject({
      partnerId: partner.id,
      source: 'lead',
      state: 'signed-up',
      firstName: 'Lee',
    });
  });

  it('grants the signup bounty once, however often the signup is sent', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi, {
      trigger: 'signup',
      commission: { type: 'flat', amount: 5000 },
      holdDays: 14,
    });
    const body = { data: { code, email: 'bounty@example.com' } };
    const visitor = client();
    await signup(body, visitor).expect(200);
    await Promise.all([signup(body, visitor), signup(body, visitor), signup(body, visitor)]);

    expect(await count(app.strapi, 'referral', { email: 'bounty@example.com' })).toBe(1);
    const entries = await commissionsOf(app.strapi, { partnerId: partner.id });
    expect(entries.map((entry) => [entry.kind, entry.amount, entry.state])).toEqual([
      ['signup', 5000, 'pending'],
    ]);
    expect(entries[0].idempotencyKey).toMatch(/^referral:\d+:l1:signup$/);
  });

  it('grants nothing in a program that pays on sales', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi);
    await signup({ data: { code, email: 'sale-program@example.com' } }).expect(200);
    expect(await count(app.strapi, 'commission', { partnerId: partner.id })).toBe(0);
  });

  it("never moves a contact from partner A to partner B through B's code", async () => {
    const a = await createProgramWithPartner(app.strapi, {
      trigger: 'signup',
      commission: { type: 'flat', amount: 5000 },
    });
    const partnerB = await createPartner(app.strapi);
    await enroll(app.strapi, partnerB, a.program);
    const linkB = await createLink(app.strapi, partnerB, a.program);

    await signup({ data: { code: a.code, email: 'contested@example.com' } }).expect(200);
    await signup({
      data: { code: linkB.code, email: 'Contested@example.com', name: 'Someone Else' },
    }).expect(200);

    const referrals = await referralsOf({ email: 'contested@example.com' });
    expect(referrals.map((referral) => referral.partnerId)).toEqual([a.partner.id]);
    expect(await count(app.strapi, 'commission', { partnerId: partnerB.id })).toBe(0);
    expect(await count(app.strapi, 'commission', { partnerId: a.partner.id })).toBe(1);
  });

  it.each([
    ['no data envelope', { email: 'x@example.com' }],
    ['no e-mail', { data: { code: 'abc' } }],
    ['a malformed e-mail', { data: { code: 'abc', email: 'not-an-email' } }],
    ['a malformed code', { data: { code: 'a b', email: 'x@example.com' } }],
    ['a malformed visitor id', { data: { visitorId: 'short', email: 'x@example.com' } }],
    ['an empty name', { data: { code: 'abc', email: 'x@example.com', name: '  ' } }],
    ['an unknown field', { data: { code: 'abc', email: 'x@example.com', partner: 1 } }],
    ['a string body', 'email=x@example.com'],
  ])('refuses %s with a 400 and stores nothing', async (_label, body) => {
    const { code, partner } = await createProgramWithPartner(app.strapi);
    const withCode =
      typeof body === 'string'
        ? body
        : JSON.parse(JSON.stringify(body).replace(/"abc"/g, JSON.stringify(code)));
    const res = await signup(withCode).expect(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(await count(app.strapi, 'referral', { partnerId: partner.id })).toBe(0);
  });
});

describe('rate limits', () => {
  it("answer 429 in Strapi's error shape once a client sends too much, per client", async () => {
    const busy = client();
    // The limit is 10 a minute; 21 requests put at least 11 into one clock-aligned window.
    const responses = [];
    for (let i = 0; i < 21; i += 1) {
      responses.push(await busy.post('/api/partners/track/signup', { data: {} }));
    }
    const limited = responses.filter((res) => res.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].body).toMatchObject({
      data: null,
      error: { status: 429, name: 'RateLimitError' },
    });
    expect(Number(limited[0].headers['retry-after'])).toBeGreaterThan(0);
    expect(responses.filter((res) => res.status === 400).length).toBeGreaterThanOrEqual(10);

    await client().post('/api/partners/track/signup', { data: {} }).expect(400);
  });
});

describe('shutdown', () => {
  it('writes each click before its redirect answers; nothing is left for shutdown', async () => {
    const { code, link } = await createProgramWithPartner(app.strapi);
    const inserts: unknown[][] = [];
    app.strapi.db.connection.on('query', (query: { sql: string; bindings?: unknown[] }) => {
      if (/^insert into .partners_clicks./i.test(query.sql)) inserts.push(query.bindings ?? []);
    });
    await tracking().flush();
    await client().get(`/api/partners/r/${code}`).expect(302);
    expect(inserts).toHaveLength(1);
    expect(inserts[0]).toEqual(expect.arrayContaining([code, link.id]));
    stopped = true;
    await app.stop();
    expect(inserts).toHaveLength(1);
  });
});
