import type { MarkPayoutPaidRequest, RunPayoutsRequest } from '../../plugin/contracts/payouts';
import { uid } from '../../plugin/model';
import { adminToken } from '../helpers/admin';
import { earnApproved, markPayoutPaid, payoutsOf as payoutsOfPartner } from '../helpers/ledger';
import { startFakeStripe, type FakeStripe } from '../helpers/fake-stripe';
import {
  commissionsOf,
  count,
  createApiToken,
  createLink,
  createPartner,
  createProgram,
  enroll,
} from '../helpers/fixtures';
import { parseCsv } from '../helpers/portal';
import { startStrapi, type TestApp } from '../helpers/strapi';

/** SPEC §10: payout runs, paid / failed, Stripe Connect transfers, credit, exports, admin API. */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let app: TestApp;
let apiToken: string;
let admin: string;
let stripe: FakeStripe;
const events: Array<[string, Row]> = [];

beforeAll(async () => {
  stripe = await startFakeStripe();
  app = await startStrapi();
  apiToken = await createApiToken(app.strapi);
  admin = await adminToken(app, 'strapi-super-admin');
  // Stripe's API cannot be reached from here: the SDK talks to the local stand-in.
  app.strapi.config.set('plugin::partners.stripe', {
    secretKey: 'sk_test_partners',
    apiBase: stripe.url,
  });
  app.strapi.config.set('plugin::partners.notifications', { enabled: false });
  for (const event of ['created', 'paid', 'failed', 'credit']) {
    app.strapi.eventHub.on(`partners.payout.${event}`, async (payload: Row) => {
      events.push([event, payload]);
    });
  }
});

afterAll(async () => {
  await app?.stop();
  await stripe?.close();
});

const api = (method: 'get' | 'post', path: string) =>
  app.request()[method](`/partners${path}`).set('Authorization', `Bearer ${admin}`);
const runPeriod = (period: string) =>
  api('post', '/payouts/run').send({ data: { period } } satisfies RunPayoutsRequest);
const markPaid = (documentId: string, data: MarkPayoutPaidRequest['data']) =>
  markPayoutPaid(app, admin, documentId, data);
const payouts = () => app.strapi.plugin('partners').service('payouts');

/** A partner earning 20 % in an auto-approved program without hold; `$60` is a $300 order. */
const aPartner = async (partner: Row = {}, program: Row = {}) => {
  const created = await createPartner(app.strapi, partner);
  const programRow = await createProgram(app.strapi, {
    holdDays: 0,
    autoApprove: true,
    ...program,
  });
  await enroll(app.strapi, created, programRow);
  const link = await createLink(app.strapi, created, programRow);
  return { partner: created, program: programRow, code: link.code as string };
};

const earn = (code: string, amount: number, paidAt: string) =>
  earnApproved(app, apiToken, code, amount, paidAt);

const payoutsOf = (partnerId: number) => payoutsOfPartner(app.strapi, partnerId);
const entriesOf = (partnerId: number) => commissionsOf(app.strapi, { partnerId });

