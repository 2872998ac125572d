import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PARTNER_EVENTS } from '../../plugin/contracts/webhooks';
import { uid } from '../../plugin/model';
import { announceEntries } from '../../server/src/ledger/commission-events';
import {
  commissionsOf,
  createLink,
  createPartner,
  createProgram,
  enroll,
  orderBody,
} from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/**
 * SPEC §10: the plugin's events through Strapi's own webhooks. A local HTTP receiver subscribes
 * through the admin API of Settings → Webhooks; each event arrives once, after its change
 * committed, with the payload docs/webhooks.md documents and nothing privacy hides.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Delivery {
  header: string | undefined;
  body: Row;
  committed: boolean;
}

const { app, apiToken, admin } = useTestApp({ apiToken: true, admin: true });
const deliveries: Delivery[] = [];
let receiver: Server;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Which table holds the row an event names: the receiver reads it on a connection of its own. */
const ROW_OF: Record<string, [Parameters<typeof uid>[0], (body: Row) => number]> = {
  partner: ['enrollment', (body) => body.enrollment.id],
  referral: ['referral', (body) => body.referral.id],
  order: ['order', (body) => body.order.id],
  commission: ['commission', (body) => body.commission.id],
  payout: ['payout', (body) => body.payout.id],
};

const isCommitted = async (body: Row) => {
  const [model, idOf] = ROW_OF[String(body.event).split('.')[1]];
  const table = app.strapi.db.metadata.get(uid(model)).tableName;
  return Boolean(await app.strapi.db.connection(table).where('id', idOf(body)).first());
};

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', async () => {
      const body = JSON.parse(text) as Row;
      const header = req.headers['x-strapi-event'] as string | undefined;
      deliveries.push({ header, body, committed: await isCommitted(body) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});

afterAll(() => new Promise((resolve) => receiver.close(resolve)));

const adminApi = (method: 'get' | 'post' | 'put', path: string) =>
  app.request()[method](path).set('Authorization', `Bearer ${admin()}`);

const postOrder = (data: Row) =>
  app
    .request()
    .post('/api/partners/orders')
    .set('Authorization', `Bearer ${apiToken()}`)
    .send(orderBody(data));

/** A partner paid by PayPal, enrolled in a new program with `rules`, and its link. */
const aPartner = async (rules: Row) => {
  const partner = await createPartner(app.strapi, {
    payoutMethod: { type: 'paypal', email: 'payee-secret@paypal.test' },
  });
  const program = await createProgram(app.strapi, rules);
  await enroll(app.strapi, partner, program);
  const link = await createLink(app.strapi, partner, program);
  return { partner, program, link };
};

/** The deliveries of `event` whose payload passes `match`, waiting until `count` arrived. */
const received = async (event: string, match: (body: Row) => boolean, count = 1) => {
  const found = () => deliveries.filter((d) => d.body.event === event && match(d.body));
  for (let waited = 0; waited < 8000 && found().length < count; waited += 50) await sleep(50);
  // Any duplicate would have arrived by now as well.
  await sleep(300);
  return found();
};
const once = async (event: string, match: (body: Row) => boolean) => {
  const found = await received(event, match);
  expect(found).toHaveLength(1);
  expect(found[0].header).toBe(event);
  expect(found[0].committed).toBe(true);
  expect(typeof found[0].body.createdAt).toBe('string');
  return found[0].body;
};

