import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type {
  ApproveCommissionsRequest,
  CreateProgramRequest,
  PreviewRequest,
  PreviewResponse,
} from '../../plugin/contracts/admin';
import { COMMISSION_EXPORT_COLUMNS } from '../../plugin/contracts/admin';
import { uid } from '../../plugin/model';
import type { Route } from '../../server/src/platform/route';
import { adminTokenWithActions } from '../helpers/admin-roles';
import { count, createPartner, createProgram, enroll } from '../helpers/fixtures';
import { parseCsv } from '../helpers/portal';
import { useTestApp } from '../helpers/test-app';

/**
 * SPEC §9: the admin HTTP API (permissions, programs, review, partners, deals, assets, settings).
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ALL_ACTIONS = [
  'read',
  'programs.manage',
  'partners.manage',
  'commissions.approve',
  'payouts.manage',
  'settings.manage',
  'stripe-events.manage',
].map((action) => `plugin::partners.${action}`);

const SERVER = path.join(__dirname, '../../server/src');

/**
 * Every aggregate's admin routes (server/src/<aggregate>/routes.ts), found on disk so none is
 * missed.
 */
const adminRoutes = {
  routes: readdirSync(SERVER)
    .filter((dir) => existsSync(path.join(SERVER, dir, 'routes.ts')))
    .flatMap(
      (dir) =>
        jest.requireActual<{ adminRoutes: Route[] }>(path.join(SERVER, dir, 'routes.ts'))
          .adminRoutes
    ),
};

const { app, admin } = useTestApp({ admin: true });

const api = (method: 'get' | 'post' | 'put' | 'delete', path: string, token = admin()) =>
  app.request()[method](`/partners${path}`).set('Authorization', `Bearer ${token}`);

/** The actions a route asks for, read from its policies: all of them, or any one of them. */
const actionsOf = (route: (typeof adminRoutes.routes)[number]) => {
  for (const policy of route.config?.policies ?? []) {
    if (typeof policy === 'string') continue;
    const { actions } = policy.config as { actions: string[] };
    if (policy.name === 'admin::hasPermissions') return { mode: 'all' as const, actions };
    if (policy.name === 'plugin::partners.has-any-admin-action')
      return { mode: 'any' as const, actions };
  }
  return null;
};

