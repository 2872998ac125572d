import type {
  CreatePartnerRequest,
  CreatePartnerResponse,
  SettingsResponse,
} from '../../plugin/contracts/admin';
import type {
  InvitationAdminView,
  InvitationLinkResponse,
  InviteResponse,
  PartnerDecisionResponse,
} from '../../plugin/contracts/partners';
import { uid } from '../../plugin/model';
import { adminToken } from '../helpers/admin';
import { adminTokenWithActions } from '../helpers/admin-roles';
import { count, createPartner, createProgram, enroll } from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/**
 * SPEC §8, §9: an editor adds a partner by hand (approved in its programs, invited when asked),
 * and invitations work without e-mail: every answer says whether the mail went out and why not,
 * and the single-use link can be copied from the admin while the invitation is open.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type NewPartner = CreatePartnerRequest['data'];

const { app, admin, smtp } = useTestApp({ smtp: true, admin: true });
const PASSWORD = 'Correct-horse-42';
const LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] as const;

let serial = 0;
const email = (name: string) => `${name}-${++serial}-${Date.now()}@by-hand.test`;
let program: Row;
let second: Row;
let archived: Row;
let editor: string;
let author: string;
let readOnly: string;
/** Every line the server logged since the suite started, at every level. */
const logged: string[] = [];

const as = (token: string) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string, data: unknown = {}) =>
    app.request().post(path).set('Authorization', `Bearer ${token}`).send({ data }),
});
const superAdmin = () => as(admin());

const newPartner = (overrides: Partial<NewPartner> = {}): NewPartner => ({
  name: 'Hand Added',
  email: email('hand'),
  company: 'Hand & Co',
  website: 'https://hand.example',
  type: 'agency',
  tier: 'gold',
  agreementVersion: 'MSA-2026',
  programs: [program.slug],
  ...overrides,
});

const addPartner = (data: unknown, token = admin()) => as(token).post('/partners/partners', data);

const stored = (address: string) =>
  app.strapi.db.query(uid('partner')).findOne({
    where: { email: address },
    populate: { enrollments: { populate: { program: true } }, users: true },
  });

const rowCounts = async () => ({
  partners: await count(app.strapi, 'partner'),
  enrollments: await count(app.strapi, 'enrollment'),
  invitations: await count(app.strapi, 'invitation'),
});

const accept = (token: string) =>
  app
    .request()
    .post('/api/partners/invitations/accept')
    .send({ data: { token, password: PASSWORD, acceptTerms: true } });

const tokenOf = (link: string) => {
  const match = /\/partner-portal\/invitation#([A-Za-z0-9_-]{43})$/.exec(link);
  if (!match) throw new Error(`not an invitation link: ${link}`);
  return match[1];
};

const invitationsOf = async (documentId: string) =>
  (await superAdmin().get(`/partners/partners/${documentId}/invitations`).expect(200)).body
    .data as InvitationAdminView[];

const linkOf = (partnerId: string, invitationId: string) =>
  superAdmin().get(`/partners/partners/${partnerId}/invitations/${invitationId}/link`);

beforeAll(async () => {
  for (const level of LEVELS) {
    const original = app.strapi.log[level].bind(app.strapi.log);
    (app.strapi.log as unknown as Record<string, unknown>)[level] = (...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
      return (original as (...rest: unknown[]) => unknown)(...args);
    };
  }
  program = await createProgram(app.strapi, { terms: 'Be honest.', termsVersion: '2026-03' });
  second = await createProgram(app.strapi);
  archived = await createProgram(app.strapi, { state: 'archived' });
  editor = await adminToken(app, 'strapi-editor');
  author = await adminToken(app, 'strapi-author');
  readOnly = await adminTokenWithActions(app, ['plugin::partners.read']);
});

