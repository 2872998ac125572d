import { Agent } from 'node:http';
import { pluginConfigSchema } from '../../plugin/contracts/config';
import { PLUGIN_ID, uid } from '../../plugin/model';
import { commissionsOf, createProgramWithPartner, orderBody } from '../helpers/fixtures';
import { postOrderEntries, signalSummary } from '../helpers/ledger';
import { portal, portalLogin } from '../helpers/portal';
import { useTestApp } from '../helpers/test-app';

/**
 * Fraud screening beyond the order's own fields: self-referral by the partner's portal address
 * or browser (stored only as the clicks' salted hash), qualified-customer bounties screened like
 * sales, and click velocity reading the program's settings from the per-node cache that writes
 * (here or on another node) clear.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { app, apiToken, admin } = useTestApp({ apiToken: true, admin: true });

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36';
const CHECK_MS = pluginConfigSchema.parse({}).tracking.linkCache.checkMs;

const twoTier = (rules: Row) => ({
  tierMode: 'two-tier',
  secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
  holdDays: 0,
  autoApprove: false,
  ...rules,
});

const tracking = () => app.strapi.plugin('partners').service('tracking');
const commissions = () => app.strapi.plugin('partners').service('commissions');

/** A redirect from `address` (a loopback address of its own): answers the visitor id. */
const clickFrom = async (address: string, code: string, visitorId?: string) => {
  const res = await app
    .request()
    .get(`/api/partners/r/${code}${visitorId ? `?pvid=${visitorId}` : ''}`)
    .agent(new Agent({ localAddress: address }))
    .set('User-Agent', BROWSER)
    .expect(302);
  await tracking().flush();
  return new URL(res.headers.location).searchParams.get('pvid') as string;
};

/** Posts a paid order (now, unless said) and answers its entries (level 1 first). */
const order = (overrides: Row) =>
  postOrderEntries(app, apiToken(), orderBody({ paidAt: new Date().toISOString(), ...overrides }));

const summary = signalSummary;

const sightingsOf = async (partnerId: number): Promise<Row[]> => {
  const row = await app.strapi.db
    .query(uid('partner'))
    .findOne({ where: { id: partnerId }, select: ['portalSightings'] });
  return row.portalSightings ?? [];
};

describe('self-referral by the partner’s portal address or browser', () => {
  it('holds an order whose click came from the address the partner used for the portal', async () => {
    const { partner, code } = await createProgramWithPartner(
      app.strapi,
      twoTier({ fraudSignals: { selfReferral: 'hold' } })
    );
    const jwt = await portalLogin(app, partner);
    const portalAgent = new Agent({ localAddress: '127.0.8.21' });
    for (let i = 0; i < 2; i += 1) {
      await portal(app, jwt).get('/me').agent(portalAgent).expect(200);
    }
    // One sighting, dated once: the second request within the hour writes nothing.
    const sightings = await sightingsOf(partner.id);
    expect(sightings).toHaveLength(1);
    expect(sightings[0]).toEqual({
      ipHash: tracking().hashIp('127.0.8.21'),
      visitorId: null,
      seenAt: expect.any(String),
    });
    expect(JSON.stringify(sightings)).not.toContain('127.0.8.21');

    const fromPortal = await clickFrom('127.0.8.21', code);
    const elsewhere = await clickFrom('127.0.8.22', code);
    const held = await order({ visitorId: fromPortal });
    expect(summary(held)).toEqual([
      [1, 'on-hold', 'self-referral:hold'],
      [2, 'on-hold', 'self-referral:hold'],
    ]);
    expect(held[0].signals[0].detail).toContain('IP address the partner used for the portal');
    expect(summary(await order({ visitorId: elsewhere }))).toEqual([
      [1, 'pending', ''],
      [2, 'pending', ''],
    ]);

    // The partner never sees why (the portal shows "under review" without signals).
    const mine = await portal(app, jwt).get('/commissions').expect(200);
    expect(JSON.stringify(mine.body)).not.toContain('self-referral');
    expect(JSON.stringify(mine.body)).not.toContain('portalSightings');
  });

  it('rejects an order whose click came from the partner’s own portal browser', async () => {
    const { partner, code } = await createProgramWithPartner(
      app.strapi,
      twoTier({ fraudSignals: { selfReferral: 'reject' } })
    );
    const jwt = await portalLogin(app, partner);
    const browser = 'Vq3u5tP0aZ1bC2dE3fG4hA';
    await portal(app, jwt)
      .get('/me')
      .agent(new Agent({ localAddress: '127.0.8.31' }))
      .set('Cookie', `theme=dark; partners_ref=${code}.${browser}.1767225600`)
      .expect(200);
    expect((await sightingsOf(partner.id)).map((sighting) => sighting.visitorId)).toEqual([
      browser,
    ]);
    // Another address, the same browser.
    await clickFrom('127.0.8.32', code, browser);
    const rejected = await order({ visitorId: browser });
    expect(summary(rejected)).toEqual([
      [1, 'rejected', 'self-referral:reject'],
      [2, 'rejected', 'self-referral:reject'],
    ]);
    expect(rejected[0].signals[0].detail).toContain('browser the partner used for the portal');
  });

  it('ignores portal sightings when the program does not watch self-referral', async () => {
    const { partner, code } = await createProgramWithPartner(app.strapi, twoTier({}));
    const jwt = await portalLogin(app, partner);
    await portal(app, jwt)
      .get('/me')
      .agent(new Agent({ localAddress: '127.0.8.41' }))
      .expect(200);
    const visitor = await clickFrom('127.0.8.41', code);
    expect(summary(await order({ visitorId: visitor })).map((row) => row[1])).toEqual([
      'pending',
      'pending',
    ]);
  });
});

