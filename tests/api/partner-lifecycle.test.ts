import { createHash } from 'node:crypto';
import { Agent } from 'node:http';
import type {
  AcceptInvitationRequest,
  ApplicationRequest,
  InvitationViewResponse,
} from '../../plugin/contracts/partners';
import { uid } from '../../plugin/model';
import { adminToken } from '../helpers/admin';
import { count, createLink, createPartner, createProgram, enroll } from '../helpers/fixtures';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../helpers/smtp';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * SPEC §8: applications by program mode, the editors' decisions, single-use hashed invitations,
 * their acceptance into a users-permissions login, and portal access. E-mails over real SMTP.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Application = ApplicationRequest['data'];

let app: TestApp;
let smtp: TestSmtpServer;
let superAdmin: string;
let editor: string;
let openProgram: Row;
let approvalProgram: Row;
let inviteOnlyProgram: Row;
let twoTierProgram: Row;

const PASSWORD = 'Correct-horse-42';
let serial = 0;
const email = (name: string) => `${name}-${++serial}-${Date.now()}@applicants.test`;

let nextHost = 10;
/** Each caller from its own loopback address: a rate-limit bucket of its own. */
const client = () => {
  const ip = `127.1.${Math.floor(nextHost / 250)}.${(nextHost++ % 250) + 2}`;
  const agent = new Agent({ localAddress: ip });
  return {
    get: (path: string) => app.request().get(path).agent(agent),
    post: (path: string, body: unknown) =>
      app
        .request()
        .post(path)
        .agent(agent)
        .send(body as object),
  };
};

const apply = (data: Partial<Application> & Record<string, unknown>) =>
  client().post('/api/partners/applications', { data });

const application = (program: Row, overrides: Partial<Application> = {}): Application => ({
  program: program.slug,
  name: 'Ada Applicant',
  email: email('ada'),
  acceptTerms: true,
  termsVersion: program.termsVersion ?? null,
  ...overrides,
});

const accept = (token: string, overrides: Partial<AcceptInvitationRequest['data']> = {}) =>
  client().post('/api/partners/invitations/accept', {
    data: { token, password: PASSWORD, acceptTerms: true, ...overrides },
  });

const adminPost = (path: string, token: string, body: unknown = { data: {} }) =>
  app
    .request()
    .post(path)
    .set('Authorization', `Bearer ${token}`)
    .send(body as object);
const adminGet = (path: string, token: string) =>
  app.request().get(path).set('Authorization', `Bearer ${token}`);

const login = (identifier: string, password = PASSWORD) =>
  app.request().post('/api/auth/local').send({ identifier, password });

