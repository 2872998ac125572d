import { Agent } from 'node:http';
import type { CommissionView } from '../../plugin/contracts/admin';
import { uid } from '../../plugin/model';
import {
  commissionsOf,
  createLink,
  createPartner,
  createProgramWithPartner,
  enroll,
  orderBody,
  orderIdOf,
  payoutIdsOf,
} from '../helpers/fixtures';
import { postOrderEntries, signalSummary } from '../helpers/ledger';
import { useTestApp } from '../helpers/test-app';

/**
 * Fraud signals (SPEC §10): each signal marks, holds or rejects an order's entries as its
 * program says, the level-2 entry follows, editors release or reject held entries, and the
 * approval job and payout runs leave held entries alone.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { app, apiToken, admin } = useTestApp({ apiToken: true, admin: true });

const PAID_AT = '2026-01-10T10:00:00Z';

const twoTier = (fraudSignals: Row) => ({
  tierMode: 'two-tier',
  secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
  holdDays: 0,
  autoApprove: true,
  payoutMinimum: 0,
  fraudSignals,
});

const adminPost = (path: string, data: unknown) =>
  app.request().post(`/partners${path}`).set('Authorization', `Bearer ${admin()}`).send({ data });

const apiPost = (path: string, body: object) =>
  app
    .request()
    .post(`/api/partners${path}`)
    .set('Authorization', `Bearer ${apiToken()}`)
    .send(body);

/** Posts a paid order and answers its entries (level 1 first). */
const order = (overrides: Row) =>
  postOrderEntries(app, apiToken(), orderBody({ paidAt: PAID_AT, ...overrides }));

const summary = signalSummary;

const reread = async (entries: Row[]) =>
  summary(
    await commissionsOf(app.strapi, { id: { $in: entries.map((entry) => Number(entry.id)) } })
  );

const approveDue = () =>
  app.strapi
    .plugin('partners')
    .service('commissions')
    .approveDue(new Date(Date.parse(PAID_AT) + 3_600_000).toISOString());

