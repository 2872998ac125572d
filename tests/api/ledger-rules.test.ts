import { randomBytes } from 'node:crypto';
import type { OrderView } from '../../plugin/contracts/admin';
import { uid } from '../../plugin/model';
import { lowerStoredLinkCodes } from '../../server/src/attribution/link-codes';
import {
  commissionsOf,
  orderIdOf,
  createLink,
  createProgramWithPartner,
  orderBody,
} from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/**
 * Ledger rules that cross services: level-2 entries follow their source through review and the
 * approval job (SPEC §5.7), orders naming an unknown code say so, and link codes match
 * case-insensitively however the link was stored (SPEC §4, §6).
 */

/** A ledger entry as these tests read it. */
interface Entry {
  id: number;
  level: number;
  state: string;
  note?: string | null;
}

const { app, apiToken, admin } = useTestApp({ apiToken: true, admin: true });

const postOrder = (body: unknown) =>
  app
    .request()
    .post('/api/partners/orders')
    .set('Authorization', `Bearer ${apiToken()}`)
    .send(body as object);
const adminPost = (path: string, data: unknown) =>
  app.request().post(`/partners${path}`).set('Authorization', `Bearer ${admin()}`).send({ data });

const twoTier = {
  tierMode: 'two-tier',
  secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
  holdDays: 0,
  autoApprove: false,
};

/** A paid two-tier order: its level-1 and level-2 entries, both pending. */
const twoTierOrder = async (code: string) => {
  const body = orderBody({ referralCode: code, paidAt: '2026-01-10T10:00:00Z' });
  await postOrder(body).expect(201);
  const [level1, level2] = await commissionsOf(app.strapi, {
    orderId: await orderIdOf(app.strapi, body.data.externalId),
  });
  expect([level1.level, level1.state, level2.level, level2.state]).toEqual([
    1,
    'pending',
    2,
    'pending',
  ]);
  return { level1, level2 };
};

const stateOf = async (entries: Array<{ id?: unknown }>) =>
  (
    await app.strapi.db.query(uid('commission')).findMany({
      where: { id: { $in: entries.map((entry) => Number(entry.id)) } },
      orderBy: { id: 'asc' },
    })
  ).map((entry: Entry) => [entry.level, entry.state, entry.note ?? null]);

describe('level-2 entries follow their source in review', () => {
  let code: string;
  beforeAll(async () => {
    ({ code } = await createProgramWithPartner(app.strapi, twoTier));
  });

  it('approving a level-1 entry approves its level-2 entry', async () => {
    const { level1, level2 } = await twoTierOrder(code);
    const res = await adminPost('/commissions/approve', { ids: [level1.documentId] }).expect(200);
    expect(res.body.data).toEqual({ updated: 2, skipped: 0 });
    expect(await stateOf([level1, level2])).toEqual([
      [1, 'approved', null],
      [2, 'approved', null],
    ]);
    const approved = await app.strapi.db
      .query(uid('commission'))
      .findOne({ where: { id: level2.id } });
    expect(approved.approvedAt).not.toBeNull();
  });

  it('rejecting a level-1 entry rejects its level-2 entry with the same reason', async () => {
    const { level1, level2 } = await twoTierOrder(code);
    const res = await adminPost('/commissions/reject', {
      ids: [level1.documentId],
      reason: 'test order',
    }).expect(200);
    expect(res.body.data).toEqual({ updated: 2, skipped: 0 });
    expect(await stateOf([level1, level2])).toEqual([
      [1, 'rejected', 'test order'],
      [2, 'rejected', 'test order'],
    ]);
  });

  it('bulk approve and bulk reject carry every level-2 entry, each once', async () => {
    const first = await twoTierOrder(code);
    const second = await twoTierOrder(code);
    const approve = await adminPost('/commissions/approve', {
      ids: [first.level1.documentId, second.level1.documentId, second.level2.documentId],
    }).expect(200);
    expect(approve.body.data).toEqual({ updated: 4, skipped: 0 });
    expect((await stateOf(Object.values(first).concat(Object.values(second)))).map(String)).toEqual(
      ['1,approved,', '2,approved,', '1,approved,', '2,approved,']
    );

    const third = await twoTierOrder(code);
    const fourth = await twoTierOrder(code);
    const reject = await adminPost('/commissions/reject', {
      ids: [third.level1.documentId, fourth.level1.documentId],
      reason: 'fraud',
    }).expect(200);
    expect(reject.body.data).toEqual({ updated: 4, skipped: 0 });
    expect(await stateOf([third.level1, third.level2, fourth.level1, fourth.level2])).toEqual([
      [1, 'rejected', 'fraud'],
      [2, 'rejected', 'fraud'],
      [1, 'rejected', 'fraud'],
      [2, 'rejected', 'fraud'],
    ]);
  });

  it('approves a level-2 entry alone only after its source; rejects it alone', async () => {
    const { level1, level2 } = await twoTierOrder(code);
    const early = await adminPost('/commissions/approve', { ids: [level2.documentId] }).expect(200);
    expect(early.body.data).toEqual({ updated: 0, skipped: 1 });
    expect(await stateOf([level1, level2])).toEqual([
      [1, 'pending', null],
      [2, 'pending', null],
    ]);

    await adminPost('/commissions/reject', {
      ids: [level2.documentId],
      reason: 'recruiter',
    }).expect(200);
    expect(await stateOf([level1, level2])).toEqual([
      [1, 'pending', null],
      [2, 'rejected', 'recruiter'],
    ]);
    // Approving the source now leaves the rejected level-2 entry as the editor decided.
    const later = await adminPost('/commissions/approve', { ids: [level1.documentId] }).expect(200);
    expect(later.body.data).toEqual({ updated: 1, skipped: 0 });
    expect(await stateOf([level1, level2])).toEqual([
      [1, 'approved', null],
      [2, 'rejected', 'recruiter'],
    ]);
  });
});