/** The next message to `to` after the `since`-th message received. */
const mailTo = async (to: string, since = 0): Promise<ReceivedMail> => {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    const found = smtp.messages.slice(since).find((mail) => mail.to.includes(to));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no e-mail to ${to}`);
};

const tokenIn = (mail: ReceivedMail) => {
  const match = /\/partner-portal\/invitation#([A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  return match[1];
};

const partnerByEmail = (address: string) =>
  app.strapi.db.query(uid('partner')).findOne({
    where: { email: address },
    populate: { enrollments: true, referredBy: true, users: { populate: { role: true } } },
  });

const rowCounts = async () => ({
  partners: await count(app.strapi, 'partner'),
  enrollments: await count(app.strapi, 'enrollment'),
  invitations: await count(app.strapi, 'invitation'),
  users: await app.strapi.db.query('plugin::users-permissions.user').count({}),
});

/** An approved partner invited by an editor; answers the mailed token. */
const invitedPartner = async (program: Row = openProgram) => {
  const partner = await createPartner(app.strapi, { email: email('invited') });
  await enroll(app.strapi, partner, program);
  const since = smtp.messages.length;
  await adminPost(`/partners/partners/${partner.documentId}/invite`, superAdmin).expect(201);
  return { partner, token: tokenIn(await mailTo(partner.email, since)) };
};

/** An approved partner with one portal login, and that login's JWT. */
const partnerWithLogin = async () => {
  const { partner, token } = await invitedPartner();
  const res = await accept(token).expect(200);
  return { partner, jwt: res.body.data.jwt as string, user: res.body.data.user as Row };
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_PORT = String(smtp.port);
  app = await startStrapi();
  superAdmin = await adminToken(app, 'strapi-super-admin');
  editor = await adminToken(app, 'strapi-editor');
  const terms = { terms: 'Be honest.', termsVersion: '2026-03' };
  openProgram = await createProgram(app.strapi, { applicationMode: 'open', ...terms });
  approvalProgram = await createProgram(app.strapi, { applicationMode: 'approval', ...terms });
  inviteOnlyProgram = await createProgram(app.strapi, { applicationMode: 'invite-only' });
  twoTierProgram = await createProgram(app.strapi, {
    applicationMode: 'approval',
    tierMode: 'two-tier',
    secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
  });
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close().catch(() => undefined);
});

describe('the application page', () => {
  it('shows an active program with its mode and terms', async () => {
    const res = await client()
      .get(`/api/partners/programs/${approvalProgram.slug}/application`)
      .expect(200);
    expect(res.body.data).toEqual({
      slug: approvalProgram.slug,
      name: approvalProgram.name,
      applicationMode: 'approval',
      terms: 'Be honest.',
      termsVersion: '2026-03',
      landingUrl: 'https://shop.example/',
    });
    const inviteOnly = await client()
      .get(`/api/partners/programs/${inviteOnlyProgram.slug}/application`)
      .expect(200);
    expect(inviteOnly.body.data.applicationMode).toBe('invite-only');
  });

  it('is 404 for draft, archived and unknown programs', async () => {
    for (const state of ['draft', 'archived']) {
      const program = await createProgram(app.strapi, { state });
      await client().get(`/api/partners/programs/${program.slug}/application`).expect(404);
    }
    await client().get('/api/partners/programs/no-such-program/application').expect(404);
    await client().get('/api/partners/programs/bad%20slug!/application').expect(400);
  });
});

describe('applications', () => {
  it('approves at once in an open program and mails a single-use invitation', async () => {
    const data = application(openProgram, { name: 'Olive Open', company: 'Olive Ltd' });
    const since = smtp.messages.length;
    const res = await apply(data).expect(201);
    expect(res.body).toEqual({ data: { status: 'approved' } });

    const partner = await partnerByEmail(data.email);
    expect(partner).toMatchObject({ state: 'approved', name: 'Olive Open', company: 'Olive Ltd' });
    expect(partner.enrollments).toHaveLength(1);
    expect(partner.enrollments[0]).toMatchObject({ state: 'approved' });

    const mail = await mailTo(data.email, since);
    expect(mail.subject).toBe(`You are invited to ${openProgram.name}'s partner portal`);
    const token = tokenIn(mail);
    const [invitation] = await app.strapi.db
      .query(uid('invitation'))
      .findMany({ where: { partner: { id: partner.id } } });
    // Only the hash is stored, never the token.
    expect(invitation.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(invitation)).not.toContain(token);
    const ttl = new Date(invitation.expiresAt).getTime() - new Date(invitation.createdAt).getTime();
    expect(Math.abs(ttl - 72 * 3_600_000)).toBeLessThan(60_000);
  });

  it('waits for an editor in an approval program and says the application arrived', async () => {
    const data = application(approvalProgram, { message: 'I run a cooking blog.' });
    const since = smtp.messages.length;
    await apply(data)
      .expect(201)
      .expect(({ body }) => expect(body).toEqual({ data: { status: 'applied' } }));
    const partner = await partnerByEmail(data.email);
    expect(partner.state).toBe('applied');
    expect(partner.enrollments[0]).toMatchObject({
      state: 'applied',
      applicationMessage: 'I run a cooking blog.',
    });
    const mail = await mailTo(data.email, since);
    expect(mail.subject).toBe(`We received your application to ${approvalProgram.name}`);
    expect(await count(app.strapi, 'invitation', { partner: { id: partner.id } })).toBe(0);
  });

  it('refuses invite-only programs with 403 and stores nothing', async () => {
    const before = await rowCounts();
    const res = await apply(application(inviteOnlyProgram)).expect(403);
    expect(res.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
    expect(await rowCounts()).toEqual(before);
  });

  it.each<[string, (data: Application) => Record<string, unknown>]>([
    ['a missing name', ({ name: _name, ...rest }) => rest],
    ['a missing email', ({ email: _email, ...rest }) => rest],
    ['a bad email', (data) => ({ ...data, email: 'not-an-email' })],
    ['terms not accepted', (data) => ({ ...data, acceptTerms: false })],
    ['terms missing', ({ acceptTerms: _accept, ...rest }) => rest],
    ['an unknown program', (data) => ({ ...data, program: 'no-such-program' })],
    ['an over-long name', (data) => ({ ...data, name: 'x'.repeat(201) })],
    ['an over-long message', (data) => ({ ...data, message: 'x'.repeat(2001) })],
    ['a name of the wrong type', (data) => ({ ...data, name: 42 })],
    ['a website that is not http(s)', (data) => ({ ...data, website: 'javascript:alert(1)' })],
    ['an unknown partner type', (data) => ({ ...data, type: 'overlord' })],
    ['an unknown field', (data) => ({ ...data, status: 'approved' })],
    ['an outdated terms version', (data) => ({ ...data, termsVersion: '2025-01' })],
  ])('answers 400 to %s and stores nothing', async (_label, change) => {
    const before = await rowCounts();
    const res = await apply(change(application(openProgram))).expect(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(await rowCounts()).toEqual(before);
  });

  it('answers 400 to bodies that are not an application', async () => {
    const before = await rowCounts();
    for (const body of [null, [], 'text', { data: 'x' }, { data: [] }, {}]) {
      await client().post('/api/partners/applications', body).expect(400);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('answers 409 to an address that already has a partner account, and stores nothing', async () => {
    const data = application(approvalProgram);
    await apply(data).expect(201);
    const before = await rowCounts();
    const again = await apply({ ...data, email: data.email.toUpperCase() }).expect(409);
    expect(again.body.error).toMatchObject({ status: 409, name: 'ConflictError' });
    await apply({ ...data, program: openProgram.slug }).expect(409);
    expect(await rowCounts()).toEqual(before);
  });

  it('rate-limits a client with 429', async () => {
    const busy = client();
    const responses = [];
    // 10 a minute; 21 requests put at least 11 into one clock-aligned window.
    for (let i = 0; i < 21; i += 1) {
      responses.push(await busy.post('/api/partners/applications', { data: {} }));
    }
    const limited = responses.filter((res) => res.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
    expect(responses.filter((res) => res.status === 400).length).toBeGreaterThanOrEqual(10);
  });

  it("records the recruiter of a two-tier program's recruit link as referredBy", async () => {
    const recruiter = await createPartner(app.strapi);
    await enroll(app.strapi, recruiter, twoTierProgram);
    const link = await createLink(app.strapi, recruiter, twoTierProgram);
    const recruit = application(twoTierProgram, { recruitCode: link.code.toUpperCase() });
    await apply(recruit).expect(201);
    expect((await partnerByEmail(recruit.email)).referredBy).toMatchObject({ id: recruiter.id });

    // A code of another program, or of a one-tier program, makes nobody a recruiter.
    const elsewhere = await createLink(app.strapi, recruiter, openProgram);
    const stray = application(twoTierProgram, { recruitCode: elsewhere.code });
    await apply(stray).expect(201);
    expect((await partnerByEmail(stray.email)).referredBy).toBeNull();
    const oneTier = application(approvalProgram, { recruitCode: link.code });
    await apply(oneTier).expect(201);
    expect((await partnerByEmail(oneTier.email)).referredBy).toBeNull();
    // A disabled link recruits nobody new.
    const disabled = await createLink(app.strapi, recruiter, twoTierProgram);
    await app.strapi.db
      .query(uid('link'))
      .update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const late = application(twoTierProgram, { recruitCode: disabled.code });
    await apply(late).expect(201);
    expect((await partnerByEmail(late.email)).referredBy).toBeNull();
  });
});

describe('invitations', () => {
  it('shows the invitation, then accepts it once into a Partner login with the terms recorded', async () => {
    const { partner, token } = await invitedPartner();
    const view = await client()
      .post('/api/partners/invitations/view', { data: { token: token } })
      .expect(200);
    expect(view.body).toEqual({
      data: {
        email: partner.email,
        partnerName: partner.name,
        programs: [
          {
            slug: openProgram.slug,
            name: openProgram.name,
            terms: 'Be honest.',
            termsVersion: '2026-03',
          },
        ],
      },
    } satisfies InvitationViewResponse);

    await accept(token, { acceptTerms: false as never }).expect(400);
    await accept(token, { password: 'short' }).expect(400);
    const res = await accept(token).expect(200);
    expect(res.body.data.user).toEqual({
      id: expect.any(Number),
      email: partner.email,
      username: partner.email,
    });
    expect(typeof res.body.data.jwt).toBe('string');

    const stored = await partnerByEmail(partner.email);
    expect(stored.users).toHaveLength(1);
    expect(stored.users[0]).toMatchObject({ confirmed: true, blocked: false });
    expect(stored.users[0].role.type).toBe('partner');
    expect(stored.users[0].password).not.toBe(PASSWORD);
    expect(stored.enrollments[0]).toMatchObject({ termsVersionAccepted: '2026-03' });
    expect(stored.enrollments[0].acceptedAt).not.toBeNull();

    // Single use: a second accept and a second look are refused.
    const again = await accept(token).expect(410);
    expect(again.body.error).toMatchObject({ status: 410, name: 'GoneError' });
    await client()
      .post('/api/partners/invitations/view', { data: { token: token } })
      .expect(410);

    // The JWT from acceptance and the one from a normal login both reach the portal.
    const team = await app
      .request()
      .get('/api/partners/portal/team')
      .set('Authorization', `Bearer ${res.body.data.jwt}`)
      .expect(200);
    expect(team.body.data).toEqual([
      expect.objectContaining({ email: partner.email, isYou: true, status: 'active' }),
    ]);
    const signedIn = await login(partner.email).expect(200);
    await app
      .request()
      .get('/api/partners/portal/team')
      .set('Authorization', `Bearer ${signedIn.body.jwt}`)
      .expect(200);
  });

  it('lets only one of two concurrent accepts create a login', async () => {
    const { partner, token } = await invitedPartner();
    const results = await Promise.all([accept(token), accept(token), accept(token)]);
    const statuses = results.map((res) => res.status).sort();
    expect(statuses).toEqual([200, 410, 410]);
    expect(
      await app.strapi.db
        .query('plugin::users-permissions.user')
        .count({ where: { email: partner.email } })
    ).toBe(1);
  });

  it('refuses an expired invitation', async () => {
    const { partner, token } = await invitedPartner();
    await app.strapi.db.query(uid('invitation')).updateMany({
      where: { email: partner.email },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await client()
      .post('/api/partners/invitations/view', { data: { token: token } })
      .expect(410);
    const res = await accept(token).expect(410);
    expect(res.body.error.details).toEqual({ state: 'expired' });
    expect((await partnerByEmail(partner.email)).users).toHaveLength(0);
  });

  it('refuses a revoked invitation: a resend revokes the earlier link', async () => {
    const { partner, token: first } = await invitedPartner();
    const since = smtp.messages.length;
    await adminPost(`/partners/partners/${partner.documentId}/invite`, superAdmin).expect(201);
    const second = tokenIn(await mailTo(partner.email, since));
    expect(second).not.toBe(first);
    const res = await accept(first).expect(410);
    expect(res.body.error.details).toEqual({ state: 'revoked' });
    await accept(second).expect(200);
  });

  it('answers 404 to unknown tokens and 400 to malformed ones', async () => {
    const unknown = Buffer.alloc(32, 7).toString('base64url');
    await client()
      .post('/api/partners/invitations/view', { data: { token: unknown } })
      .expect(404);
    await accept(unknown).expect(404);
    await client()
      .post('/api/partners/invitations/view', { data: { token: 'not-a-token' } })
      .expect(400);
    // The token is never read from a URL: the old path form is no route at all.
    await client().get(`/api/partners/invitations/${unknown}`).expect(404);
    await accept('x'.repeat(500)).expect(400);
    await client()
      .post('/api/partners/invitations/accept', { data: { token: 7 } })
      .expect(400);
  });

  it('refuses with 409 when the address already has an account that is not this partner’s', async () => {
    const { partner, token } = await invitedPartner();
    await app.strapi.plugin('users-permissions').service('user').add({
      username: 'site-customer',
      email: partner.email,
      password: 'Some-password-1',
      provider: 'local',
      confirmed: true,
    });
    const res = await accept(token).expect(409);
    expect(res.body.error.message).toMatch(/log in instead/);
    // The invitation was not spent: once the conflict is resolved it still works.
    await client()
      .post('/api/partners/invitations/view', { data: { token: token } })
      .expect(200);
  });
});

describe('admin routes', () => {
  const routes: Array<[string, string]> = [
    ['GET', '/partners/applications'],
    ['POST', '/partners/partners/abc/approve'],
    ['POST', '/partners/partners/abc/reject'],
    ['POST', '/partners/partners/abc/invite'],
    ['POST', '/partners/partners/abc/revoke-access'],
    ['GET', '/partners/partners/abc/invitations'],
  ];

  it.each(routes)(
    '%s %s is 401 without a token, 403 without "Manage partners"',
    async (method, path) => {
      const call = (token?: string) => {
        const req = method === 'GET' ? app.request().get(path) : app.request().post(path).send({});
        return token ? req.set('Authorization', `Bearer ${token}`) : req;
      };
      await call().expect(401);
      await call(editor).expect(403);
    }
  );

  it('lists applications with program and message, and approves one with an invitation', async () => {
    const data = application(approvalProgram, { name: 'Alex Applicant', message: 'Hello!' });
    await apply(data).expect(201);
    const list = await adminGet('/partners/applications?pageSize=100', superAdmin).expect(200);
    const row = list.body.data.find((item: Row) => item.email === data.email);
    expect(row).toMatchObject({
      name: 'Alex Applicant',
      partnerStatus: 'applied',
      enrollmentStatus: 'applied',
      program: { slug: approvalProgram.slug, name: approvalProgram.name },
      message: 'Hello!',
    });
    expect(list.body.meta.pagination).toMatchObject({ page: 1, pageSize: 100 });

    const since = smtp.messages.length;
    const res = await adminPost(`/partners/partners/${row.documentId}/approve`, superAdmin);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'approved', enrollments: 1, mailed: true });
    const partner = await partnerByEmail(data.email);
    expect(partner.state).toBe('approved');
    expect(partner.enrollments[0].state).toBe('approved');
    const token = tokenIn(await mailTo(data.email, since));
    await accept(token).expect(200);
    await adminPost(`/partners/partners/${row.documentId}/approve`, superAdmin).expect(409);

    const invitations = await adminGet(
      `/partners/partners/${row.documentId}/invitations`,
      superAdmin
    ).expect(200);
    expect(invitations.body.data).toEqual([
      expect.objectContaining({ email: data.email, state: 'used', revokedAt: null }),
    ]);
    expect(JSON.stringify(invitations.body)).not.toMatch(/tokenHash|token_hash/);
  });

  it('rejects an application with a reason the applicant reads', async () => {
    const data = application(approvalProgram);
    await apply(data).expect(201);
    const partner = await partnerByEmail(data.email);
    await adminPost(`/partners/partners/${partner.documentId}/reject`, superAdmin, {
      data: {},
    }).expect(400);
    const since = smtp.messages.length;
    const res = await adminPost(`/partners/partners/${partner.documentId}/reject`, superAdmin, {
      data: { reason: 'We only work with EU partners for now.' },
    }).expect(200);
    expect(res.body.data).toMatchObject({ status: 'rejected', mailed: true });
    const mail = await mailTo(data.email, since);
    expect(mail.subject).toBe(`Your application to ${approvalProgram.name}`);
    expect(mail.text).toContain('We only work with EU partners for now.');
    const stored = await partnerByEmail(data.email);
    expect(stored.state).toBe('rejected');
    expect(stored.enrollments[0].state).toBe('rejected');
    // An approved partner is not an application.
    const approved = await createPartner(app.strapi);
    await adminPost(`/partners/partners/${approved.documentId}/reject`, superAdmin, {
      data: { reason: 'x' },
    }).expect(409);
  });

  it('answers 404 for unknown partners and 409 when inviting one not approved', async () => {
    await adminPost('/partners/partners/nosuchpartner/approve', superAdmin).expect(404);
    await adminPost('/partners/partners/nosuchpartner/invite', superAdmin).expect(404);
    const applied = await createPartner(app.strapi, { state: 'applied' });
    await adminPost(`/partners/partners/${applied.documentId}/invite`, superAdmin).expect(409);
  });

  it('revokes portal access: logins blocked, open invitations revoked, re-invite restores', async () => {
    const { partner, jwt } = await partnerWithLogin();
    const { token: pending } = await (async () => {
      const since = smtp.messages.length;
      await app
        .request()
        .post('/api/partners/portal/team')
        .set('Authorization', `Bearer ${jwt}`)
        .send({ data: { email: 'teammate-' + partner.email } })
        .expect(201);
      return { token: tokenIn(await mailTo('teammate-' + partner.email, since)) };
    })();

    const res = await adminPost(
      `/partners/partners/${partner.documentId}/revoke-access`,
      superAdmin
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ blockedUsers: 1, revokedInvitations: 1 });
    await login(partner.email).expect(400);
    const portal = await app
      .request()
      .get('/api/partners/portal/team')
      .set('Authorization', `Bearer ${jwt}`);
    expect([401, 403]).toContain(portal.status);
    await accept(pending).expect(410);

    // A new invitation gives the same login back, with the new password.
    const since = smtp.messages.length;
    await adminPost(`/partners/partners/${partner.documentId}/invite`, superAdmin).expect(201);
    await accept(tokenIn(await mailTo(partner.email, since)), {
      password: 'Another-pass-77',
    }).expect(200);
    await login(partner.email, 'Another-pass-77').expect(200);
    expect((await partnerByEmail(partner.email)).users).toHaveLength(1);
  });
});

describe('portal team', () => {
  const as = (jwt: string) => ({
    get: () => app.request().get('/api/partners/portal/team').set('Authorization', `Bearer ${jwt}`),
    invite: (address: unknown) =>
      app
        .request()
        .post('/api/partners/portal/team')
        .set('Authorization', `Bearer ${jwt}`)
        .send({ data: { email: address } }),
    remove: (id: number | string) =>
      app.request().delete(`/api/partners/portal/team/${id}`).set('Authorization', `Bearer ${jwt}`),
  });

  it('needs a partner login', async () => {
    const res = await app.request().get('/api/partners/portal/team');
    expect([401, 403]).toContain(res.status);
  });

  it('invites a teammate, lists and removes it; never the last login; other partners are 404', async () => {
    const a = await partnerWithLogin();
    const b = await partnerWithLogin();
    const teammate = `team-${a.partner.email}`;

    await as(a.jwt).invite('not-an-email').expect(400);
    const since = smtp.messages.length;
    const invited = await as(a.jwt).invite(teammate.toUpperCase()).expect(201);
    expect(invited.body.data).toMatchObject({ email: teammate, status: 'invited', mailed: true });
    const listed = await as(a.jwt).get().expect(200);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ id: a.user.id, isYou: true, status: 'active' }),
      expect.objectContaining({ id: null, email: teammate, status: 'invited' }),
    ]);
    const joined = await accept(tokenIn(await mailTo(teammate, since))).expect(200);
    const teammateId = joined.body.data.user.id;
    await as(a.jwt).invite(teammate).expect(409);

    const team = await as(joined.body.data.jwt).get().expect(200);
    expect(team.body.data.map((member: Row) => [member.email, member.isYou])).toEqual([
      [a.partner.email, false],
      [teammate, true],
    ]);

    // Partner B neither sees nor removes A's logins.
    const seenByB = await as(b.jwt).get().expect(200);
    expect(seenByB.body.data.map((member: Row) => member.email)).toEqual([b.partner.email]);
    await as(b.jwt).remove(teammateId).expect(404);
    await as(b.jwt).remove(a.user.id).expect(404);
    await as(a.jwt).remove(b.user.id).expect(404);
    await as(a.jwt).remove('abc').expect(400);
    expect((await partnerByEmail(a.partner.email)).users).toHaveLength(2);

    await as(a.jwt).remove(a.user.id).expect(403); // not yourself
    await as(a.jwt).remove(teammateId).expect(204);
    await login(teammate).expect(400);
    expect((await partnerByEmail(a.partner.email)).users).toHaveLength(1);

    // The last login stays.
    const last = await as(b.jwt).remove(b.user.id).expect(409);
    expect(last.body.error.details).toEqual({ reason: 'last-login' });
    expect((await partnerByEmail(b.partner.email)).users).toHaveLength(1);
  });
});

describe('when the mail server is down', () => {
  it('still answers: the application is stored and the failure only logged', async () => {
    await smtp.close();
    const data = application(openProgram);
    await apply(data).expect(201);
    const partner = await partnerByEmail(data.email);
    expect(partner.state).toBe('approved');
    expect(await count(app.strapi, 'invitation', { partner: { id: partner.id } })).toBe(1);
    const res = await adminPost(`/partners/partners/${partner.documentId}/invite`, superAdmin);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ mailed: false, state: 'valid' });
  });
});