describe('outbound webhooks through Settings → Webhooks', () => {
  it('subscribes a receiver to every plugin event through the admin API', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const events = Object.values(PARTNER_EVENTS);
    const created = await adminApi('post', '/admin/webhooks')
      .send({ name: 'Partners receiver', url, headers: {}, events })
      .expect(201);
    expect(created.body.data.events).toEqual(events);
    // An event Strapi does not know is refused, as for any webhook.
    await adminApi('post', '/admin/webhooks')
      .send({ name: 'Bad', url, headers: {}, events: ['partners.nothing'] })
      .expect(400);
    const listed = await adminApi('get', '/admin/webhooks').expect(200);
    expect(listed.body.data).toHaveLength(1);
  });

  it('sends partners.partner.applied and .approved for an application and its approval', async () => {
    const program = await createProgram(app.strapi, { applicationMode: 'approval' });
    const email = `applicant-${Date.now()}@applicants.test`;
    await app
      .request()
      .post('/api/partners/applications')
      .send({
        data: { program: program.slug, name: 'Ada Applicant', email, acceptTerms: true },
      })
      .expect(201);
    const applied = await once('partners.partner.applied', (b) => b.partner.email === email);
    expect(applied.partner).toMatchObject({ name: 'Ada Applicant', status: 'applied' });
    expect(applied.enrollment).toMatchObject({
      status: 'applied',
      program: { id: program.id, slug: program.slug, name: program.name },
    });
    expect(Object.keys(applied.partner).sort()).toEqual(
      ['company', 'documentId', 'email', 'id', 'name', 'status', 'type', 'website'].sort()
    );

    await adminApi('post', `/partners/partners/${applied.partner.documentId}/approve`)
      .send({ data: {} })
      .expect(200);
    const approved = await once('partners.partner.approved', (b) => b.partner.email === email);
    expect(approved.partner.status).toBe('approved');
    expect(approved.enrollment).toMatchObject({ id: applied.enrollment.id, status: 'approved' });
  });

  it('sends referral, attribution and commission events once per change, privacy kept', async () => {
    const { partner, program, link } = await aPartner({
      holdDays: 30,
      autoApprove: false,
      referralDetail: 'first-name-last-initial',
    });
    const order = await postOrder({
      referralCode: link.code,
      amount: 10000,
      customerEmail: 'grace.hopper@customers.test',
      customerName: 'Grace Hopper',
    }).expect(201);
    const externalId = order.body.data.externalId as string;
    // A second delivery of the same order changes nothing and sends nothing.
    await postOrder({ externalId, referralCode: link.code, amount: 10000 }).expect(200);

    const referral = await once(
      'partners.referral.created',
      (b) => b.referral.partnerId === partner.id
    );
    expect(referral.referral).toMatchObject({
      programId: program.id,
      linkId: link.id,
      source: 'link',
      contact: { name: 'Grace H.' },
    });
    expect(referral.referral.contact.email).toBeUndefined();

    const attributed = await once(
      'partners.order.attributed',
      (b) => b.order.externalId === externalId
    );
    expect(attributed.order).toMatchObject({
      partnerId: partner.id,
      programId: program.id,
      referralId: referral.referral.id,
      amount: 10000,
      currency: 'USD',
    });

    const created = await once(
      'partners.commission.created',
      (b) => b.commission.partnerId === partner.id
    );
    expect(created.commission).toMatchObject({ amount: 2000, status: 'pending', level: 1 });

    const [entry] = await commissionsOf(app.strapi, { partnerId: partner.id });
    await adminApi('post', '/partners/commissions/approve')
      .send({ data: { ids: [entry.documentId] } })
      .expect(200);
    // Approving again changes nothing, so nothing more is sent.
    await adminApi('post', '/partners/commissions/approve')
      .send({ data: { ids: [entry.documentId] } })
      .expect(200);
    const approved = await once(
      'partners.commission.approved',
      (b) => b.commission.id === entry.id
    );
    expect(approved.commission).toMatchObject({ status: 'approved', amount: 2000 });

    await app
      .request()
      .post(`/api/partners/orders/${externalId}/refunds`)
      .set('Authorization', `Bearer ${apiToken()}`)
      .send({ data: { amount: 10000 } })
      .expect(200);
    const reversed = await once(
      'partners.commission.reversed',
      (b) => b.commission.id === entry.id
    );
    expect(reversed.commission.status).toBe('reversed');

    const mine = deliveries.filter((d) =>
      JSON.stringify(d.body).includes(`"partnerId":${partner.id}`)
    );
    expect(mine.length).toBeGreaterThanOrEqual(5);
    for (const { body } of mine) {
      const text = JSON.stringify(body);
      expect(text).not.toContain('grace.hopper');
      expect(text).not.toContain('Hopper');
      expect(text).not.toContain('payee-secret');
    }
  });

  it('sends partners.commission.held with the payload of the other commission events', async () => {
    const { partner, link } = await aPartner({ holdDays: 30, autoApprove: false });
    await postOrder({ referralCode: link.code, amount: 5000 }).expect(201);
    const [entry] = await commissionsOf(app.strapi, { partnerId: partner.id });
    await announceEntries(app.strapi, 'partners.commission.held', [entry.id]);
    const held = await once('partners.commission.held', (b) => b.commission.id === entry.id);
    const created = await once('partners.commission.created', (b) => b.commission.id === entry.id);
    expect(Object.keys(held.commission).sort()).toEqual(Object.keys(created.commission).sort());
  });

  it('sends payout events without the payout details', async () => {
    const { partner, link } = await aPartner({ holdDays: 0, autoApprove: true, payoutMinimum: 0 });
    const paidAt = '2026-03-03T10:00:00Z';
    await postOrder({ referralCode: link.code, amount: 30000, paidAt }).expect(201);
    await app.strapi.plugin('partners').service('commissions').approveDue('2026-03-03T12:00:00Z');
    await once('partners.commission.approved', (b) => b.commission.partnerId === partner.id);

    await adminApi('post', '/partners/payouts/run')
      .send({ data: { period: '2026-03' } })
      .expect(200);
    const created = await once('partners.payout.created', (b) => b.payout.partnerId === partner.id);
    expect(created.payout).toMatchObject({ amount: 6000, currency: 'USD', period: '2026-03' });
    expect(created.payout.method).toBe('paypal');

    await adminApi('post', `/partners/payouts/${created.payout.documentId}/failed`)
      .send({ data: { reason: 'Account closed' } })
      .expect(200);
    const failed = await once('partners.payout.failed', (b) => b.payout.partnerId === partner.id);
    expect(failed.payout).toMatchObject({ status: 'failed', failureReason: 'Account closed' });

    await adminApi('post', '/partners/payouts/run')
      .send({ data: { period: '2026-04' } })
      .expect(200);
    const [, april] = await received(
      'partners.payout.created',
      (b) => b.payout.partnerId === partner.id,
      2
    );
    await adminApi('post', `/partners/payouts/${april.body.payout.documentId}/paid`)
      .send({ data: { reference: 'PP-1' } })
      .expect(200);
    const paid = await once('partners.payout.paid', (b) => b.payout.partnerId === partner.id);
    expect(paid.payout).toMatchObject({ status: 'paid', reference: 'PP-1', amount: 6000 });

    for (const { body } of deliveries.filter((d) => d.body.payout?.partnerId === partner.id)) {
      expect(JSON.stringify(body)).not.toContain('payee-secret');
    }
  });
});