describe('adding a partner by hand', () => {
  it('creates it approved in its programs, with its agreement version, and invites it later', async () => {
    const data = newPartner({ programs: [program.slug, second.slug] });
    const res = await addPartner(data).expect(201);
    expect(res.body).toEqual({
      data: {
        documentId: expect.any(String),
        name: 'Hand Added',
        email: data.email,
        status: 'approved',
        enrollments: 2,
        invitation: null,
      },
    } satisfies CreatePartnerResponse);

    const partner = await stored(data.email);
    expect(partner).toMatchObject({
      state: 'approved',
      company: 'Hand & Co',
      website: 'https://hand.example',
      type: 'agency',
      tier: 'gold',
    });
    expect(partner.enrollments.map((row: Row) => [row.program.slug, row.state]).sort()).toEqual(
      [
        [program.slug, 'approved'],
        [second.slug, 'approved'],
      ].sort()
    );
    for (const enrollment of partner.enrollments) {
      expect(enrollment.termsVersionAccepted).toBe('MSA-2026');
      expect(enrollment.acceptedAt).not.toBeNull();
    }
    expect(await count(app.strapi, 'invitation', { partner: { id: partner.id } })).toBe(0);

    // "Invite to the portal" afterwards: mailed, and the same link is offered to copy.
    const since = smtp().messages.length;
    const invited = await superAdmin()
      .post(`/partners/partners/${res.body.data.documentId}/invite`)
      .expect(201);
    const body = invited.body as InviteResponse;
    expect(body.data).toMatchObject({ mailed: true, mailError: null, state: 'valid' });
    const mail = await smtp().waitFor(
      (message) => smtp().messages.indexOf(message) >= since && message.to.includes(data.email)
    );
    expect(mail.text).toContain(`/partner-portal/invitation#${tokenOf(body.data.link)}`);
  });

  it('invites at once when asked, and records no agreement when none is given', async () => {
    const data = newPartner({ agreementVersion: null, invite: true, tier: null, company: '' });
    const res = await addPartner(data).expect(201);
    expect(res.body.data.invitation).toEqual({
      documentId: expect.any(String),
      email: data.email,
      expiresAt: expect.any(String),
      link: expect.stringMatching(/\/partner-portal\/invitation#[A-Za-z0-9_-]{43}$/),
      mailed: true,
      mailError: null,
    });
    const partner = await stored(data.email);
    expect(partner).toMatchObject({ tier: null, company: null });
    expect(partner.enrollments[0]).toMatchObject({ termsVersionAccepted: null, acceptedAt: null });

    // Accepting the invitation records the program's own terms version.
    await accept(tokenOf(res.body.data.invitation.link)).expect(200);
    expect((await stored(data.email)).enrollments[0].termsVersionAccepted).toBe('2026-03');
  });

  it('answers 409 to an address that already has a partner, in any case, and stores nothing', async () => {
    const first = newPartner();
    const created = await addPartner(first).expect(201);
    const before = await rowCounts();
    const res = await addPartner(newPartner({ email: first.email.toUpperCase() })).expect(409);
    expect(res.body.error).toMatchObject({
      status: 409,
      name: 'ConflictError',
      message: 'A partner with this e-mail address already exists: Hand Added',
      details: { reason: 'partner-exists', documentId: created.body.data.documentId },
    });
    expect(await rowCounts()).toEqual(before);
  });

  const bad: Array<[string, () => unknown]> = [
    ['no body', () => undefined],
    ['no name', () => ({ ...newPartner(), name: '  ' })],
    ['a bad e-mail', () => newPartner({ email: 'not-an-address' })],
    ['no programs', () => newPartner({ programs: [] })],
    ['an unknown program', () => newPartner({ programs: ['no-such-program'] })],
    ['an archived program', () => newPartner({ programs: [archived.slug] })],
    ['a program twice', () => newPartner({ programs: [program.slug, program.slug] })],
    ['an unknown type', () => ({ ...newPartner(), type: 'friend' })],
    ['a website that is not http(s)', () => newPartner({ website: 'javascript:alert(1)' })],
    ['an unknown field', () => ({ ...newPartner(), state: 'suspended' })],
    ['invite that is not a boolean', () => ({ ...newPartner(), invite: 'yes' })],
    ['an agreement version too long', () => newPartner({ agreementVersion: 'v'.repeat(65) })],
  ];
  it.each(bad)('answers 400 to %s and stores nothing', async (_, body) => {
    const before = await rowCounts();
    const res = await addPartner(body()).expect(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(await rowCounts()).toEqual(before);
  });

  it('needs "Manage partners": 401 without a token, 403 for Editor, Author and Read', async () => {
    const before = await rowCounts();
    await app.request().post('/partners/partners').send({ data: newPartner() }).expect(401);
    for (const token of [editor, author, readOnly]) {
      await addPartner(newPartner(), token).expect(403);
    }
    const partner = await createPartner(app.strapi);
    for (const token of [editor, author, readOnly]) {
      await as(token)
        .get(`/partners/partners/${partner.documentId}/invitations/abc/link`)
        .expect(403);
    }
    expect(await rowCounts()).toEqual({ ...before, partners: before.partners + 1 });
  });
});

describe('settings', () => {
  const settings = async () =>
    ((await superAdmin().get('/partners/settings').expect(200)).body as SettingsResponse).data;

  it('report the e-mail provider, the last e-mail of this node and server.url', async () => {
    await addPartner(newPartner({ invite: true })).expect(201);
    const { status } = await settings();
    expect(status).toEqual({
      email: {
        provider: 'nodemailer',
        configured: true,
        lastDelivery: { at: expect.any(String), mailed: true, mailError: null },
      },
      serverUrl: null,
    } satisfies SettingsResponse['data']['status']);

    app.strapi.config.set('server.url', 'https://partners.acme.example');
    app.strapi.config.set('plugin::email.provider', 'sendmail');
    try {
      const next = (await settings()).status;
      expect(next.serverUrl).toBe('https://partners.acme.example');
      expect(next.email).toMatchObject({ provider: 'sendmail', configured: false });
    } finally {
      app.strapi.config.set('server.url', '');
      app.strapi.config.set('plugin::email.provider', 'nodemailer');
    }
  });

  it('name where the encryption key and the IP salt come from, fallbacks included', async () => {
    const { effective } = await settings();
    // tests/helpers/strapi.ts sets ENCRYPTION_KEY (Strapi's admin key) and PARTNERS_IP_SALT.
    expect(effective.partners.encryptionKey).toEqual({
      state: 'fallback',
      source: 'admin ENCRYPTION_KEY',
    });
    expect(effective.tracking.ipSalt).toEqual({ state: 'set', source: 'tracking.ipSalt' });

    const ipSalt = app.strapi.config.get('plugin::partners.tracking.ipSalt');
    process.env.PARTNERS_ENCRYPTION_KEY = 'a-key-for-the-settings-test';
    app.strapi.config.set('plugin::partners.tracking.ipSalt', undefined);
    try {
      const next = (await settings()).effective;
      expect(next.partners.encryptionKey).toEqual({
        state: 'set',
        source: 'PARTNERS_ENCRYPTION_KEY',
      });
      expect(next.tracking.ipSalt).toEqual({ state: 'fallback', source: 'APP_KEYS' });
      expect(JSON.stringify(next)).not.toContain('a-key-for-the-settings-test');
    } finally {
      delete process.env.PARTNERS_ENCRYPTION_KEY;
      app.strapi.config.set('plugin::partners.tracking.ipSalt', ipSalt);
    }
  });
});

describe('invitation links', () => {
  it('answers 404 for an invitation of another partner or none, 400 for malformed ids', async () => {
    const mine = await addPartner(newPartner({ invite: true })).expect(201);
    const other = await addPartner(newPartner()).expect(201);
    const invitationId = mine.body.data.invitation.documentId;
    await linkOf(other.body.data.documentId, invitationId).expect(404);
    await linkOf(mine.body.data.documentId, 'nosuchinvitation').expect(404);
    await linkOf(mine.body.data.documentId, 'not-a-document-id!').expect(400);
    await linkOf('nosuchpartner', invitationId).expect(404);
  });

  it('uses server.url when it is set, else the origin of the admin request', async () => {
    const res = await addPartner(newPartner({ invite: true })).expect(201);
    const { documentId } = res.body.data;
    const invitationId = res.body.data.invitation.documentId;
    expect(res.body.data.invitation.link).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/partner-portal\/invitation#/
    );
    app.strapi.config.set('server.url', 'https://partners.acme.example');
    try {
      const link = (await linkOf(documentId, invitationId).expect(200)).body.data.link;
      expect(link).toMatch(/^https:\/\/partners\.acme\.example\/partner-portal\/invitation#/);
      expect(tokenOf(link)).toBe(tokenOf(res.body.data.invitation.link));
    } finally {
      app.strapi.config.set('server.url', '');
    }
  });

  it('a new invitation revokes the earlier link, which can no longer be shown', async () => {
    const res = await addPartner(newPartner({ invite: true })).expect(201);
    const { documentId } = res.body.data;
    const first = res.body.data.invitation;
    const again = await superAdmin().post(`/partners/partners/${documentId}/invite`).expect(201);
    expect(again.body.data.link).not.toBe(first.link);
    const gone = await linkOf(documentId, first.documentId).expect(410);
    expect(gone.body.error.details).toEqual({ state: 'revoked' });
    const [newest, revoked] = await invitationsOf(documentId);
    expect(newest).toMatchObject({ state: 'valid', linkAvailable: true });
    expect(revoked).toMatchObject({ state: 'revoked', linkAvailable: false });
    await accept(tokenOf(first.link)).expect(410);
  });

  it('answers 409 for an invitation whose link was not kept', async () => {
    const res = await addPartner(newPartner({ invite: true })).expect(201);
    const invitationId = res.body.data.invitation.documentId;
    await app.strapi.db
      .query(uid('invitation'))
      .update({ where: { documentId: invitationId }, data: { tokenSealed: null } });
    const noLink = await linkOf(res.body.data.documentId, invitationId).expect(409);
    expect(noLink.body.error.details).toEqual({ reason: 'no-link' });
    expect(noLink.body.error.message).toMatch(/send a new invitation/);
  });
});

describe('when the mail does not go out', () => {
  beforeAll(async () => {
    // Nothing listens on the SMTP port any more: the provider fails with ECONNREFUSED.
    await smtp().close();
  });

  it('says so with the reason; the copied link works once, then is used; it is never logged', async () => {
    const data = newPartner({ invite: true });
    const res = await addPartner(data).expect(201);
    const { invitation, documentId } = res.body.data as CreatePartnerResponse['data'] & Row;
    expect(invitation).toMatchObject({
      mailed: false,
      mailError: expect.stringMatching(/ECONNREFUSED/),
    });

    // The open invitation offers its link, the same one as answered at creation.
    const [listed] = await invitationsOf(documentId);
    expect(listed).toMatchObject({ state: 'valid', linkAvailable: true });
    const shown = await linkOf(documentId, listed.documentId).expect(200);
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(shown.body).toEqual({
      data: {
        documentId: listed.documentId,
        email: data.email,
        expiresAt: listed.expiresAt,
        link: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/partner-portal\/invitation#/),
      },
    } satisfies InvitationLinkResponse);
    // Supertest serves each request on a port of its own: compare the tokens.
    expect(tokenOf(shown.body.data.link)).toBe(tokenOf(invitation!.link));

    // The same expiry as a mailed invitation (config partners.invitationTtlHours, 72 h).
    const ttl = Date.parse(listed.expiresAt) - Date.parse(listed.createdAt);
    expect(Math.round(ttl / 3_600_000)).toBe(72);

    const token = tokenOf(invitation!.link);
    // The partner opens it as a browser does: the page without the fragment, then the API with
    // the token in the body. Neither URL carries the token, so no request log line can.
    const page = new URL(invitation!.link);
    expect(page.pathname).toBe('/partner-portal/invitation');
    await app.request().get(page.pathname).expect(200);
    await app
      .request()
      .post('/api/partners/invitations/view')
      .send({ data: { token } })
      .expect(200);
    const accepted = await accept(token).expect(200);
    expect(accepted.body.data.user.email).toBe(data.email);
    const partner = await stored(data.email);
    expect(partner.users).toHaveLength(1);
    await accept(token).expect(410);
    const used = await linkOf(documentId, listed.documentId).expect(410);
    expect(used.body.error.details).toEqual({ state: 'used' });
    expect((await invitationsOf(documentId))[0]).toMatchObject({
      state: 'used',
      linkAvailable: false,
    });
    const row = await app.strapi.db
      .query(uid('invitation'))
      .findOne({ where: { documentId: listed.documentId } });
    expect(row.tokenSealed).toBeNull();

    expect(logged.some((line) => line.includes('was not sent: connect ECONNREFUSED'))).toBe(true);
    // The request log is captured (so this can fail), and holds no token.
    expect(logged.some((line) => line.includes('POST /api/partners/invitations/view'))).toBe(true);
    expect(logged.filter((line) => line.includes(token))).toEqual([]);
  });

  it('approving says "not mailed" with the reason and offers the invitation link', async () => {
    const partner = await createPartner(app.strapi, { email: email('applied'), state: 'applied' });
    await enroll(app.strapi, partner, program, { state: 'applied' });
    const res = await superAdmin()
      .post(`/partners/partners/${partner.documentId}/approve`)
      .expect(200);
    const body = res.body as PartnerDecisionResponse;
    expect(body.data).toMatchObject({
      status: 'approved',
      enrollments: 1,
      mailed: false,
      mailError: expect.stringMatching(/ECONNREFUSED/),
      invitation: {
        documentId: expect.any(String),
        email: partner.email,
        link: expect.stringMatching(/\/partner-portal\/invitation#[A-Za-z0-9_-]{43}$/),
      },
    });
    const shown = await linkOf(partner.documentId, body.data.invitation!.documentId).expect(200);
    expect(tokenOf(shown.body.data.link)).toBe(tokenOf(body.data.invitation!.link));
  });

  it('Settings show the failed e-mail with its reason', async () => {
    await addPartner(newPartner({ invite: true })).expect(201);
    const res = await superAdmin().get('/partners/settings').expect(200);
    expect((res.body as SettingsResponse).data.status.email.lastDelivery).toEqual({
      at: expect.any(String),
      mailed: false,
      mailError: expect.stringMatching(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/),
    });
  });

  it('resending answers mailed: false with the reason, and the new link', async () => {
    const res = await addPartner(newPartner()).expect(201);
    const invited = await superAdmin()
      .post(`/partners/partners/${res.body.data.documentId}/invite`)
      .expect(201);
    expect(invited.body.data).toMatchObject({
      mailed: false,
      mailError: expect.stringMatching(/ECONNREFUSED/),
      state: 'valid',
      linkAvailable: true,
      link: expect.stringMatching(/\/partner-portal\/invitation#/),
    });
  });
});