describe('the payout run', () => {
  it('carries a $60 balance under a $100 minimum over, and pays $120 the month after', async () => {
    const { partner, code } = await aPartner({}, { payoutMinimum: 10000 });
    await earn(code, 30000, '2026-01-10T10:00:00Z');

    const january = await runPeriod('2026-01').expect(200);
    expect(january.body.data).toMatchObject({
      period: '2026-01',
      cutOff: '2026-02-01T00:00:00.000Z',
    });
    expect(await payoutsOf(partner.id)).toHaveLength(0);
    expect((await entriesOf(partner.id)).map((entry) => [entry.state, entry.payoutId])).toEqual([
      ['approved', null],
    ]);

    await earn(code, 30000, '2026-02-10T10:00:00Z');
    await runPeriod('2026-02').expect(200);
    const [payout] = await payoutsOf(partner.id);
    expect(payout).toMatchObject({
      amount: 12000,
      currency: 'USD',
      state: 'pending',
      periodStart: '2026-02-01',
      periodEnd: '2026-02-28',
      idempotencyKey: `payout:${partner.id}:USD:2026-02`,
    });
    expect(payout.commissions.map((entry: Row) => entry.amount)).toEqual([6000, 6000]);
    const created = events.find(([name, e]) => name === 'created' && e.payout.id === payout.id);
    expect(created?.[1].payout).toMatchObject({
      partnerId: partner.id,
      amount: 12000,
      period: '2026-02',
    });
  });

  it('counts what the payment terms of each program make due, held to the highest minimum', async () => {
    const partner = await createPartner(app.strapi);
    const code = async (program: Row) => {
      const row = await createProgram(app.strapi, { holdDays: 0, autoApprove: true, ...program });
      await enroll(app.strapi, partner, row);
      return (await createLink(app.strapi, partner, row)).code as string;
    };
    const net15 = await code({ payoutTermDays: 15, payoutMinimum: 5000 });
    const net0 = await code({ payoutTermDays: 0, payoutMinimum: 10000 });
    await earn(net15, 30000, '2025-09-10T10:00:00Z'); // $60, due 25 Sep
    await earn(net15, 30000, '2025-09-20T10:00:00Z'); // $60, due 5 Oct
    await earn(net0, 10000, '2025-09-05T10:00:00Z'); // $20, due 5 Sep

    // $80 due in September: above the net-15 program's $50, under the other's $100.
    const september = await runPeriod('2025-09').expect(200);
    expect(september.body.data).toMatchObject({ created: 0, carriedOver: 1 });
    const october = await runPeriod('2025-10').expect(200);
    expect(october.body.data).toMatchObject({ created: 1, amounts: { USD: 14000 } });
    const [paid] = await payoutsOf(partner.id);
    expect(paid.commissions.map((entry: Row) => entry.amount)).toEqual([6000, 6000, 2000]);
  });

  it('nets a clawback after a refund of a paid commission from the next payout', async () => {
    const { partner, code } = await aPartner({}, { payoutMinimum: 5000 });
    const refunded = await earn(code, 50000, '2026-03-05T10:00:00Z'); // $100.00
    await runPeriod('2026-03').expect(200);
    const [march] = await payoutsOf(partner.id);
    expect(march.amount).toBe(10000);
    const paid = await markPaid(march.documentId, { reference: 'BANK-0301' }).expect(200);
    expect(paid.body.data).toMatchObject({ status: 'paid', reference: 'BANK-0301' });
    expect((await entriesOf(partner.id)).map((entry) => entry.state)).toEqual(['paid']);
    expect(events.some(([name, e]) => name === 'paid' && e.payout.id === march.id)).toBe(true);

    // Refunded today: the clawback is approved now and belongs to this month's run.
    await app
      .request()
      .post(`/api/partners/orders/${refunded}/refunds`)
      .set('Authorization', `Bearer ${apiToken}`)
      .send({ data: { amount: 50000 } })
      .expect(200);
    const now = new Date();
    const thisMonth = now.toISOString().slice(0, 7);
    await earn(code, 100000, new Date(now.getTime() - 2 * 3_600_000).toISOString()); // $200.00
    const firstOfNextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 2));
    const job = await app.strapi
      .plugin('partners')
      .service('jobs')
      .runOnce('payout-run', firstOfNextMonth);
    expect(job).toMatchObject({ ran: true, tick: thisMonth });

    const [, next] = await payoutsOf(partner.id);
    expect(next.amount).toBe(10000);
    expect(next.commissions.map((entry: Row) => [entry.kind, entry.amount])).toEqual([
      ['clawback', -10000],
      ['sale', 20000],
    ]);
  });

  it('creates nothing new when a period runs again', async () => {
    const { partner, code } = await aPartner();
    await earn(code, 60000, '2026-04-08T10:00:00Z');
    await runPeriod('2026-04').expect(200);
    const again = await runPeriod('2026-04').expect(200);
    expect(again.body.data.created).toBe(0);
    expect(await payoutsOf(partner.id)).toHaveLength(1);
  });

  it('creates one payout per partner and pays each entry once when runs race each other', async () => {
    const partners = await Promise.all(Array.from({ length: 12 }, () => aPartner()));
    for (const { code } of partners) {
      await earn(code, 60000, '2026-05-06T10:00:00Z');
      await earn(code, 40000, '2026-05-20T10:00:00Z');
    }
    // May's entries are also due in June's run: the runs compete for the same entries.
    const runs = await Promise.all(
      ['2026-05', '2026-06', '2026-05', '2026-06'].map((period) => payouts().run(period))
    );
    for (const { partner } of partners) {
      const rows = await payoutsOf(partner.id);
      expect(rows.map((row) => [row.amount, row.commissions.length])).toEqual([[20000, 2]]);
    }
    const entries = (
      await Promise.all(partners.map(({ partner }) => entriesOf(partner.id)))
    ).flat();
    expect(entries.every((entry) => entry.payoutId !== null)).toBe(true);
    const created = runs.reduce((sum: number, run: Row) => sum + run.created, 0);
    const stored =
      (await count(app.strapi, 'payout', { periodStart: '2026-05-01' })) +
      (await count(app.strapi, 'payout', { periodStart: '2026-06-01' }));
    expect(created).toBe(stored);
    expect(created).toBeGreaterThanOrEqual(partners.length);
  });

  it('frees the entries of a failed payout for the next period', async () => {
    const { partner, code } = await aPartner();
    await earn(code, 60000, '2026-06-03T10:00:00Z');
    await runPeriod('2026-06').expect(200);
    const [june] = await payoutsOf(partner.id);
    const failed = await api('post', `/payouts/${june.documentId}/failed`)
      .send({ data: { reason: 'Account closed' } })
      .expect(200);
    expect(failed.body.data).toMatchObject({ status: 'failed', failureReason: 'Account closed' });
    expect((await entriesOf(partner.id)).map((entry) => [entry.state, entry.payoutId])).toEqual([
      ['approved', null],
    ]);
    expect(events.some(([name, e]) => name === 'failed' && e.payout.id === june.id)).toBe(true);
    await markPaid(june.documentId, { reference: 'late' }).expect(400);

    await runPeriod('2026-06').expect(200);
    expect(await payoutsOf(partner.id)).toHaveLength(1);
    await runPeriod('2026-07').expect(200);
    const [, july] = await payoutsOf(partner.id);
    expect(july).toMatchObject({ amount: 12000, state: 'pending', periodStart: '2026-07-01' });
  });
});