describe('self-referral', () => {
  it('holds both levels when the customer uses the partner’s e-mail; release lets them earn', async () => {
    const { partner, code } = await createProgramWithPartner(
      app.strapi,
      twoTier({ selfReferral: 'hold' })
    );
    const heldEvents: Row[] = [];
    const listener = async (payload: Row) => {
      if (payload.commission.partnerId === partner.id) heldEvents.push(payload.commission);
    };
    app.strapi.eventHub.on('partners.commission.held', listener);
    const entries = await order({ referralCode: code, customerEmail: partner.email.toUpperCase() });
    // The event follows the commit.
    for (let wait = 0; heldEvents.length === 0 && wait < 50; wait += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    app.strapi.eventHub.off('partners.commission.held', listener);
    expect(heldEvents.map((entry) => [entry.level, entry.status])).toEqual([[1, 'on-hold']]);
    expect(summary(entries)).toEqual([
      [1, 'on-hold', 'self-referral:hold'],
      [2, 'on-hold', 'self-referral:hold'],
    ]);
    expect(entries[0].signals[0].detail).toContain('is the partner’s own'.replace('’', "'"));

    // The approval job passes them by.
    await approveDue();
    expect((await reread(entries)).map((row) => row[1])).toEqual(['on-hold', 'on-hold']);

    // The review queue lists them with their signals.
    const queue = await app
      .request()
      .get('/partners/commissions')
      .query({ status: 'on-hold', partner: partner.documentId })
      .set('Authorization', `Bearer ${admin()}`)
      .expect(200);
    expect(queue.body.data.map((entry: CommissionView) => entry.signals[0].signal)).toEqual([
      'self-referral',
    ]);

    // Releasing level 1 carries level 2 back to pending; the job then approves both.
    const release = await adminPost('/commissions/release', {
      ids: [entries[0].documentId],
    }).expect(200);
    expect(release.body.data).toEqual({ updated: 2, skipped: 0 });
    expect((await reread(entries)).map((row) => row[1])).toEqual(['pending', 'pending']);
    await approveDue();
    expect((await reread(entries)).map((row) => row[1])).toEqual(['approved', 'approved']);

    // Released or not, a second release changes nothing.
    const again = await adminPost('/commissions/release', {
      ids: [entries[0].documentId],
    }).expect(200);
    expect(again.body.data).toEqual({ updated: 0, skipped: 1 });
  });

  it('rejects by the partner’s name, visibly, with a note that names no signal', async () => {
    const { partner, code } = await createProgramWithPartner(
      app.strapi,
      twoTier({ selfReferral: 'reject' })
    );
    const entries = await order({ referralCode: code, customerName: ` ${partner.name} ` });
    expect(summary(entries)).toEqual([
      [1, 'rejected', 'self-referral:reject'],
      [2, 'rejected', 'self-referral:reject'],
    ]);
    expect(entries[0].note).toBe('Rejected by the program’s review rules');
  });

  it('keeps the silent eligibility rule when the signal is off', async () => {
    const { partner, code } = await createProgramWithPartner(app.strapi, twoTier({}));
    expect(await order({ referralCode: code, customerEmail: partner.email })).toEqual([]);
  });
});

describe('the other signals', () => {
  it('flags a disposable e-mail domain and leaves the entry pending', async () => {
    const { code } = await createProgramWithPartner(
      app.strapi,
      twoTier({ disposableEmail: 'flag' })
    );
    const entries = await order({ referralCode: code, customerEmail: 'x7@mailinator.com' });
    expect(summary(entries)).toEqual([
      [1, 'pending', 'disposable-email:flag'],
      [2, 'pending', 'disposable-email:flag'],
    ]);
    const clean = await order({ referralCode: code });
    expect(summary(clean)).toEqual([
      [1, 'pending', ''],
      [2, 'pending', ''],
    ]);
  });

  it('holds a commission above the amount; an editor rejects it with its level-2 entry', async () => {
    const { code } = await createProgramWithPartner(
      app.strapi,
      twoTier({ largeCommission: 'hold', largeCommissionAmount: 1999 })
    );
    const small = await order({ referralCode: code, amount: 9995 }); // $19.99 commission
    expect(summary(small).map((row) => row[1])).toEqual(['pending', 'pending']);
    const large = await order({ referralCode: code, amount: 10000 }); // $20.00
    expect(summary(large)).toEqual([
      [1, 'on-hold', 'large-commission:hold'],
      [2, 'on-hold', 'large-commission:hold'],
    ]);
    const reject = await adminPost('/commissions/reject', {
      ids: [large[0].documentId],
      reason: 'unusual order',
    }).expect(200);
    expect(reject.body.data).toEqual({ updated: 2, skipped: 0 });
    expect((await reread(large)).map((row) => row[1])).toEqual(['rejected', 'rejected']);
  });

  it('holds a customer another partner also referred', async () => {
    const { program, partner, code } = await createProgramWithPartner(
      app.strapi,
      twoTier({ sharedCustomer: 'hold' })
    );
    const other = await createPartner(app.strapi);
    await enroll(app.strapi, other, program);
    await createLink(app.strapi, other, program);
    const email = `shared-${Date.now()}@shop.test`;
    for (const owner of [partner, other])
      await app.strapi.db.query(uid('referral')).create({
        data: { partnerId: owner.id, programId: program.id, email, state: 'lead', source: 'lead' },
      });
    const entries = await order({ referralCode: code, customerEmail: email });
    expect(summary(entries)).toEqual([
      [1, 'on-hold', 'shared-customer:hold'],
      [2, 'on-hold', 'shared-customer:hold'],
    ]);
  });

  it('holds an order whose click came from a paid ad', async () => {
    const { program, partner, link, code } = await createProgramWithPartner(
      app.strapi,
      twoTier({ paidTraffic: 'hold' })
    );
    const click = (visitorId: string, landingUrl: string) =>
      app.strapi.db.query(uid('click')).create({
        data: {
          code,
          linkId: link.id,
          partnerId: partner.id,
          programId: program.id,
          visitorId,
          ipHash: 'ip',
          landingUrl,
          isBot: false,
          isUnique: true,
          createdAt: new Date(Date.now() - 60_000),
        },
      });
    await click('visitor-paid-ad-0001', 'https://shop.example/?gclid=abc123');
    await click('visitor-organic-0001', 'https://shop.example/?utm_source=blog');
    const ad = await order({ visitorId: 'visitor-paid-ad-0001', paidAt: new Date().toISOString() });
    expect(summary(ad)).toEqual([
      [1, 'on-hold', 'paid-traffic:hold'],
      [2, 'on-hold', 'paid-traffic:hold'],
    ]);
    expect(ad[0].signals[0].detail).toContain('gclid');
    expect(
      summary(
        await order({ visitorId: 'visitor-organic-0001', paidAt: new Date().toISOString() })
      ).map((row) => row[1])
    ).toEqual(['pending', 'pending']);
  });
});

describe('click velocity', () => {
  const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36';

  it('flags the clicks past the limit from one IP, never unique, and holds their orders', async () => {
    const { link, code } = await createProgramWithPartner(
      app.strapi,
      twoTier({ clickVelocity: 'hold', clicksPerMinute: 3 })
    );
    const agent = new Agent({ localAddress: '127.0.9.77' });
    const visitors: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await app
        .request()
        .get(`/api/partners/r/${code}`)
        .agent(agent)
        .set('User-Agent', BROWSER)
        .expect(302);
      visitors.push(new URL(res.headers.location).searchParams.get('pvid') as string);
    }
    await app.strapi.plugin('partners').service('tracking').flush();
    const clicks: Row[] = await app.strapi.db
      .query(uid('click'))
      .findMany({ where: { linkId: link.id }, orderBy: { id: 'asc' } });
    expect(
      clicks.map((click) => [Boolean(click.velocityFlagged), Boolean(click.isUnique)])
    ).toEqual([
      [false, true],
      [false, true],
      [false, true],
      [true, false],
      [true, false],
    ]);
    const paidAt = new Date().toISOString();
    const fast = await order({ visitorId: visitors[4], paidAt });
    expect(summary(fast)).toEqual([
      [1, 'on-hold', 'click-velocity:hold'],
      [2, 'on-hold', 'click-velocity:hold'],
    ]);
    const calm = await order({ visitorId: visitors[0], paidAt });
    expect(summary(calm).map((row) => row[1])).toEqual(['pending', 'pending']);
  });
});

