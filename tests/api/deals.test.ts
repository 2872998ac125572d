import * as contracts from '../../plugin/contracts/portal';
import { uid } from '../../plugin/model';
import { DEAL_DUPLICATE_MESSAGE, DEAL_TAKEN_MESSAGE } from '../../server/src/partners/deals';
import {
  count,
  createPartner,
  createProgram,
  enroll,
  orderBody,
  orderIdOf,
} from '../helpers/fixtures';
import { portal, portalLogin } from '../helpers/portal';
import { useTestApp } from '../helpers/test-app';

/** SPEC §6, §9: deal registrations, one open claim per customer, won / lost, the pipeline. */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { app, admin, apiToken } = useTestApp({ admin: true, apiToken: true });

let refuse: Row;
let hold: Row;
let alpha: Row;
let bravo: Row;
let alphaJwt: string;
let bravoJwt: string;

const api = (method: 'get' | 'post', path: string) =>
  app.request()[method](`/partners${path}`).set('Authorization', `Bearer ${admin()}`);

const deal = (program: Row, change: Row = {}) => ({
  program: program.slug,
  company: 'Initech, Inc.',
  contactName: 'Bill Lumbergh',
  contactEmail: 'bill@initech.test',
  estimatedValue: 1_200_000,
  currency: 'USD',
  domain: 'https://www.initech.test/about',
  expectedCloseAt: '2027-03-31',
  ...change,
});

beforeAll(async () => {
  app.strapi.config.set('plugin::partners.notifications', { enabled: false });
  refuse = await createProgram(app.strapi, { holdDays: 0 });
  hold = await createProgram(app.strapi, { holdDays: 0, dealConflicts: 'hold' });
  alpha = await createPartner(app.strapi, { name: 'Alpha Agency' });
  bravo = await createPartner(app.strapi, { name: 'Bravo Agency' });
  for (const partner of [alpha, bravo])
    for (const program of [refuse, hold]) await enroll(app.strapi, partner, program);
  alphaJwt = await portalLogin(app, alpha);
  bravoJwt = await portalLogin(app, bravo);
});

describe('registration', () => {
  it('stores the customer keys and the expected close; the answer parses', async () => {
    const res = await portal(app, alphaJwt).post('/deals', deal(refuse)).expect(201);
    expect(contracts.dealResponseSchema.parse(res.body).data).toMatchObject({
      company: 'Initech, Inc.',
      domain: 'initech.test',
      status: 'submitted',
      held: false,
      expectedCloseAt: '2027-03-31',
    });
    const row = await app.strapi.db
      .query(uid('deal'))
      .findOne({ where: { documentId: res.body.data.documentId } });
    expect(row).toMatchObject({ companyKey: 'initech', domain: 'initech.test', held: false });
  });

  it.each([
    ['the same e-mail', { company: 'Other Co', domain: undefined }],
    [
      'the same company',
      { contactEmail: 'peter@elsewhere.test', company: 'INITECH LLC', domain: undefined },
    ],
    [
      'the same domain',
      { contactEmail: 'peter@elsewhere.test', company: 'Other Co', domain: 'initech.test' },
    ],
  ])('another partner, %s: refused, naming no one, nothing stored', async (_label, change) => {
    const before = await count(app.strapi, 'deal');
    const res = await portal(app, bravoJwt).post('/deals', deal(refuse, change)).expect(400);
    expect(res.body.error.message).toBe(DEAL_TAKEN_MESSAGE);
    expect(JSON.stringify(res.body)).not.toMatch(/alpha/i);
    expect(await count(app.strapi, 'deal')).toBe(before);
  });

  it('the same partner twice: refused as its own duplicate, in either mode', async () => {
    await portal(app, alphaJwt).post('/deals', deal(hold)).expect(201);
    for (const program of [refuse, hold]) {
      const before = await count(app.strapi, 'deal');
      const res = await portal(app, alphaJwt).post('/deals', deal(program)).expect(400);
      expect(res.body.error.message).toBe(DEAL_DUPLICATE_MESSAGE);
      expect(await count(app.strapi, 'deal')).toBe(before);
    }
  });

  it('a program that holds conflicts keeps the second one, held, for an editor', async () => {
    const res = await portal(app, bravoJwt)
      .post('/deals', deal(hold, { contactEmail: 'peter@initech.test' }))
      .expect(201);
    expect(res.body.data).toMatchObject({ status: 'submitted', held: true });
    expect(JSON.stringify(res.body)).not.toMatch(/alpha/i);
  });

  it.each([
    [{ domain: 'not a domain' }],
    [{ expectedCloseAt: '2027-02-30' }],
    [{ expectedCloseAt: 'soon' }],
    [{ held: true }],
    [{ company: 'Fresh', contactEmail: 'x@fresh.test', domain: 'x'.repeat(254) }],
  ])('POST /deals with %j → 400, nothing stored', async (change) => {
    const before = await count(app.strapi, 'deal');
    await portal(app, alphaJwt)
      .post('/deals', deal(refuse, { company: 'Fresh', contactEmail: 'x@fresh.test', ...change }))
      .expect(400);
    expect(await count(app.strapi, 'deal')).toBe(before);
  });

  it('a partner lists only its own deals', async () => {
    const mine = (await portal(app, bravoJwt).get('/deals').expect(200)).body.data as Row[];
    expect(mine.length).toBeGreaterThan(0);
    const ids = mine.map((row) => row.documentId);
    const rows = await app.strapi.db
      .query(uid('deal'))
      .findMany({ where: { documentId: { $in: ids } }, populate: { partner: true } });
    expect(rows.every((row: Row) => row.partner.id === bravo.id)).toBe(true);
  });
});