describe('sending payouts', () => {
  it('sends a Stripe transfer once, even when retried after a crash', async () => {
    const { partner, code } = await aPartner({
      payoutMethod: { type: 'stripe', accountId: 'acct_1Jane' },
    });
    await earn(code, 75000, '2026-08-04T10:00:00Z');
    await runPeriod('2026-08').expect(200);
    const [payout] = await payoutsOf(partner.id);
    expect(payout.method).toEqual({ type: 'stripe', accountId: 'acct_1Jane' });

    // Stripe makes the transfer, but no answer comes back: the SDK retries twice, then gives up.
    stripe.dropResponses = 3;
    const crashed = await api('post', `/payouts/${payout.documentId}/send`).expect(400);
    expect(crashed.body.error.message).toMatch(/stays processing/);
    const [processing] = await payoutsOf(partner.id);
    expect(processing).toMatchObject({ state: 'processing', reference: null });
    expect(stripe.transfers).toHaveLength(1);

    const sent = await api('post', `/payouts/${payout.documentId}/send`).expect(200);
    expect(sent.body.data).toMatchObject({ status: 'paid', reference: stripe.transfers[0].id });
    expect(stripe.transfers).toHaveLength(1);
    expect(stripe.transfers[0]).toMatchObject({
      amount: 15000,
      currency: 'usd',
      destination: 'acct_1Jane',
      transfer_group: `partners_payout_${payout.documentId}`,
    });
    const keys = stripe.requests.map((request) => request.idempotencyKey);
    expect(keys).toHaveLength(4);
    expect(new Set(keys)).toEqual(new Set([`partners-transfer:payout:${partner.id}:USD:2026-08`]));
    expect((await entriesOf(partner.id)).map((entry) => entry.state)).toEqual(['paid']);

    // Sending a paid payout again does nothing.
    await api('post', `/payouts/${payout.documentId}/send`).expect(200);
    expect(stripe.requests).toHaveLength(4);
  });

  it('marks a payout failed when Stripe refuses the transfer', async () => {
    const { partner, code } = await aPartner({
      payoutMethod: { type: 'stripe', accountId: 'acct_refused' },
    });
    await earn(code, 75000, '2026-08-04T10:00:00Z');
    await payouts().run('2026-08');
    const [payout] = await payoutsOf(partner.id);
    const refused = await api('post', `/payouts/${payout.documentId}/send`).expect(400);
    expect(refused.body.error.message).toMatch(/refused/);
    const [failed] = await payoutsOf(partner.id);
    expect(failed.state).toBe('failed');
    expect(failed.failureReason).toMatch(/No such destination/);
    expect((await entriesOf(partner.id)).map((entry) => [entry.state, entry.payoutId])).toEqual([
      ['approved', null],
    ]);
  });

  it('reports account credit to the site through an event, then marks it paid', async () => {
    const { partner, code } = await aPartner({ payoutMethod: { type: 'credit' } });
    await earn(code, 75000, '2026-09-04T10:00:00Z');
    await runPeriod('2026-09').expect(200);
    const [payout] = await payoutsOf(partner.id);

    // The site's listener fails once: nothing is paid, and sending again is safe.
    let failOnce = true;
    const listener = async () => {
      if (failOnce) {
        failOnce = false;
        throw new Error('credit service down');
      }
    };
    app.strapi.eventHub.on('partners.payout.credit', listener);
    try {
      const failed = await api('post', `/payouts/${payout.documentId}/send`).expect(400);
      expect(failed.body.error.message).toMatch(/credit service down.*stays processing/);
      expect((await payoutsOf(partner.id))[0].state).toBe('processing');

      const sent = await api('post', `/payouts/${payout.documentId}/send`).expect(200);
      expect(sent.body.data).toMatchObject({
        status: 'paid',
        reference: `credit:${payout.documentId}`,
      });
    } finally {
      app.strapi.eventHub.off('partners.payout.credit', listener);
    }
    const credits = events.filter(([name, e]) => name === 'credit' && e.payout.id === payout.id);
    expect(credits).toHaveLength(2);
    expect(credits[1][1].payout).toMatchObject({
      partnerId: partner.id,
      amount: 15000,
      currency: 'USD',
      status: 'processing',
      idempotencyKey: `payout:${partner.id}:USD:2026-09`,
    });
    expect((await entriesOf(partner.id)).map((entry) => entry.state)).toEqual(['paid']);
  });

  it('leaves PayPal payouts to the export and refuses to send them', async () => {
    const { partner, code } = await aPartner({
      payoutMethod: { type: 'paypal', email: 'jane@paypal.test' },
    });
    await earn(code, 75000, '2026-09-04T10:00:00Z');
    await payouts().run('2026-09');
    const [payout] = await payoutsOf(partner.id);
    const res = await api('post', `/payouts/${payout.documentId}/send`).expect(400);
    expect(res.body.error.message).toMatch(/PayPal Payouts CSV/);
  });
});