describe('runs skip held entries', () => {
  it('pays the approved entry and leaves the held one out of the payout', async () => {
    const { partner, code } = await createProgramWithPartner(
      app.strapi,
      twoTier({ selfReferral: 'hold' })
    );
    const held = await order({ referralCode: code, customerEmail: partner.email });
    const fine = await order({ referralCode: code });
    await approveDue();
    await app.strapi.plugin('partners').service('payouts').run('2026-01');
    const owners = await payoutIdsOf(app.strapi, [held[0].id, fine[0].id]);
    expect(owners.has(fine[0].id)).toBe(true);
    expect(owners.has(held[0].id)).toBe(false);
    expect((await reread(held)).map((row) => row[1])).toEqual(['on-hold', 'on-hold']);
  });

  it('a full refund reverses held entries', async () => {
    const { partner, code } = await createProgramWithPartner(
      app.strapi,
      twoTier({ selfReferral: 'hold' })
    );
    const body = orderBody({ referralCode: code, customerEmail: partner.email, paidAt: PAID_AT });
    await apiPost('/orders', body).expect(201);
    const refund = `/orders/${encodeURIComponent(body.data.externalId)}/refunds`;
    await apiPost(refund, { data: { amount: 10000 } }).expect(200);
    const entries = await commissionsOf(app.strapi, {
      orderId: await orderIdOf(app.strapi, body.data.externalId),
    });
    expect(entries.map((entry) => entry.state)).toEqual(['reversed', 'reversed']);
  });
});

describe('settings', () => {
  it('refuses an unknown action and a large-commission signal without an amount', async () => {
    const base = {
      name: 'Fraud settings',
      slug: `fraud-${Date.now()}`,
      commission: { type: 'percentage', bps: 1000 },
    };
    const bad = await adminPost('/programs', {
      ...base,
      fraudSignals: { selfReferral: 'block' },
    }).expect(400);
    expect(JSON.stringify(bad.body.error)).toContain('selfReferral');
    const missing = await adminPost('/programs', {
      ...base,
      fraudSignals: { largeCommission: 'hold' },
    }).expect(400);
    expect(JSON.stringify(missing.body.error)).toContain('largeCommissionAmount');
    const saved = await adminPost('/programs', {
      ...base,
      fraudSignals: { selfReferral: 'hold', largeCommission: 'flag', largeCommissionAmount: 50000 },
    }).expect(201);
    expect(saved.body.data.fraudSignals).toMatchObject({
      selfReferral: 'hold',
      clickVelocity: 'off',
      largeCommissionAmount: 50000,
    });
  });

  it('refuses a release of no ids', async () => {
    await adminPost('/commissions/release', { ids: [] }).expect(400);
  });
});