describe('the approval job keeps level 2 behind level 1', () => {
  it('approves both levels when due, and never a level-2 entry whose source was rejected', async () => {
    const { code } = await createProgramWithPartner(app.strapi, {
      ...twoTier,
      holdDays: 30,
      autoApprove: true,
    });
    const due = await twoTierOrder(code);
    const stale = await twoTierOrder(code);
    // An entry rejected alone by an older version, its level-2 entry left pending.
    await app.strapi.db
      .query(uid('commission'))
      .update({ where: { id: stale.level1.id }, data: { state: 'rejected' } });

    await app.strapi.plugin('partners').service('commissions').approveDue('2026-03-01T00:00:00Z');
    expect(await stateOf([due.level1, due.level2])).toEqual([
      [1, 'approved', null],
      [2, 'approved', null],
    ]);
    expect((await stateOf([stale.level2]))[0]).toEqual([2, 'pending', null]);
  });
});

describe('an order naming a code no link has', () => {
  it('stores and answers an unknown-code reason, shown in the admin orders list', async () => {
    const body = orderBody({ referralCode: 'NoSuchCode7' });
    const res = await postOrder(body).expect(201);
    const reason = 'unknown-code: no link has the code "nosuchcode7"';
    expect(res.body.data.ineligibleReason).toBe(reason);
    expect(res.body.data.commissions).toEqual([]);

    const list = await app
      .request()
      .get('/partners/orders')
      .query({ pageSize: 100 })
      .set('Authorization', `Bearer ${admin()}`)
      .expect(200);
    const listed = list.body.data.find(
      (order: OrderView) => order.externalId === body.data.externalId
    );
    expect(listed.ineligibleReason).toBe(reason);
  });

  it('stores no reason for an order that named no code, nor one whose coupon matched', async () => {
    const plain = await postOrder(orderBody()).expect(201);
    expect(plain.body.data.ineligibleReason).toBeNull();
    const { code } = await createProgramWithPartner(app.strapi);
    const coupon = await postOrder(
      orderBody({ referralCode: 'nosuchcode8', couponCode: code })
    ).expect(201);
    expect(coupon.body.data.ineligibleReason).toBeNull();
    expect(coupon.body.data.commissions).toHaveLength(1);
  });
});

/**
 * The database's refusal, by message: better-sqlite3's native error class belongs to the first
 * test file's realm, so `rejects.toThrow` (an `instanceof Error` check) misses it in later files.
 */
const refusalOf = (write: PromiseLike<unknown>) =>
  Promise.resolve(write).then(
    () => 'no refusal',
    (error: unknown) => String((error as Error).message ?? error)
  );
const UNIQUE = /unique|duplicate/i;