describe('exports', () => {
  let paypal: Row;

  beforeAll(async () => {
    const formula = await aPartner({
      name: '=HYPERLINK("http://evil.example","x")',
      email: '-2+3@partners.test',
      payoutMethod: { type: 'paypal', email: '-evil@paypal.test' },
    });
    const plain = await aPartner({
      name: 'Jane Cooper',
      payoutMethod: { type: 'paypal', email: 'jane.cooper@paypal.test' },
    });
    await aPartner({ payoutMethod: { type: 'stripe', accountId: 'acct_x' } }).then(({ code }) =>
      earn(code, 75000, '2026-10-04T10:00:00Z')
    );
    await earn(formula.code, 61005, '2026-10-04T10:00:00Z'); // $122.01
    await earn(plain.code, 60000, '2026-10-05T10:00:00Z');
    await runPeriod('2026-10').expect(200);
    [paypal] = await payoutsOf(plain.partner.id);
  });

  it('escapes CSV cells that a spreadsheet would run as formulas', async () => {
    const res = await api('get', '/payouts/export?period=2026-10').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/payouts-2026-10\.csv/);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe(
      'payout,partner,email,currency,amount_minor,amount,period_start,period_end,status,method,reference,paid_at,failure_reason,idempotency_key'
    );
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")",'-2+3@partners.test`);
    expect(res.text).toContain(',USD,12201,122.01,2026-10-01,2026-10-31,pending,paypal,');
    expect(res.text).not.toMatch(/,=|,\+|,-2|,@/);
  });

  it('writes the PayPal Payouts file: e-mail, decimal amount, currency, id, note', async () => {
    const res = await api('get', '/payouts/export/paypal?currency=USD&period=2026-10').expect(200);
    const lines = res.text.trim().split('\n');
    expect(lines).toContain(
      `jane.cooper@paypal.test,120.00,USD,${paypal.documentId},Partner commissions 2026-10,PAYPAL`
    );
    expect(lines.find((line) => line.includes('evil'))).toMatch(
      /^'-evil@paypal\.test,122\.01,USD,/
    );
    // Stripe payouts are not PayPal's to pay.
    expect(lines).toHaveLength(2);
  });

  it('exports payouts in the order of the Payouts screen', async () => {
    const listed = (await api('get', '/payouts?pageSize=100').expect(200)).body.data;
    const { header, rows } = parseCsv((await api('get', '/payouts/export').expect(200)).text);
    expect(listed.length).toBeGreaterThan(2);
    expect(rows.map((row) => row[header.indexOf('payout')])).toEqual(
      listed.map((payout: Row) => payout.documentId)
    );
  });

  it('lists every entry of a period’s payouts', async () => {
    const res = await api('get', '/payouts/export/entries?period=2026-10').expect(200);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe(
      'payout,payout_status,partner,email,entry,kind,level,amount_minor,amount,currency,status,approved_at,order,summary'
    );
    expect(lines).toHaveLength(4);
    expect(res.text).toContain(`${paypal.documentId},pending,Jane Cooper,`);
  });
});