describe('permissions of every admin route (read from server/src/*/routes.ts)', () => {
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (actions: string[]) => {
    const key = [...actions].sort().join(',');
    if (!tokens.has(key)) tokens.set(key, adminTokenWithActions(app, actions));
    return tokens.get(key) as Promise<string>;
  };
  const request = (route: (typeof adminRoutes.routes)[number], token?: string) => {
    const path = route.path.replace(/:(\w+)/g, 'doesnotexist');
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    const req = app.request()[method](`/partners${path}`);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  it('has routes, each behind the admin login and one of the plugin actions', () => {
    expect(adminRoutes.routes.length).toBeGreaterThan(30);
    for (const route of adminRoutes.routes) {
      expect(route.config?.policies?.[0]).toBe('admin::isAuthenticatedAdmin');
      expect(actionsOf(route)?.actions.length).toBeGreaterThan(0);
      for (const action of actionsOf(route)?.actions ?? []) expect(ALL_ACTIONS).toContain(action);
    }
  });

  it.each(adminRoutes.routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: 401 without a token, 403 without its action, no 401/403/5xx with it',
    async (_name, route) => {
      await request(route).expect(401);
      const { actions, mode } = actionsOf(route) as NonNullable<ReturnType<typeof actionsOf>>;
      const lacking = ALL_ACTIONS.filter((action) => !actions.includes(action));
      await request(route, await tokenFor(lacking)).expect(403);
      const holders = mode === 'all' ? [actions] : actions.map((action) => [action]);
      for (const held of holders) {
        const res = await request(route, await tokenFor(held));
        expect([401, 403]).not.toContain(res.status);
        expect(res.status).toBeLessThan(500);
      }
    }
  );
});

describe('the Program Manager role', () => {
  it('exists once with read and programs.manage, and a restart does not add it again', async () => {
    const roles = () =>
      app.strapi.db
        .query('admin::role')
        .findMany({ where: { name: 'Program Manager' }, populate: ['permissions'] });
    const [role] = await roles();
    expect(role.permissions.map((permission: Row) => permission.action).sort()).toEqual([
      'plugin::partners.programs.manage',
      'plugin::partners.read',
    ]);
    const again = await app.strapi.plugin('partners').service('admin-roles').ensureProgramManager();
    expect(again.created).toBe(false);
    expect(await roles()).toHaveLength(1);
  });
});

const programBody = (data: Row = {}): CreateProgramRequest => ({
  data: {
    name: 'Acme partners',
    slug: `acme-${Math.random().toString(36).slice(2, 8)}`,
    commission: { type: 'percentage', bps: 2000 },
    ...data,
  } as CreateProgramRequest['data'],
});

describe('programs', () => {
  it('creates a program with the SPEC §4 defaults and reads it back', async () => {
    const body = programBody({
      tierMode: 'two-tier',
      secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
    });
    const res = await api('post', '/programs').send(body).expect(201);
    expect(res.body.data).toMatchObject({
      slug: body.data.slug,
      status: 'draft',
      holdDays: 30,
      attributionWindowDays: 60,
      referralDetail: 'none',
      activationEvent: 'first-conversion',
      secondTier: { basis: 'sale' },
      partners: 0,
    });
    const found = await api('get', `/programs/${res.body.data.documentId}`).expect(200);
    expect(found.body.data.name).toBe('Acme partners');
    const list = await api('get', '/programs').query({ q: 'acme' }).expect(200);
    expect(list.body.meta.pagination.total).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['a two-tier program without a recruiter commission', { tierMode: 'two-tier' }],
    [
      'a recruiter commission on a one-tier program',
      { secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' } },
    ],
    ['a rate above 100 %', { commission: { type: 'percentage', bps: 10001 } }],
    ['a percentage signup bounty', { trigger: 'signup' }],
    [
      'two tiers at one threshold',
      {
        tiers: [
          { threshold: 5, commission: { type: 'flat', amount: 100 } },
          { threshold: 5, commission: { type: 'flat', amount: 200 } },
        ],
      },
    ],
    [
      'an end before the start',
      { startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' },
    ],
    ['an unknown time zone', { timezone: 'Mars/Olympus' }],
    ['an unknown field', { surprise: true }],
    ['a bad slug', { slug: 'Not a slug' }],
    ['an unknown currency', { currency: 'XYZ' }],
    ['fractional money', { payoutMinimum: 10.5 }],
  ])('refuses %s with a 400 and stores nothing', async (_name, data) => {
    const before = await count(app.strapi, 'program');
    const res = await api('post', '/programs').send(programBody(data)).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(await count(app.strapi, 'program')).toBe(before);
  });

  it('keeps slugs unique', async () => {
    const body = programBody();
    await api('post', '/programs').send(body).expect(201);
    const before = await count(app.strapi, 'program');
    await api('post', '/programs')
      .send(programBody({ slug: body.data.slug }))
      .expect(400);
    expect(await count(app.strapi, 'program')).toBe(before);
  });

  it('updates the fields sent, and validates the program as a whole', async () => {
    const created = (await api('post', '/programs').send(programBody()).expect(201)).body.data;
    const updated = await api('put', `/programs/${created.documentId}`)
      .send({ data: { commission: { type: 'percentage', bps: 2500 }, status: 'active' } })
      .expect(200);
    expect(updated.body.data).toMatchObject({
      commission: { bps: 2500 },
      status: 'active',
      name: 'Acme partners',
    });
    await api('put', `/programs/${created.documentId}`)
      .send({ data: { tierMode: 'two-tier' } })
      .expect(400);
    const stored = await app.strapi.db
      .query(uid('program'))
      .findOne({ where: { documentId: created.documentId } });
    expect(stored).toMatchObject({
      tierMode: 'one-tier',
      commission: { bps: 2500 },
      state: 'active',
    });
    await api('put', '/programs/doesnotexist')
      .send({ data: { name: 'x' } })
      .expect(404);
  });

  it('previews the SPEC §5 worked example: $100 pays the partner $20 and the recruiter $5', async () => {
    const body: PreviewRequest = {
      data: {
        program: {
          tierMode: 'two-tier',
          commission: { type: 'percentage', bps: 2000 },
          secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
        },
        orders: [{ amount: 10000 }, { amount: 10000, currency: 'EUR' }],
      },
    };
    const res = await api('post', '/programs/preview').send(body).expect(200);
    const [usd, eur] = (res.body as PreviewResponse).data;
    expect(usd.text).toBe('A $100.00 order pays the partner $20.00 and the recruiter $5.00.');
    expect(usd.entries.map((entry) => [entry.recipient, entry.amount, entry.kind])).toEqual([
      ['partner', 2000, 'sale'],
      ['recruiter', 500, 'sale'],
    ]);
    expect(usd.entries[0].explanation.summary).toEqual(expect.any(String));
    expect(eur).toMatchObject({ eligible: false, entries: [] });
    await api('post', '/programs/preview')
      .send({ data: { program: { commission: { type: 'percentage', bps: 2000 } }, orders: [] } })
      .expect(400);
  });
});

/** Ledger entries of one partner in one program, by state. */
const seedLedger = async (statuses: string[]) => {
  const program = await createProgram(app.strapi);
  const partner = await createPartner(app.strapi);
  const rows: Row[] = [];
  for (const [index, status] of statuses.entries()) {
    rows.push(
      await app.strapi.db.query(uid('commission')).create({
        data: {
          partnerId: partner.id,
          programId: program.id,
          level: 1,
          kind: 'sale',
          basisAmount: 10000,
          amount: 1000 + index,
          currency: 'USD',
          state: status,
          idempotencyKey: `review-${partner.id}-${index}`,
          explanation: { summary: '=HYPERLINK("http://evil")', steps: [] },
        },
      })
    );
  }
  return { program, partner, rows };
};
const statusesOf = async (rows: Row[]) =>
  (
    await app.strapi.db
      .query(uid('commission'))
      .findMany({ where: { id: { $in: rows.map((row) => row.id) } }, orderBy: { id: 'asc' } })
  ).map((row: Row) => [row.state, row.note ?? null]);

describe('commission review', () => {
  it('bulk approve changes only the pending entries', async () => {
    const { rows } = await seedLedger(['pending', 'approved', 'paid', 'reversed', 'pending']);
    const body: ApproveCommissionsRequest = {
      data: { ids: [...rows.map((row) => row.documentId), 'doesnotexist'] },
    };
    const res = await api('post', '/commissions/approve').send(body).expect(200);
    expect(res.body.data).toEqual({ updated: 2, skipped: 4 });
    expect(await statusesOf(rows)).toEqual([
      ['approved', null],
      ['approved', null],
      ['paid', null],
      ['reversed', null],
      ['approved', null],
    ]);
    const approved = await app.strapi.db
      .query(uid('commission'))
      .findOne({ where: { id: rows[0].id } });
    expect(approved.approvedAt).not.toBeNull();
  });

  it('bulk reject marks pending entries rejected with the reason, and nothing else', async () => {
    const { rows } = await seedLedger(['pending', 'approved']);
    const ids = rows.map((row) => row.documentId);
    await api('post', '/commissions/reject').send({ data: { ids } }).expect(400);
    await api('post', '/commissions/reject')
      .send({ data: { ids: [], reason: 'x' } })
      .expect(400);
    expect(await statusesOf(rows)).toEqual([
      ['pending', null],
      ['approved', null],
    ]);
    const res = await api('post', '/commissions/reject')
      .send({ data: { ids, reason: 'self-referral' } })
      .expect(200);
    expect(res.body.data).toEqual({ updated: 1, skipped: 1 });
    expect(await statusesOf(rows)).toEqual([
      ['rejected', 'self-referral'],
      ['approved', null],
    ]);
  });

  it('lists with filters and exports formula-escaped CSV', async () => {
    const { partner } = await seedLedger(['pending', 'approved', 'pending']);
    const list = await api('get', '/commissions')
      .query({ partner: partner.documentId, status: 'pending' })
      .expect(200);
    expect(list.body.meta.pagination.total).toBe(2);
    expect(list.body.data[0]).toMatchObject({
      partner: { documentId: partner.documentId },
      status: 'pending',
    });
    await api('get', '/commissions').query({ status: 'nope' }).expect(400);

    const csv = await api('get', '/commissions/export')
      .query({ partner: partner.documentId })
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe(COMMISSION_EXPORT_COLUMNS.join(','));
    expect(lines).toHaveLength(4);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('the commissions export', () => {
  it('lists entries in the order of the Commissions screen, newest first', async () => {
    const { partner, rows } = await seedLedger(['pending', 'approved', 'pending', 'paid']);
    // Created out of id order, two of them in the same second.
    const createdAt = ['2026-02-03', '2026-02-01', '2026-02-05', '2026-02-03'];
    for (const [index, row] of rows.entries()) {
      await app.strapi.db.query(uid('commission')).update({
        where: { id: row.id },
        data: { createdAt: new Date(`${createdAt[index]}T10:00:00Z`) },
      });
    }
    const listed = await api('get', '/commissions')
      .query({ partner: partner.documentId })
      .expect(200);
    const order = [rows[2], rows[3], rows[0], rows[1]].map((row) => row.documentId);
    expect(listed.body.data.map((row: Row) => row.documentId)).toEqual(order);
    const csv = await api('get', '/commissions/export')
      .query({ partner: partner.documentId })
      .expect(200);
    const { rows: lines } = parseCsv(csv.text);
    expect(lines.map((line) => line[0])).toEqual(order);
  });
});

describe('partners directory', () => {
  it('lists, shows earnings by status, and edits tier and an enrollment override', async () => {
    const { partner, program } = await seedLedger(['pending', 'approved', 'approved']);
    await app.strapi.db
      .query(uid('partner'))
      .update({ where: { id: partner.id }, data: { tier: 'gold' } });
    const enrollment = await enroll(app.strapi, partner, program);
    const list = await api('get', '/partners')
      .query({ tier: 'gold', q: partner.email })
      .expect(200);
    expect(list.body.data.map((row: Row) => row.documentId)).toEqual([partner.documentId]);

    const detail = await api('get', `/partners/${partner.documentId}`).expect(200);
    expect(detail.body.data.earnings).toMatchObject({
      pending: [{ amount: 1000, currency: 'USD' }],
      approved: [{ amount: 1001 + 1002, currency: 'USD' }],
      paid: [],
    });
    expect(detail.body.data.enrollments).toHaveLength(1);

    const updated = await api('put', `/partners/${partner.documentId}`)
      .send({
        data: {
          tier: 'platinum',
          enrollments: [
            {
              documentId: enrollment.documentId,
              commissionOverride: { type: 'percentage', bps: 3000 },
              status: 'suspended',
            },
          ],
        },
      })
      .expect(200);
    expect(updated.body.data.tier).toBe('platinum');
    expect(updated.body.data.enrollments[0].commissionOverride).toEqual({
      type: 'percentage',
      bps: 3000,
    });
    expect(updated.body.data.enrollments[0].status).toBe('suspended');
    const stored = await app.strapi.db
      .query(uid('enrollment'))
      .findOne({ where: { id: enrollment.id } });
    expect(stored.state).toBe('suspended');
  });

  it('refuses a bad edit or another partner’s enrollment, and changes nothing', async () => {
    const partner = await createPartner(app.strapi, { tier: 'silver' });
    const other = await createPartner(app.strapi);
    const program = await createProgram(app.strapi);
    const foreign = await enroll(app.strapi, other, program);
    await api('put', `/partners/${partner.documentId}`)
      .send({ data: { tier: '' } })
      .expect(400);
    await api('put', `/partners/${partner.documentId}`)
      .send({ data: { status: 'approved' } })
      .expect(400);
    await api('put', `/partners/${partner.documentId}`)
      .send({
        data: {
          tier: 'gold',
          enrollments: [{ documentId: foreign.documentId, status: 'suspended' }],
        },
      })
      .expect(400);
    const stored = await app.strapi.db.query(uid('partner')).findOne({ where: { id: partner.id } });
    expect(stored.tier).toBe('silver');
    const enrollment = await app.strapi.db
      .query(uid('enrollment'))
      .findOne({ where: { id: foreign.id } });
    expect(enrollment.state).toBe('approved');
  });
});

describe('deals, orders and referrals', () => {
  it('approves a submitted deal once, with an expiry, and rejects only with a note', async () => {
    const partner = await createPartner(app.strapi);
    const deal = (status = 'submitted') =>
      app.strapi.db.query(uid('deal')).create({
        data: {
          partner: partner.id,
          company: 'Initech',
          contactEmail: 'bill@initech.test',
          state: status,
        },
      });
    const first = await deal();
    const res = await api('post', `/deals/${first.documentId}/approve`)
      .send({ data: { note: 'ok' } })
      .expect(200);
    expect(res.body.data).toMatchObject({ status: 'approved', decisionNote: 'ok' });
    expect(Date.parse(res.body.data.expiresAt)).toBeGreaterThan(Date.now() + 80 * 86400_000);
    await api('post', `/deals/${first.documentId}/approve`).send({}).expect(400);

    const second = await deal();
    await api('post', `/deals/${second.documentId}/reject`).send({ data: {} }).expect(400);
    await api('post', `/deals/${second.documentId}/reject`)
      .send({ data: { note: 'duplicate' } })
      .expect(200);
    const list = await api('get', '/deals').query({ partner: partner.documentId }).expect(200);
    expect(list.body.data.map((row: Row) => row.status).sort()).toEqual(['approved', 'rejected']);
  });

  it('lists orders and referrals with filters', async () => {
    await api('get', '/orders').query({ status: 'paid', pageSize: 5 }).expect(200);
    await api('get', '/orders').query({ status: 'lost' }).expect(400);
    await api('get', '/referrals').query({ status: 'customer' }).expect(200);
    await api('get', '/referrals').query({ partner: '../../etc' }).expect(400);
  });
});

describe('assets', () => {
  it('creates, edits and deletes an asset; a banner needs a file or url', async () => {
    const program = await createProgram(app.strapi);
    const before = await count(app.strapi, 'asset');
    await api('post', '/assets')
      .send({ data: { title: 'Banner', type: 'banner' } })
      .expect(400);
    expect(await count(app.strapi, 'asset')).toBe(before);
    const created = await api('post', '/assets')
      .send({
        data: {
          title: 'Banner',
          type: 'banner',
          url: 'https://cdn.example/b.png',
          program: program.documentId,
        },
      })
      .expect(201);
    expect(created.body.data.program).toMatchObject({ documentId: program.documentId });
    const id = created.body.data.documentId;
    await api('put', `/assets/${id}`)
      .send({ data: { title: 'Wide banner' } })
      .expect(200);
    expect((await api('get', '/assets').expect(200)).body.data[0].title).toBe('Wide banner');
    await api('delete', `/assets/${id}`).expect(200);
    expect(await count(app.strapi, 'asset')).toBe(before);
  });
});

describe('settings', () => {
  it('never shows a secret, and stores overrides that take effect', async () => {
    const res = await api('get', '/settings').expect(200);
    expect(res.body.data.effective.tracking.ipSalt).toEqual({
      state: 'set',
      source: 'tracking.ipSalt',
    });
    expect(JSON.stringify(res.body)).not.toContain(process.env.PARTNERS_IP_SALT as string);
    await api('put', '/settings')
      .send({ data: { portal: { primaryColor: 'red' } } })
      .expect(400);
    const updated = await api('put', '/settings')
      .send({ data: { portal: { title: 'Acme partners' } } })
      .expect(200);
    expect(updated.body.data.effective.portal.title).toBe('Acme partners');
    expect(updated.body.data.overrides).toEqual({ portal: { title: 'Acme partners' } });
    const noLogo = await api('put', '/settings')
      .send({ data: { portal: { logoUrl: null } } })
      .expect(200);
    expect(noLogo.body.data.effective.portal.logoUrl).toBeNull();
    await api('get', '/overview').expect(200);
    await api('put', '/settings').send({ data: {} }).expect(200);
    expect((await api('get', '/settings').expect(200)).body.data.effective.portal.title).not.toBe(
      'Acme partners'
    );
  });
});