describe('qualified-customer bounties', () => {
  const bountyProgram = (fraudSignals: Row) =>
    twoTier({
      trigger: 'qualified-customer',
      commission: { type: 'flat', amount: 5000 },
      secondTier: { commission: { type: 'flat', amount: 1000 }, basis: 'sale' },
      qualificationDays: 30,
      fraudSignals,
    });
  const PAID_AT = '2026-01-10T10:00:00Z';
  const QUALIFIES = '2026-03-01T00:00:00Z';

  it('holds a bounty for a disposable e-mail with its level-2 entry; clean ones stay pending', async () => {
    const { partner, recruiter, code } = await createProgramWithPartner(
      app.strapi,
      bountyProgram({
        disposableEmail: 'hold',
        largeCommission: 'flag',
        largeCommissionAmount: 4000,
      })
    );
    await order({ referralCode: code, customerEmail: 'burner@mailinator.com', paidAt: PAID_AT });
    await order({ referralCode: code, customerEmail: 'real@customer.test', paidAt: PAID_AT });
    expect((await commissions().grantQualifiedBounties(QUALIFIES)).granted).toBe(4);
    const entries = await commissionsOf(app.strapi, {
      kind: 'qualified-customer',
      partnerId: { $in: [partner.id, recruiter?.id] },
    });
    const byReferral = new Map<number, Row[]>();
    for (const entry of entries)
      byReferral.set(entry.referralId, [...(byReferral.get(entry.referralId) ?? []), entry]);
    expect([...byReferral.values()].map(summary)).toEqual([
      [
        [1, 'on-hold', 'disposable-email:hold,large-commission:flag'],
        [2, 'on-hold', 'disposable-email:hold,large-commission:flag'],
      ],
      [
        [1, 'pending', 'large-commission:flag'],
        [2, 'pending', 'large-commission:flag'],
      ],
    ]);
    // Granted once: the held bounty is not granted again by the next run.
    expect((await commissions().grantQualifiedBounties(QUALIFIES)).granted).toBe(0);

    const held = [...byReferral.values()][0][0];
    const release = await app
      .request()
      .post('/partners/commissions/release')
      .set('Authorization', `Bearer ${admin()}`)
      .send({ data: { ids: [held.documentId] } })
      .expect(200);
    expect(release.body.data).toEqual({ updated: 2, skipped: 0 });
  });

  it('rejects a self-referred bounty visibly instead of dropping it', async () => {
    const { partner, code } = await createProgramWithPartner(
      app.strapi,
      bountyProgram({ selfReferral: 'reject' })
    );
    await order({ referralCode: code, customerEmail: partner.email, paidAt: PAID_AT });
    await commissions().grantQualifiedBounties(QUALIFIES);
    const entries = await commissionsOf(app.strapi, {
      partnerId: partner.id,
      kind: 'qualified-customer',
    });
    expect(summary(entries)).toEqual([[1, 'rejected', 'self-referral:reject']]);
    expect(entries[0].note).toBe('Rejected by the program’s review rules');
  });
});

