import { Agent } from 'node:http';
import type { AdminLinkView, CreateAdminLinkRequest } from '../../plugin/contracts/admin';
import type { LinksResponse, PortalLink } from '../../plugin/contracts/portal';
import { uid } from '../../plugin/model';
import { adminToken } from '../helpers/admin';
import { adminTokenWithActions } from '../helpers/admin-roles';
import {
  count,
  createApiToken,
  createLink,
  createPartner,
  createProgram,
  enroll,
  orderBody,
} from '../helpers/fixtures';
import { portal, portalLogin } from '../helpers/portal';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Links and codes (SPEC §4, §6, §8, issue #12): the default link on approval and on program
 * activation, the admin's and the portal's CRUD within the program's rules, codes unique
 * whatever their case, and disabled links that keep their history but attribute nothing new.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

let app: TestApp;
let superAdmin: string;
let apiToken: string;

beforeAll(async () => {
  app = await startStrapi();
  superAdmin = await adminToken(app, 'strapi-super-admin');
  apiToken = await createApiToken(app.strapi);
});

afterAll(async () => {
  await app?.stop();
});

const admin = (method: 'get' | 'post' | 'put', path: string, token = superAdmin) =>
  app.request()[method](`/partners${path}`).set('Authorization', `Bearer ${token}`);

const linksOf = (partner: Row): Promise<Row[]> =>
  app.strapi.db.query(uid('link')).findMany({
    where: { partner: { id: partner.id } },
    populate: { program: { select: ['id'] } },
    orderBy: { id: 'asc' },
  });

/** A partner that applied to `program`, approved through the admin API. */
const approvedPartner = async (program: Row, name: string) => {
  const partner = await createPartner(app.strapi, { name, state: 'applied' });
  await enroll(app.strapi, partner, program, { state: 'applied' });
  await admin('post', `/partners/${partner.documentId}/approve`).send({}).expect(200);
  return partner;
};

let nextHost = 10;
/** Each visitor from its own loopback address (its own rate-limit bucket). */
const visitor = () => {
  const agent = new Agent({
    localAddress: `127.3.${Math.floor(nextHost / 250)}.${(nextHost++ % 250) + 2}`,
  });
  return (path: string) => app.request().get(path).agent(agent).set('User-Agent', BROWSER);
};

const clicksOn = async (linkId: number) => {
  await app.strapi.plugin('partners').service('tracking').flush();
  return count(app.strapi, 'click', { linkId });
};

describe('default links', () => {
  it('approval gives the partner a link named after it, once; a namesake gets "-2"', async () => {
    const program = await createProgram(app.strapi, { applicationMode: 'approval' });
    const jane = await approvedPartner(program, 'Jane Doe-Smith');
    const [link] = await linksOf(jane);
    expect(link).toMatchObject({ code: 'jane-doe-smith', origin: 'default', disabledAt: null });
    expect(link.program.id).toBe(program.id);

    await admin('post', `/partners/${jane.documentId}/approve`).send({}).expect(409);
    expect(await linksOf(jane)).toHaveLength(1);

    const namesake = await approvedPartner(program, 'JANE DOE smith');
    expect((await linksOf(namesake)).map((row) => row.code)).toEqual(['jane-doe-smith-2']);
  });

  it('an enrollment approved on the partner page gets one, and an unusable name a fallback', async () => {
    const program = await createProgram(app.strapi);
    const partner = await createPartner(app.strapi, { name: '山田' });
    const enrollment = await enroll(app.strapi, partner, program, { state: 'applied' });
    await admin('put', `/partners/${partner.documentId}`)
      .send({ data: { enrollments: [{ documentId: enrollment.documentId, status: 'approved' }] } })
      .expect(200);
    expect((await linksOf(partner)).map((row) => row.code)).toEqual([`partner-${partner.id}`]);
  });

  it('an open program approves the application at once, with its link', async () => {
    const program = await createProgram(app.strapi, { applicationMode: 'open' });
    const email = `open-${Date.now()}@applicants.test`;
    await app
      .request()
      .post('/api/partners/applications')
      .send({
        data: { program: program.slug, name: 'Open Olga', email, acceptTerms: true },
      })
      .expect(201);
    const partner = await app.strapi.db.query(uid('partner')).findOne({ where: { email } });
    expect((await linksOf(partner)).map((row) => row.code)).toEqual(['open-olga']);
  });

  it('activating a program gives each approved enrollee without a link one, not twice', async () => {
    const program = await createProgram(app.strapi, { state: 'draft' });
    const bare = await createPartner(app.strapi, { name: 'Bare Bones' });
    const linked = await createPartner(app.strapi, { name: 'Has Link' });
    const applied = await createPartner(app.strapi, { name: 'Still Applied' });
    await enroll(app.strapi, bare, program);
    await enroll(app.strapi, linked, program);
    await enroll(app.strapi, applied, program, { state: 'applied' });
    await createLink(app.strapi, linked, program, `own${Date.now()}`);

    const activate = (status: string) =>
      admin('put', `/programs/${program.documentId}`).send({ data: { status } }).expect(200);
    await activate('active');
    expect((await linksOf(bare)).map((row) => row.code)).toEqual(['bare-bones']);
    expect(await linksOf(linked)).toHaveLength(1);
    expect(await linksOf(applied)).toHaveLength(0);

    await activate('archived');
    await activate('active');
    expect(await linksOf(bare)).toHaveLength(1);
  });
});

describe('admin links', () => {
  let program: Row;
  let partner: Row;
  beforeAll(async () => {
    program = await createProgram(app.strapi, { landingUrl: 'https://shop.example/' });
    partner = await approvedPartner(program, 'Admin Alice');
  });

  const add = (data: Partial<CreateAdminLinkRequest['data']>, token = superAdmin) =>
    admin('post', `/partners/${partner.documentId}/links`, token).send({
      data: { program: program.slug, ...data },
    });

  it('lists the partner’s links with short URL, clicks and status', async () => {
    const res = await admin('get', `/partners/${partner.documentId}/links`).expect(200);
    const [link] = res.body.data as AdminLinkView[];
    expect(link).toMatchObject({
      code: 'admin-alice',
      program: { slug: program.slug, name: program.name },
      label: null,
      path: null,
      clicks: 0,
      status: 'active',
      origin: 'default',
      disabledAt: null,
    });
    expect(link.url).toMatch(/\/(go|api\/partners\/r)\/admin-alice$/);
  });

  it('adds links with a chosen code (stored lower case) or a generated one', async () => {
    const chosen = await add({ code: 'Summer-Sale', label: 'Summer', path: '/sale' }).expect(201);
    expect(chosen.body.data).toMatchObject({
      code: 'summer-sale',
      label: 'Summer',
      path: '/sale',
      origin: 'admin',
      status: 'active',
    });
    const generated = await add({ label: 'Newsletter' }).expect(201);
    expect(generated.body.data.code).toBe('admin-alice-2');
  });

  it('refuses a code that differs only in case with 409, and stores nothing', async () => {
    const before = await count(app.strapi, 'link');
    const res = await add({ code: 'SUMMER-sale' }).expect(409);
    expect(res.body.error.message).toMatch(/"summer-sale" is already taken/);
    expect(await count(app.strapi, 'link')).toBe(before);
  });

  it.each([
    ['an open redirect in the path', { path: '//evil.example/' }],
    ['a path off the site', { path: 'https://evil.example/' }],
    ['a backslash path', { path: '/\\evil.example' }],
    ['a one-letter code', { code: 'a' }],
    ['a code with spaces', { code: 'a b c' }],
    ['an unknown field', { partner: 'x' }],
    ['a program the partner is not in', { program: 'no-such-program' }],
  ])('answers 400 to %s, storing nothing', async (_case, data) => {
    const before = await count(app.strapi, 'link');
    const res = await add(data as Row).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(await count(app.strapi, 'link')).toBe(before);
  });

  it('edits code, label and path; a taken code is 409; disables and enables', async () => {
    const created = (await add({ code: 'edit-me' }).expect(201)).body.data as AdminLinkView;
    const edit = (data: Row) => admin('put', `/links/${created.documentId}`).send({ data });
    const edited = await edit({ code: 'Edited-1', label: 'Edited', path: '/x?y=1' }).expect(200);
    expect(edited.body.data).toMatchObject({ code: 'edited-1', label: 'Edited', path: '/x?y=1' });
    await edit({ code: 'ADMIN-ALICE' }).expect(409);
    await edit({ label: null, path: null }).expect(200);

    const disabled = await edit({ status: 'disabled' }).expect(200);
    expect(disabled.body.data).toMatchObject({ status: 'disabled', code: 'edited-1', label: null });
    expect(disabled.body.data.disabledAt).toEqual(expect.any(String));
    const enabled = await edit({ status: 'active' }).expect(200);
    expect(enabled.body.data).toMatchObject({ status: 'active', disabledAt: null });

    await edit({}).expect(400);
    await edit({ status: 'paused' }).expect(400);
    await admin('put', '/links/nosuchlink')
      .send({ data: { label: 'x' } })
      .expect(404);
    await admin('get', '/partners/nosuchpartner/links').expect(404);
  });

  it('is closed to Editors and Authors, and read-only with "Read"', async () => {
    const link = (await linksOf(partner))[0];
    for (const role of ['strapi-editor', 'strapi-author']) {
      const token = await adminToken(app, role);
      await admin('get', `/partners/${partner.documentId}/links`, token).expect(403);
      await add({ label: 'x' }, token).expect(403);
      await admin('put', `/links/${link.documentId}`, token)
        .send({ data: { label: 'x' } })
        .expect(403);
    }
    const reader = await adminTokenWithActions(app, ['plugin::partners.read']);
    await admin('get', `/partners/${partner.documentId}/links`, reader).expect(200);
    await add({ label: 'x' }, reader).expect(403);
    await admin('put', `/links/${link.documentId}`, reader)
      .send({ data: { status: 'disabled' } })
      .expect(403);
    expect((await linksOf(partner))[0]).toMatchObject({ label: link.label, disabledAt: null });
  });
});

describe('portal links', () => {
  let program: Row;
  let vanity: Row;
  let alex: Row;
  let jwt: string;
  beforeAll(async () => {
    program = await createProgram(app.strapi, { partnerLinkLimit: 3, vanityCodes: false });
    vanity = await createProgram(app.strapi, { partnerLinkLimit: 2, vanityCodes: true });
    alex = await approvedPartner(program, 'Portal Alex');
    const enrollment = await enroll(app.strapi, alex, vanity, { state: 'applied' });
    await admin('put', `/partners/${alex.documentId}`)
      .send({ data: { enrollments: [{ documentId: enrollment.documentId, status: 'approved' }] } })
      .expect(200);
    jwt = await portalLogin(app, alex);
  });

  const list = async () => (await portal(app, jwt).get('/links').expect(200)).body as LinksResponse;
  const defaultIn = async (slug: string) =>
    (await list()).data.find((link) => link.program.slug === slug && link.origin === 'default')!;

  it('lists the default links with each program’s rules', async () => {
    const body = await list();
    expect(body.data.map((link) => [link.code, link.origin, link.status])).toEqual([
      ['portal-alex', 'default', 'active'],
      ['portal-alex-2', 'default', 'active'],
    ]);
    expect(body.meta.programs).toEqual([
      { slug: program.slug, name: program.name, partnerLinkLimit: 3, vanityCodes: false, links: 1 },
      { slug: vanity.slug, name: vanity.name, partnerLinkLimit: 2, vanityCodes: true, links: 1 },
    ]);
  });

  it('adds labelled deep links up to the limit; no own code without vanity codes', async () => {
    const before = await count(app.strapi, 'link');
    const own = await portal(app, jwt)
      .post('/links', { program: program.slug, code: 'mine' })
      .expect(403);
    expect(own.body.error).toMatchObject({
      message: 'This program does not let partners choose their own codes',
      details: { reason: 'vanity-codes-off' },
    });
    await portal(app, jwt)
      .post('/links', { program: program.slug, path: '//evil.example' })
      .expect(400);
    expect(await count(app.strapi, 'link')).toBe(before);

    const added = await portal(app, jwt)
      .post('/links', { program: program.slug, label: 'Blog', path: '/blog' })
      .expect(201);
    expect(added.body.data).toMatchObject({
      code: 'portal-alex-3',
      label: 'Blog',
      path: '/blog',
      origin: 'partner',
      status: 'active',
    });
    await portal(app, jwt).post('/links', { program: program.slug, label: 'Two' }).expect(201);
    const refused = await portal(app, jwt)
      .post('/links', { program: program.slug, label: 'Four' })
      .expect(403);
    expect(refused.body.error.message).toBe('This program allows 3 links per partner; you have 3');
    expect(await count(app.strapi, 'link')).toBe(before + 2);
  });

  it('edits labels and paths; codes and disabling follow the program’s rules', async () => {
    const home = await defaultIn(program.slug);
    const edit = (link: PortalLink, data: Row) =>
      portal(app, jwt).put(`/links/${link.documentId}`, data);
    await edit(home, { label: 'Home', path: '/start' }).expect(200);
    await edit(home, { code: 'new-code' }).expect(403);
    await edit(home, { code: home.code }).expect(200);
    await edit(home, { status: 'disabled' }).expect(403);
    await edit(home, { path: 'https://evil.example/' }).expect(400);
    expect(await defaultIn(program.slug)).toMatchObject({
      label: 'Home',
      path: '/start',
      code: 'portal-alex',
      status: 'active',
    });

    const own = (await list()).data.find((link) => link.label === 'Blog')!;
    expect((await edit(own, { status: 'disabled' }).expect(200)).body.data.status).toBe('disabled');
    expect((await edit(own, { status: 'active' }).expect(200)).body.data.status).toBe('active');
  });

  it('with vanity codes: own codes, unique whatever their case, and the default code editable', async () => {
    const chosen = await portal(app, jwt)
      .post('/links', { program: vanity.slug, code: 'Alex-VIP', label: 'VIP' })
      .expect(201);
    expect(chosen.body.data.code).toBe('alex-vip');
    const home = await defaultIn(vanity.slug);
    await portal(app, jwt).put(`/links/${home.documentId}`, { code: 'ALEX-vip' }).expect(409);
    const renamed = await portal(app, jwt)
      .put(`/links/${home.documentId}`, { code: 'Alex-Home' })
      .expect(200);
    expect(renamed.body.data.code).toBe('alex-home');
    await portal(app, jwt).post('/links', { program: vanity.slug, code: 'x-2' }).expect(403);
  });

  it('partner B sees none of A’s links and cannot touch them', async () => {
    const bea = await approvedPartner(await createProgram(app.strapi), 'Portal Bea');
    const beaJwt = await portalLogin(app, bea);
    const home = await defaultIn(program.slug);
    const beaLinks = (await portal(app, beaJwt).get('/links').expect(200)).body as LinksResponse;
    expect(beaLinks.data.map((link) => link.code)).toEqual(['portal-bea']);
    await portal(app, beaJwt).put(`/links/${home.documentId}`, { label: 'mine' }).expect(404);
    await portal(app, beaJwt).post('/links', { program: program.slug, label: 'x' }).expect(404);
    await portal(app, beaJwt)
      .post('/links/build', { link: home.documentId, to: '/pricing' })
      .expect(404);
    expect((await defaultIn(program.slug)).label).toBe('Home');
    await portal(app, null).get('/links').expect(403);
  });

  it('answers 400 to bad input', async () => {
    const home = await defaultIn(program.slug);
    await portal(app, jwt).post('/links', {}).expect(400);
    await portal(app, jwt)
      .post('/links', { program: program.slug, label: 'x'.repeat(201) })
      .expect(400);
    await portal(app, jwt).put(`/links/${home.documentId}`, {}).expect(400);
    await portal(app, jwt).put(`/links/${home.documentId}`, { partner: 1 }).expect(400);
    await portal(app, jwt).put('/links/bad%20id', { label: 'x' }).expect(400);
  });
});

describe('disabled links', () => {
  it('still redirect but attribute no click and no order, and keep their history', async () => {
    const program = await createProgram(app.strapi, { landingUrl: 'https://shop.example/' });
    const partner = await approvedPartner(program, 'Dora Disabled');
    const [link] = await linksOf(partner);
    const orders = () =>
      app.request().post('/api/partners/orders').set('Authorization', `Bearer ${apiToken}`);

    const live = await visitor()(`/api/partners/r/${link.code}`).expect(302);
    expect(new URL(live.headers.location).searchParams.get('ref')).toBe(link.code);
    expect(await clicksOn(link.id)).toBe(1);
    const before = await orders()
      .send(orderBody({ referralCode: link.code }))
      .expect(201);
    expect(before.body.data.partner?.documentId).toBe(partner.documentId);

    await admin('put', `/links/${link.documentId}`)
      .send({ data: { status: 'disabled' } })
      .expect(200);

    const off = await visitor()(`/api/partners/r/${link.code.toUpperCase()}`).expect(302);
    expect(off.headers.location).toBe('https://shop.example/');
    expect(await clicksOn(link.id)).toBe(1);
    const after = await orders()
      .send(orderBody({ couponCode: link.code }))
      .expect(201);
    expect(after.body.data.partner).toBeNull();
    expect(after.body.data.ineligibleReason).toBe(
      `disabled-code: the link "${link.code}" is disabled and attributes nothing new`
    );

    const history = await admin('get', `/partners/${partner.documentId}/links`).expect(200);
    expect(history.body.data[0]).toMatchObject({ status: 'disabled', clicks: 1 });
    const kept = await app.strapi.db
      .query(uid('order'))
      .findOne({ where: { externalId: before.body.data.externalId } });
    expect(kept.partnerId).toBe(partner.id);

    await admin('put', `/links/${link.documentId}`)
      .send({ data: { status: 'active' } })
      .expect(200);
    await visitor()(`/api/partners/r/${link.code}`).expect(302);
    expect(await clicksOn(link.id)).toBe(2);
  });
});
