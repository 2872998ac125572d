import { uid } from '../../plugin/model';
import { earnApproved, markPayoutPaid, payoutsOf as payoutsOfPartner } from '../helpers/ledger';
import {
  commissionsOf,
  createLink,
  createPartner,
  createProgram,
  createProgramWithPartner,
  enroll,
  orderBody,
} from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/**
 * SPEC §5.7, §10: what follows a ledger change. `reversedAt` on reversed entries, the
 * `partners.commission.created` / `.reversed` events after commit, the commission-earned e-mail
 * (over real SMTP) for programs with `notifyOnCommission`, and a refund that meets an entry a
 * pending payout already holds: clawed back from the next payout, not reversed under the payout.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { app, smtp, apiToken, admin } = useTestApp({ smtp: true, apiToken: true, admin: true });
const events: Array<{ name: string; commission: Row; committed: boolean }> = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  const table = app.strapi.db.metadata.get(uid('commission')).tableName;
  for (const name of ['partners.commission.created', 'partners.commission.reversed']) {
    app.strapi.eventHub.on(name, async ({ commission }: { commission: Row }) => {
      // Read on a connection of its own: only a committed row is visible there.
      const row = await app.strapi.db.connection(table).where('id', commission.id).first();
      events.push({ name, commission, committed: Boolean(row) });
    });
  }
});

const aPartner = async (program: Row = {}) => {
  const partner = await createPartner(app.strapi);
  const programRow = await createProgram(app.strapi, {
    holdDays: 0,
    autoApprove: true,
    payoutMinimum: 0,
    ...program,
  });
  await enroll(app.strapi, partner, programRow);
  const link = await createLink(app.strapi, partner, programRow);
  return { partner, program: programRow, code: link.code as string };
};

const postOrder = (data: Row) =>
  app
    .request()
    .post('/api/partners/orders')
    .set('Authorization', `Bearer ${apiToken()}`)
    .send(orderBody(data));
const refund = (externalId: string, amount: number) =>
  app
    .request()
    .post(`/api/partners/orders/${externalId}/refunds`)
    .set('Authorization', `Bearer ${apiToken()}`)
    .send({ data: { amount } });
const entriesOf = (partnerId: number) => commissionsOf(app.strapi, { partnerId });
const payoutsOf = (partnerId: number) => payoutsOfPartner(app.strapi, partnerId);
const eventsFor = async (partnerId: number, name: string, count: number) => {
  for (let waited = 0; waited < 5000; waited += 50) {
    const found = events.filter(
      (event) => event.name === name && event.commission.partnerId === partnerId
    );
    if (found.length >= count) return found;
    await sleep(50);
  }
  return events.filter((event) => event.name === name && event.commission.partnerId === partnerId);
};

describe('events on strapi.eventHub', () => {
  it('emits partners.commission.created once per new entry, after the commit', async () => {
    const { partner, recruiter, program, code } = await createProgramWithPartner(app.strapi, {
      holdDays: 0,
      tierMode: 'two-tier',
      commission: { type: 'percentage', bps: 2000 },
      secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
    });
    const order = await postOrder({ referralCode: code, amount: 10000 }).expect(201);
    const keys = (order.body.data.commissions as Row[]).map((entry) => entry.idempotencyKey);
    expect(keys).toHaveLength(2);

    const [created] = await eventsFor(partner.id, 'partners.commission.created', 1);
    expect(created.committed).toBe(true);
    expect(created.commission).toMatchObject({
      partnerId: partner.id,
      programId: program.id,
      level: 1,
      kind: 'sale',
      amount: 2000,
      currency: 'USD',
      status: 'pending',
      reversedAt: null,
    });
    expect(created.commission.summary).toContain('$20.00');
    expect(typeof created.commission.documentId).toBe('string');
    const [second] = await eventsFor(recruiter!.id, 'partners.commission.created', 1);
    expect(second.commission).toMatchObject({ level: 2, amount: 500 });
    expect(second.committed).toBe(true);
    const announced = events
      .filter(
        (event) =>
          event.name === 'partners.commission.created' &&
          keys.includes(event.commission.idempotencyKey)
      )
      .map((event) => event.commission.idempotencyKey);
    expect(announced.sort()).toEqual([...keys].sort());

    // A replay of the same order creates nothing, so announces nothing.
    const before = events.length;
    await postOrder({
      externalId: order.body.data.externalId,
      referralCode: code,
      amount: 10000,
    }).expect(200);
    await sleep(300);
    expect(events.length).toBe(before);
  });

  it('sets reversedAt and emits partners.commission.reversed when a refund reverses an entry', async () => {
    const { partner, code } = await aPartner({ holdDays: 30 });
    const order = await postOrder({ referralCode: code, amount: 10000 }).expect(201);
    const before = Date.now();
    await refund(order.body.data.externalId, 10000).expect(200);

    const [entry] = await entriesOf(partner.id);
    expect(entry.state).toBe('reversed');
    expect(entry.note).toBe('Order refunded in full');
    const reversedAt = Date.parse(entry.reversedAt);
    expect(reversedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(reversedAt).toBeLessThanOrEqual(Date.now());

    const [reversed] = await eventsFor(partner.id, 'partners.commission.reversed', 1);
    expect(reversed.committed).toBe(true);
    expect(reversed.commission).toMatchObject({
      id: entry.id,
      status: 'reversed',
      amount: 2000,
      note: 'Order refunded in full',
      reversedAt: new Date(entry.reversedAt).toISOString(),
    });
  });

  it('sets reversedAt on a lost dispute', async () => {
    const { partner, code } = await aPartner({ holdDays: 30 });
    const order = await postOrder({ referralCode: code, amount: 10000 }).expect(201);
    const { id } = await app.strapi.db.query(uid('order')).update({
      where: { externalId: order.body.data.externalId },
      data: { state: 'disputed', dispute: 'lost' },
    });
    await app.strapi.plugin('partners').service('orders').settle(id);
    const [entry] = await entriesOf(partner.id);
    expect(entry).toMatchObject({ state: 'reversed', note: 'Dispute lost' });
    expect(entry.reversedAt).not.toBeNull();
  });
});

describe('statements and reversedAt', () => {
  it('keeps a reversed approved entry in its month and takes it off in the month it was reversed', async () => {
    const { partner, code } = await aPartner();
    const externalId = await earnApproved(app, apiToken(), code, 30000, '2026-01-10T10:00:00Z');
    const statements = app.strapi.plugin('partners').service('statements');
    const january = await statements.compute(partner.id, 'USD', '2026-01');
    expect(january).toMatchObject({ closingBalance: 6000 });

    await refund(externalId, 30000).expect(200);
    const [entry] = await entriesOf(partner.id);
    expect(entry.state).toBe('reversed');
    // A closed month never changes: January still shows the $60.00 it owed then...
    expect(await statements.compute(partner.id, 'USD', '2026-01')).toEqual(january);
    // ...and this month takes it off, on the day it was reversed.
    const now = await statements.compute(partner.id, 'USD', new Date().toISOString().slice(0, 7));
    expect(now).toMatchObject({ openingBalance: 6000, closingBalance: 0 });
    expect(now.lines).toEqual([
      expect.objectContaining({
        type: 'reversal',
        amount: -6000,
        at: new Date(entry.reversedAt).toISOString(),
      }),
    ]);
  });
});

describe('a refund while the entry waits in a pending payout', () => {
  it('leaves the payout whole and claws the commission back from the next payout', async () => {
    const { partner, code } = await aPartner();
    const externalId = await earnApproved(app, apiToken(), code, 50000, '2026-01-10T10:00:00Z');
    await app.strapi.plugin('partners').service('payouts').run('2026-01');
    const [pending] = await payoutsOf(partner.id);
    expect(pending).toMatchObject({ state: 'pending', amount: 10000 });

    await refund(externalId, 50000).expect(200);
    const [sale, clawback] = await entriesOf(partner.id);
    // Still approved inside the payout, which still pays it...
    expect(sale).toMatchObject({ state: 'approved', reversedAt: null });
    expect(sale.payoutId).toBe(pending.id);
    // ...and taken back by a clawback that waits for the next payout.
    expect(clawback).toMatchObject({
      kind: 'clawback',
      amount: -10000,
      state: 'approved',
      payoutId: null,
    });
    const [clawbackEvent] = await eventsFor(partner.id, 'partners.commission.created', 2).then(
      (found) => found.filter((event) => event.commission.kind === 'clawback')
    );
    expect(clawbackEvent.commission.amount).toBe(-10000);

    await markPayoutPaid(app, admin(), pending.documentId, { reference: 'BANK-77' }).expect(200);
    expect((await entriesOf(partner.id)).map((entry) => entry.state)).toEqual(['paid', 'approved']);
    // Refunded today: the clawback is netted from this month's run, against new earnings.
    const now = new Date();
    await earnApproved(
      app,
      apiToken(),
      code,
      100000, // $200.00
      new Date(now.getTime() - 2 * 3_600_000).toISOString()
    );
    await app.strapi
      .plugin('partners')
      .service('payouts')
      .run(
        now.toISOString().slice(0, 7),
        new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 2))
      );
    const [, next] = await payoutsOf(partner.id);
    expect(next.amount).toBe(10000);
    expect(next.commissions.map((entry: Row) => entry.kind).sort()).toEqual(['clawback', 'sale']);
  });

  it('never leaves a reversed entry inside a payout when refunds and a run race', async () => {
    const partners = await Promise.all(Array.from({ length: 8 }, () => aPartner()));
    const orders: string[] = [];
    for (const { code } of partners) {
      orders.push(await earnApproved(app, apiToken(), code, 50000, '2026-03-10T10:00:00Z'));
    }
    await Promise.all([
      app.strapi.plugin('partners').service('payouts').run('2026-03'),
      ...orders.map((externalId) => refund(externalId, 50000).expect(200)),
    ]);
    for (const { partner } of partners) {
      const entries = await entriesOf(partner.id);
      const [sale] = entries;
      if (sale.payoutId) {
        // The run took it first: it is paid with the payout and clawed back after.
        expect(sale.state).toBe('approved');
        expect(entries.map((entry) => [entry.kind, entry.amount, entry.payoutId])).toEqual([
          ['sale', 10000, expect.anything()],
          ['clawback', -10000, null],
        ]);
        expect((await payoutsOf(partner.id))[0].amount).toBe(10000);
      } else {
        // The refund came first: reversed, and no payout was made of it.
        expect(entries.map((entry) => entry.state)).toEqual(['reversed']);
        expect(await payoutsOf(partner.id)).toHaveLength(0);
      }
    }
  });
});

describe('commission-earned e-mails', () => {
  it('e-mails the amount for programs with notifyOnCommission, and nothing for the others', async () => {
    const loud = await aPartner({ name: 'Loud Affiliates', notifyOnCommission: true });
    const quiet = await aPartner({ name: 'Quiet Affiliates', notifyOnCommission: false });
    await postOrder({ referralCode: quiet.code, amount: 25000 }).expect(201);
    await postOrder({ referralCode: loud.code, amount: 12345 }).expect(201); // 20 % = $24.69

    const mail = await smtp().waitFor((message) => message.to.includes(loud.partner.email));
    expect(mail.subject).toBe('You earned $24.69 with Loud Affiliates');
    expect(mail.text).toContain('A referral just earned you $24.69 in Loud Affiliates.');
    expect(mail.html).toContain('$24.69');
    await sleep(1000);
    expect(smtp().messages.filter((message) => message.to.includes(quiet.partner.email))).toEqual(
      []
    );
  });

  it('answers the order at once when the e-mail cannot be sent', async () => {
    const loud = await aPartner({ notifyOnCommission: true });
    const warn = jest.spyOn(app.strapi.log, 'warn');
    await smtp().close();
    const started = Date.now();
    await postOrder({ referralCode: loud.code, amount: 10000 }).expect(201);
    expect(Date.now() - started).toBeLessThan(4000);
    for (let waited = 0; waited < 8000; waited += 100) {
      if (warn.mock.calls.some(([message]) => String(message).includes('You earned'))) break;
      await sleep(100);
    }
    expect(warn.mock.calls.map(([message]) => String(message)).join('\n')).toMatch(
      /e-mail "You earned \$20\.00 with .*" to .\*\*\*@partners\.test was not sent/
    );
  });
});