describe('signup bounties', () => {
  it('holds the bounty of a sign-up with a disposable e-mail', async () => {
    const { partner, code } = await createProgramWithPartner(app.strapi, {
      trigger: 'signup',
      commission: { type: 'flat', amount: 5000 },
      fraudSignals: { disposableEmail: 'hold' },
    });
    const signup = (email: string) =>
      app.request().post('/api/partners/track/signup').send({ data: { code, email } }).expect(200);
    await signup('throwaway@mailinator.com');
    await signup('person@company.test');
    const entries = await commissionsOf(app.strapi, { partnerId: partner.id, kind: 'signup' });
    expect(summary(entries)).toEqual([
      [1, 'on-hold', 'disposable-email:hold'],
      [1, 'pending', ''],
    ]);
  });
});

describe('click velocity reads the program from the cache', () => {
  const STORE = 'strapi::core-store';
  const programRow = async (id: number) =>
    app.strapi.db.query(uid('program')).findOne({ where: { id } });
  /** Changes the program's settings in SQL, as a node whose writes this one never sees. */
  const writeAround = async (programId: number, fraudSignals: Row) => {
    const meta = app.strapi.db.metadata.get(uid('program'));
    const column = (meta.attributes.fraudSignals as { columnName?: string }).columnName;
    await app.strapi.db
      .connection(meta.tableName)
      .where({ id: programId })
      .update({ [column ?? 'fraud_signals']: JSON.stringify(fraudSignals) });
  };
  const flagsOf = async (linkId: number, since: number) =>
    (
      await app.strapi.db
        .query(uid('click'))
        .findMany({ where: { linkId, id: { $gt: since } }, orderBy: { id: 'asc' } })
    ).map((click: Row) => Boolean(click.velocityFlagged));
  const lastClickId = async () =>
    Number(
      (await app.strapi.db.query(uid('click')).findOne({ orderBy: { id: 'desc' }, select: ['id'] }))
        ?.id ?? 0
    );
  const burst = async (address: string, code: string, clicks: number) => {
    for (let i = 0; i < clicks; i += 1) await clickFrom(address, code);
  };

  it('keeps the settings until a write here or the shared version from another node', async () => {
    const { program, link, code } = await createProgramWithPartner(app.strapi, {
      fraudSignals: { clickVelocity: 'flag', clicksPerMinute: 2 },
    });
    let since = await lastClickId();
    await burst('127.0.8.51', code, 3);
    expect(await flagsOf(link.id, since)).toEqual([false, false, true]);

    // Changed around the query engine: this node keeps its cached limit.
    await writeAround(program.id, { clickVelocity: 'off' });
    since = await lastClickId();
    await burst('127.0.8.52', code, 3);
    expect(await flagsOf(link.id, since)).toEqual([false, false, true]);

    // Another node's write changes the shared version: seen within the check interval.
    await app.strapi.db.query(STORE).updateMany({
      where: { key: `${PLUGIN_ID}_link_cache_version` },
      data: { value: JSON.stringify('changed-elsewhere') },
    });
    await new Promise((resolve) => setTimeout(resolve, CHECK_MS + 500));
    since = await lastClickId();
    await burst('127.0.8.53', code, 3);
    expect(await flagsOf(link.id, since)).toEqual([false, false, false]);

    // An editor's change on this node applies to the next click at once.
    await app
      .request()
      .put(`/partners/programs/${program.documentId}`)
      .set('Authorization', `Bearer ${admin()}`)
      .send({ data: { fraudSignals: { clickVelocity: 'flag', clicksPerMinute: 1 } } })
      .expect(200);
    expect((await programRow(program.id)).fraudSignals.clicksPerMinute).toBe(1);
    since = await lastClickId();
    await burst('127.0.8.54', code, 2);
    expect(await flagsOf(link.id, since)).toEqual([false, true]);
  });
});