describe('the admin API', () => {
  it('lists payouts with filters and pagination', async () => {
    const res = await api('get', '/payouts?period=2026-10&status=pending&pageSize=2').expect(200);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(res.body.data).toHaveLength(2);
    expect(res.body.data[0]).toMatchObject({ periodStart: '2026-10-01', status: 'pending' });
    expect(res.body.data[0].method).toEqual({ type: expect.any(String) });
    const detail = await api('get', `/payouts/${res.body.data[0].documentId}`).expect(200);
    expect(detail.body.data.entries).toHaveLength(1);
  });

  it('refuses bad input with a 400 and stores nothing', async () => {
    const before = await count(app.strapi, 'payout');
    for (const body of [
      {},
      { data: {} },
      { data: { period: '2026-13' } },
      { data: { period: '2026-1' } },
      { data: { period: 202601 } },
      { data: { period: '2026-01', extra: true } },
    ]) {
      await api('post', '/payouts/run').send(body).expect(400);
    }
    const future = await runPeriod('2099-01').expect(400);
    expect(future.body.error.message).toMatch(/not over yet/);
    await api('get', '/payouts?status=lost').expect(400);
    await api('get', '/payouts?pageSize=1000').expect(400);
    await api('get', '/payouts/export/paypal').expect(400);
    await api('get', '/payouts/export/entries').expect(400);
    await markPaid('nosuchpayout', { reference: 'x' }).expect(404);
    await markPaid('bad.id', { reference: 'x' }).expect(400);
    const [payout] = await app.strapi.db
      .query(uid('payout'))
      .findMany({ where: { state: 'pending' } });
    await markPaid(payout.documentId, { reference: '' }).expect(400);
    await markPaid(payout.documentId, { reference: 'x', paidAt: '2099-01-01T00:00:00Z' }).expect(
      400
    );
    await api('post', `/payouts/${payout.documentId}/failed`)
      .send({ data: { reason: 'x'.repeat(501) } })
      .expect(400);
    expect(await count(app.strapi, 'payout')).toBe(before);
    expect(await count(app.strapi, 'payout', { id: payout.id, state: 'pending' })).toBe(1);
  });

  it('answers 401 without a token and 403 to an admin without the payouts permission', async () => {
    await app.request().get('/partners/payouts').expect(401);
    await app
      .request()
      .post('/partners/payouts/run')
      .send({ data: { period: '2026-01' } })
      .expect(401);
    const editor = await adminToken(app, 'strapi-editor');
    for (const [method, path] of [
      ['get', '/partners/payouts'],
      ['post', '/partners/payouts/run'],
      ['get', '/partners/payouts/export?period=2026-10'],
      ['get', '/partners/statements?partner=x&currency=USD&month=2026-01'],
    ] as const) {
      const agent = app.request();
      await agent[method](path)
        .set('Authorization', `Bearer ${editor}`)
        .send({ data: { period: '2026-01' } })
        .expect(403);
    }
  });
});