describe('decisions', () => {
  const find = (partner: Row, program: Row) =>
    app.strapi.db.query(uid('deal')).findOne({
      where: { partner: { id: partner.id }, program: { id: program.id } },
    });

  it('a held deal is not approved while the first claim is approved and open', async () => {
    const first = await find(alpha, hold);
    const held = await find(bravo, hold);
    await api('post', `/deals/${first.documentId}/approve`).send({}).expect(200);
    const res = await api('post', `/deals/${held.documentId}/approve`).send({}).expect(400);
    expect(res.body.error.message).toMatch(/another registration/i);
    expect((await find(bravo, hold)).state).toBe('submitted');
    await api('post', `/deals/${first.documentId}/lose`)
      .send({ data: { note: 'Budget cut' } })
      .expect(200);
    await api('post', `/deals/${held.documentId}/approve`).send({}).expect(200);
  });

  it('won: no expiry; the customer’s orders credit the partner; moves are one-way', async () => {
    const first = await find(alpha, refuse);
    await api('post', `/deals/${first.documentId}/win`).send({}).expect(400);
    await api('post', `/deals/${first.documentId}/approve`).send({}).expect(200);
    const won = await api('post', `/deals/${first.documentId}/win`)
      .send({ data: { value: 1_500_000 } })
      .expect(200);
    expect(won.body.data).toMatchObject({
      status: 'won',
      expiresAt: null,
      estimatedValue: 1_500_000,
      closedAt: expect.any(String),
    });
    await api('post', `/deals/${first.documentId}/lose`).send({}).expect(400);
    await api('post', `/deals/${first.documentId}/win`)
      .send({ data: { value: -5 } })
      .expect(400);

    const body = orderBody({ customerEmail: 'Bill@Initech.test', amount: 50000 });
    await app
      .request()
      .post('/api/partners/orders')
      .set('Authorization', `Bearer ${apiToken()}`)
      .send(body)
      .expect(201);
    const order = await app.strapi.db
      .query(uid('order'))
      .findOne({ where: { id: await orderIdOf(app.strapi, body.data.externalId) } });
    expect(order).toMatchObject({ partnerId: alpha.id, programId: refuse.id });
  });

  it('open deals past their expiry become expired; closed ones stay', async () => {
    const held = await find(bravo, hold);
    await app.strapi.db
      .query(uid('deal'))
      .update({ where: { id: held.id }, data: { expiresAt: '2020-01-01T00:00:00.000Z' } });
    const result = await app.strapi
      .plugin('partners')
      .service('deals')
      .expireDue(new Date().toISOString());
    expect(result.expired).toBe(1);
    expect((await find(bravo, hold)).state).toBe('expired');
    expect((await find(alpha, refuse)).state).toBe('won');
  });

  it('the pipeline: deals and value by state and currency, soonest expected close', async () => {
    const all = (await api('get', '/deals/pipeline').expect(200)).body.data as Row[];
    expect(all).toEqual(
      expect.arrayContaining([
        {
          status: 'won',
          currency: 'USD',
          deals: 1,
          value: 1_500_000,
          nextExpectedCloseAt: '2027-03-31',
        },
        expect.objectContaining({ status: 'lost', deals: 1, value: 1_200_000 }),
        expect.objectContaining({ status: 'expired', deals: 1 }),
      ])
    );
    const bravoOnly = (
      await api('get', '/deals/pipeline').query({ partner: bravo.documentId }).expect(200)
    ).body.data as Row[];
    expect(bravoOnly.map((row) => row.status)).toEqual(['expired']);
    const holdOnly = (await api('get', '/deals/pipeline').query({ program: hold.slug }).expect(200))
      .body.data as Row[];
    expect(holdOnly.map((row) => row.status)).toEqual(['lost', 'expired']);
    await api('get', '/deals/pipeline').query({ program: 'no such program' }).expect(400);
    await api('get', '/deals/pipeline').query({ state: 'won' }).expect(400);
    const sorted = await api('get', '/deals').query({ sort: 'expectedCloseAt' }).expect(200);
    expect(sorted.body.data[0]).toHaveProperty('expectedCloseAt');
  });
});