describe('link codes are case-insensitive however they were stored', () => {
  const links = () => app.strapi.db.query(uid('link'));

  it('stores codes written with capitals in lower case (db.query and the Document Service)', async () => {
    const { partner, program } = await createProgramWithPartner(app.strapi);
    const suffix = randomBytes(3).toString('hex');
    const viaQuery = await links().create({
      data: { code: `QUERY${suffix}`, partner: partner.id, program: program.id },
    });
    expect(viaQuery.code).toBe(`query${suffix}`);
    const viaDocuments = await app.strapi
      .documents(uid('link'))
      .create({ data: { code: `Docs${suffix}` } as never });
    expect(viaDocuments.code).toBe(`docs${suffix}`);
    await expect(
      app.strapi.documents(uid('link')).create({ data: { code: `DOCS${suffix}` } as never })
    ).rejects.toThrow(/unique/i);
  });

  it('a code stored in capitals by an older install works everywhere once started', async () => {
    const { partner, program } = await createProgramWithPartner(app.strapi, {
      ...twoTier,
      applicationMode: 'open',
    });
    const lower = `alex${randomBytes(3).toString('hex')}`;
    const upper = lower.toUpperCase();
    const link = await createLink(app.strapi, partner, program, lower);
    // What an older version stored: the code as typed, capitals and all.
    await app.strapi.db
      .connection(app.strapi.db.metadata.get(uid('link')).tableName)
      .where({ id: link.id })
      .update({ code: upper });
    await lowerStoredLinkCodes(app.strapi);
    expect((await links().findOne({ where: { id: link.id } })).code).toBe(lower);

    for (const path of [`/go/${lower}`, `/go/${upper}`, `/api/partners/r/${upper}`]) {
      const res = await app.request().get(path).expect(302);
      const location = new URL(res.headers.location);
      expect([path, location.origin, location.searchParams.get('ref')]).toEqual([
        path,
        'https://shop.example',
        lower,
      ]);
    }
    const click = await app
      .request()
      .post('/api/partners/track/click')
      .send({ data: { code: upper } })
      .expect(200);
    expect(click.body.data.code).toBe(lower);

    const order = orderBody({ referralCode: `${upper.slice(0, 1)}${lower.slice(1)}` });
    const res = await postOrder(order).expect(201);
    expect(res.body.data.ineligibleReason).toBeNull();
    const [entry] = await commissionsOf(app.strapi, {
      orderId: await orderIdOf(app.strapi, order.data.externalId),
    });
    expect(entry.partnerId).toBe(partner.id);

    const recruit = `recruit-${randomBytes(3).toString('hex')}@partners.test`;
    await app
      .request()
      .post('/api/partners/applications')
      .send({
        data: {
          program: program.slug,
          name: 'Rae',
          email: recruit,
          acceptTerms: true,
          recruitCode: upper,
        },
      })
      .expect(201);
    const applicant = await app.strapi.db
      .query(uid('partner'))
      .findOne({ where: { email: recruit }, populate: { referredBy: { select: ['id'] } } });
    expect(applicant.referredBy?.id).toBe(partner.id);

    expect(await refusalOf(links().create({ data: { code: lower } }))).toMatch(UNIQUE);
    expect(await refusalOf(links().create({ data: { code: upper } }))).toMatch(UNIQUE);
  });

  it('leaves a capitalised code alone when its lower-case form is taken, and says so', async () => {
    const taken = `dup${randomBytes(3).toString('hex')}`;
    await links().create({ data: { code: taken } });
    const other = await links().create({ data: { code: `x${taken}` } });
    const table = app.strapi.db.metadata.get(uid('link')).tableName;
    const capitalise = () =>
      app.strapi.db.connection(table).where({ id: other.id }).update({ code: taken.toUpperCase() });
    if (app.database === 'mysql') {
      // Its collation compares case-insensitively: the twin cannot even be stored.
      expect(await refusalOf(capitalise())).toMatch(UNIQUE);
      return;
    }
    const warn = jest.spyOn(app.strapi.log, 'warn').mockImplementation(() => app.strapi.log);
    try {
      await capitalise();
      await lowerStoredLinkCodes(app.strapi);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(taken.toUpperCase()));
      expect((await links().findOne({ where: { id: other.id } })).code).toBe(taken.toUpperCase());
    } finally {
      warn.mockRestore();
      await app.strapi.db.connection(table).where({ id: other.id }).delete();
    }
  });
});
