import { uid } from '../../plugin/model';
import { createPartner } from '../helpers/fixtures';
import { adminToken } from '../helpers/admin';
import { portal, portalLogin } from '../helpers/portal';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * SPEC §8: a partner edits its own contact name, company and website in the portal; editors see
 * the change on the partner's admin page. Bad input is a 400 that stores nothing, the website is
 * http(s) only, and a partner reaches only its own profile.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let app: TestApp;
let adminJwt = '';
const admin = () => adminJwt;

beforeAll(async () => {
  // Every test signs partners in, all from 127.0.0.1.
  app = await startStrapi({ usersPermissions: { loginsPerMinute: 100 } });
  adminJwt = await adminToken(app, 'strapi-super-admin');
});

afterAll(() => app?.stop());

const stored = (id: number): Promise<Row> =>
  app.strapi.db
    .query(uid('partner'))
    .findOne({ where: { id }, select: ['name', 'email', 'company', 'website', 'type', 'notes'] });

const aPartnerLogin = async () => {
  const partner = await createPartner(app.strapi, {
    name: 'Jane Partner',
    company: 'Old Co',
    website: 'https://old.example',
    notes: 'editor note',
  });
  return { partner, jwt: await portalLogin(app, partner) };
};

describe('PUT /api/partners/portal/profile', () => {
  it('changes the fields sent, answers the profile, and the admin page shows it', async () => {
    const { partner, jwt } = await aPartnerLogin();
    const res = await portal(app, jwt)
      .put('/profile', {
        name: '  Jane Q. Partner ',
        company: 'New Co',
        website: 'https://new.example/about',
      })
      .expect(200);
    expect(res.body.data).toMatchObject({
      documentId: partner.documentId,
      name: 'Jane Q. Partner',
      company: 'New Co',
      website: 'https://new.example/about',
      email: partner.email,
      status: 'approved',
    });
    const me = await portal(app, jwt).get('/me').expect(200);
    expect(me.body.data.partner).toEqual(res.body.data);

    // Only what is sent changes; an empty company or website clears it.
    await portal(app, jwt).put('/profile', { company: '', website: null }).expect(200);
    expect(await stored(partner.id)).toMatchObject({
      name: 'Jane Q. Partner',
      company: null,
      website: null,
      email: partner.email,
      notes: 'editor note',
    });

    await portal(app, jwt).put('/profile', { website: 'http://agency.example' }).expect(200);
    const detail = await app
      .request()
      .get(`/partners/partners/${partner.documentId}`)
      .set('Authorization', `Bearer ${admin()}`)
      .expect(200);
    expect(detail.body.data).toMatchObject({
      name: 'Jane Q. Partner',
      company: null,
      website: 'http://agency.example',
    });
  });

  it.each([
    ['a javascript: website', { website: 'javascript:alert(1)' }],
    ['a data: website', { website: 'data:text/html,<b>x</b>' }],
    ['a website that is no URL', { website: 'agency dot example' }],
    ['an empty name', { name: '   ' }],
    ['a name too long', { name: 'x'.repeat(201) }],
    ['a company too long', { company: 'x'.repeat(201) }],
    ['the e-mail', { email: 'new@partners.test' }],
    ['an editor field', { notes: 'mine now' }],
    ['the type', { type: 'agency' }],
    ['nothing to change', {}],
    ['a NUL in the company', { company: 'New\u0000Co' }],
    ['a valid field beside a bad one', { company: 'Fine Co', website: 'ftp://files.example' }],
  ])('refuses %s with 400 and stores nothing', async (_label, data) => {
    const { partner, jwt } = await aPartnerLogin();
    const before = await stored(partner.id);
    const res = await portal(app, jwt).put('/profile', data).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(await stored(partner.id)).toEqual(before);
  });

  it('refuses a body without data, a query string, and callers that are not partners', async () => {
    const { partner, jwt } = await aPartnerLogin();
    const before = await stored(partner.id);
    await app
      .request()
      .put('/api/partners/portal/profile')
      .set('Authorization', `Bearer ${jwt}`)
      .send({ name: 'No envelope' })
      .expect(400);
    await app
      .request()
      .put('/api/partners/portal/profile?partner=1')
      .set('Authorization', `Bearer ${jwt}`)
      .send({ data: { name: 'With query' } })
      .expect(400);
    const anonymous = await portal(app, null).put('/profile', { name: 'Anonymous' });
    expect([401, 403]).toContain(anonymous.status);
    const stranger = await portalLogin(app, null);
    await portal(app, stranger).put('/profile', { name: 'Stranger' }).expect(403);
    const suspended = await createPartner(app.strapi, { state: 'suspended' });
    const suspendedJwt = await portalLogin(app, suspended);
    await portal(app, suspendedJwt).put('/profile', { name: 'Suspended' }).expect(403);
    expect(await stored(partner.id)).toEqual(before);
    expect((await stored(suspended.id)).name).not.toBe('Suspended');
  });

  it('changes only the signed-in partner, whatever the body names', async () => {
    const mine = await aPartnerLogin();
    const other = await aPartnerLogin();
    const otherBefore = await stored(other.partner.id);
    await portal(app, mine.jwt)
      .put('/profile', { documentId: other.partner.documentId, name: 'Hijack' })
      .expect(400);
    await portal(app, mine.jwt).put('/profile', { company: 'Mine Only' }).expect(200);
    expect((await stored(mine.partner.id)).company).toBe('Mine Only');
    expect(await stored(other.partner.id)).toEqual(otherBefore);
  });
});
