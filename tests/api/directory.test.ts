import {
  adminListingResponseSchema,
  adminListingsResponseSchema,
  directoryResponseSchema,
  portalListingResponseSchema,
  publicListingResponseSchema,
} from '../../plugin/contracts/directory';
import { uid } from '../../plugin/model';
import { count, createPartner } from '../helpers/fixtures';
import { portal, portalLogin } from '../helpers/portal';
import { useTestApp } from '../helpers/test-app';

/** The agency directory (docs/directory.md): apply, draft, approve, unpublish, the public side. */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { app, admin } = useTestApp({ admin: true });

/** A 1×1 PNG: a real image, as the media library checks it. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

let alpha: Row;
let bravo: Row;
let alphaJwt: string;
let bravoJwt: string;
let alphaListing: string;

const application = (change: Row = {}) => ({
  description: 'We build funnels and dashboards for SaaS marketing teams.',
  services: ['Attribution setup', 'Reporting'],
  regions: ['North America'],
  website: 'https://alpha-agency.test',
  ...change,
});

const editor = (method: 'get' | 'put' | 'post', path: string) =>
  app.request()[method](`/partners/directory${path}`).set('Authorization', `Bearer ${admin()}`);

const publicDirectory = () => app.request().get('/api/partners/directory').expect(200);
const uploadLogo = (jwt: string, file: Buffer, filename: string, contentType: string) =>
  app
    .request()
    .post('/api/partners/portal/listing/logo')
    .set('Authorization', `Bearer ${jwt}`)
    .attach('logo', file, { filename, contentType });

beforeAll(async () => {
  alpha = await createPartner(app.strapi, {
    name: 'Ada Alpha',
    company: 'Alpha Agency',
    email: 'ada@alpha-agency.test',
    notes: 'private: slow payer',
  });
  bravo = await createPartner(app.strapi, { name: 'Bravo Agency' });
  alphaJwt = await portalLogin(app, alpha);
  bravoJwt = await portalLogin(app, bravo);
});

describe('applying', () => {
  it('before applying the partner has no listing', async () => {
    const res = await portal(app, alphaJwt).get('/listing').expect(200);
    expect(res.body).toEqual({ data: null });
  });

  it.each([
    ['no services', { services: [] }],
    ['an empty description', { description: '   ' }],
    ['a javascript: website', { website: 'javascript:alert(1)' }],
    ['a service twice', { services: ['SEO', 'seo'] }],
    ['a 61-character service', { services: ['x'.repeat(61)] }],
    ['an unknown field', { state: 'live' }],
    ['a NUL character', { description: 'a\u0000b' }],
    ['services as a string', { services: 'SEO' }],
  ])('%s → 400, nothing stored', async (_label, change) => {
    const res = await portal(app, alphaJwt).post('/listing', application(change)).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(await count(app.strapi, 'listing')).toBe(0);
  });

  it('an application is stored as applied, named after the company, not public', async () => {
    const res = await portal(app, alphaJwt).post('/listing', application()).expect(200);
    const listing = portalListingResponseSchema.parse(res.body).data;
    expect(listing).toMatchObject({
      status: 'applied',
      name: 'Alpha Agency',
      services: ['Attribution setup', 'Reporting'],
      live: null,
      publicPath: null,
    });
    const row = await app.strapi.db
      .query(uid('listing'))
      .findOne({ where: { slug: 'alpha-agency' } });
    alphaListing = row.documentId;
    expect((await publicDirectory()).body.data).toEqual([]);
  });

  it('a second application while one is with the editors updates it, one listing', async () => {
    await portal(app, alphaJwt)
      .post('/listing', application({ regions: ['North America', 'Europe'] }))
      .expect(200);
    expect(await count(app.strapi, 'listing')).toBe(1);
  });
});

describe('the logo', () => {
  it.each([
    ['an SVG', SVG, 'logo.svg', 'image/svg+xml'],
    ['a text file named .png', Buffer.from('not an image'), 'logo.png', 'image/png'],
    ['a file over 1 MB', Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]), 'big.png', 'image/png'],
  ])('%s → 400, nothing in the media library', async (_label, file, name, type) => {
    const before = await app.strapi.db.query('plugin::upload.file').count();
    const res = await uploadLogo(alphaJwt, file, name, type).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(await app.strapi.db.query('plugin::upload.file').count()).toBe(before);
  });

  it('without an application → 400', async () => {
    await uploadLogo(bravoJwt, PNG, 'logo.png', 'image/png').expect(400);
  });

  it('a PNG goes into the media library and onto the listing', async () => {
    const res = await uploadLogo(alphaJwt, PNG, 'logo.png', 'image/png').expect(200);
    expect(res.body.data.logoUrl).toMatch(/^\/uploads\/.+\.png$/);
    const file = await app.strapi.db
      .query('plugin::upload.file')
      .findOne({ where: { url: res.body.data.logoUrl } });
    expect(file).toMatchObject({ mime: 'image/png' });
  });
});

describe('draft and approval', () => {
  it('the partner cannot approve before an editor drafts', async () => {
    await portal(app, alphaJwt).post('/listing/approve', {}).expect(400);
    expect((await publicDirectory()).body.data).toEqual([]);
  });

  it('editors list applications; a bad draft → 400, nothing changed', async () => {
    const list = adminListingsResponseSchema.parse(
      (await editor('get', '/listings?status=applied').expect(200)).body
    );
    expect(list.data.map((listing) => listing.documentId)).toEqual([alphaListing]);
    for (const data of [{}, { website: 'ftp://x.test' }, { logo: 999999 }, { status: 'live' }]) {
      await editor('put', `/listings/${alphaListing}`).send({ data }).expect(400);
    }
    await editor('put', '/listings/nosuchlisting0')
      .send({ data: { name: 'X' } })
      .expect(404);
    const row = await app.strapi.db
      .query(uid('listing'))
      .findOne({ where: { documentId: alphaListing } });
    expect(row.state).toBe('applied');
  });

  it('an editor drafts: awaiting the partner, still not public', async () => {
    const res = await editor('put', `/listings/${alphaListing}`)
      .send({ data: { description: 'Alpha Agency sets up attribution for SaaS teams.' } })
      .expect(200);
    expect(adminListingResponseSchema.parse(res.body).data).toMatchObject({
      status: 'drafted',
      partner: { name: 'Ada Alpha' },
    });
    expect((await publicDirectory()).body.data).toEqual([]);
    await app.request().get('/api/partners/directory/alpha-agency').expect(404);
  });

  it('a draft that never went live cannot be unpublished', async () => {
    await editor('post', `/listings/${alphaListing}/unpublish`).expect(400);
    const row = await app.strapi.db
      .query(uid('listing'))
      .findOne({ where: { documentId: alphaListing } });
    expect(row.state).toBe('drafted');
  });

  it('partner B sees none of it and cannot approve it', async () => {
    expect((await portal(app, bravoJwt).get('/listing').expect(200)).body).toEqual({ data: null });
    await portal(app, bravoJwt).post('/listing/approve', {}).expect(400);
    const row = await app.strapi.db
      .query(uid('listing'))
      .findOne({ where: { documentId: alphaListing } });
    expect(row.state).toBe('drafted');
  });

  it('the partner sees the draft and approves it: live, public with only its fields', async () => {
    const mine = await portal(app, alphaJwt).get('/listing').expect(200);
    expect(mine.body.data.description).toBe('Alpha Agency sets up attribution for SaaS teams.');
    const res = await portal(app, alphaJwt).post('/listing/approve', {}).expect(200);
    expect(res.body.data).toMatchObject({
      status: 'live',
      publicPath: '/partner-portal/directory/alpha-agency',
    });
    const body = directoryResponseSchema.parse((await publicDirectory()).body);
    expect(body.data).toHaveLength(1);
    expect(Object.keys(body.data[0]).sort()).toEqual(
      [
        'description',
        'listedSince',
        'logoUrl',
        'name',
        'regions',
        'services',
        'slug',
        'website',
      ].sort()
    );
    expect(body.data[0]).toMatchObject({
      slug: 'alpha-agency',
      name: 'Alpha Agency',
      regions: ['North America', 'Europe'],
    });
    const text = JSON.stringify(body);
    for (const secret of ['ada@alpha-agency.test', 'slow payer', 'Ada Alpha', alpha.documentId]) {
      expect(text).not.toContain(secret);
    }
    const one = publicListingResponseSchema.parse(
      (await app.request().get('/api/partners/directory/alpha-agency').expect(200)).body
    );
    expect(one.data.slug).toBe('alpha-agency');
  });

  it('an editor edits a live listing: a new draft, the approved copy stays public', async () => {
    await editor('put', `/listings/${alphaListing}`)
      .send({ data: { description: 'A new pitch awaiting the partner.' } })
      .expect(200);
    const [live] = (await publicDirectory()).body.data;
    expect(live.description).toBe('Alpha Agency sets up attribution for SaaS teams.');
    const mine = (await portal(app, alphaJwt).get('/listing').expect(200)).body.data;
    expect(mine).toMatchObject({
      status: 'drafted',
      description: 'A new pitch awaiting the partner.',
    });
    await portal(app, alphaJwt).post('/listing/approve', {}).expect(200);
    const [approved] = (await publicDirectory()).body.data;
    expect(approved.description).toBe('A new pitch awaiting the partner.');
    expect(approved.listedSince).toBe(live.listedSince);
  });

  it('the public HTML pages are server-rendered with a title and a meta description', async () => {
    const list = await app.request().get('/partner-portal/directory').expect(200);
    expect(list.type).toBe('text/html');
    expect(list.text).toMatch(/<title>Partner directory · .+<\/title>/);
    expect(list.text).toContain('<meta name="description"');
    expect(list.text).toContain('href="/partner-portal/directory/alpha-agency"');
    const one = await app.request().get('/partner-portal/directory/alpha-agency').expect(200);
    expect(one.text).toContain('<title>Alpha Agency · ');
    expect(one.text).toContain('content="A new pitch awaiting the partner."');
    expect(one.text).not.toContain('ada@alpha-agency.test');
    await app.request().get('/partner-portal/directory/nobody-here').expect(404);
  });
});

describe('unpublishing and rejecting', () => {
  it('an editor unpublishes: gone from the JSON and the page', async () => {
    const res = await editor('post', `/listings/${alphaListing}/unpublish`).expect(200);
    expect(res.body.data).toMatchObject({ status: 'unpublished', live: null });
    expect((await publicDirectory()).body.data).toEqual([]);
    await app.request().get('/api/partners/directory/alpha-agency').expect(404);
    await app.request().get('/partner-portal/directory/alpha-agency').expect(404);
    await editor('post', `/listings/${alphaListing}/unpublish`).expect(400);
  });

  it('an unpublished partner may apply again; an editor can reject the application', async () => {
    await portal(app, alphaJwt).post('/listing', application()).expect(200);
    const res = await editor('post', `/listings/${alphaListing}/reject`).expect(200);
    expect(res.body.data.status).toBe('rejected');
    await editor('put', `/listings/${alphaListing}`)
      .send({ data: { name: 'X' } })
      .expect(400);
  });
});

describe('access', () => {
  it('the portal routes need a partner login; the editor routes an admin', async () => {
    await portal(app, null).get('/listing').expect(403);
    await app.request().get('/partners/directory/listings').expect(401);
  });

  it('bad public queries → 400', async () => {
    await app.request().get('/api/partners/directory?pageSize=500').expect(400);
    await app.request().get('/api/partners/directory?filters[partner][email]=x').expect(400);
    await app.request().get('/api/partners/directory/Not_A_Slug').expect(400);
  });
});

describe('the old directoryListing flag', () => {
  it('becomes an application for the editors, once', async () => {
    const flagged = await createPartner(app.strapi, {
      name: 'Flagged Co',
      website: 'https://flagged.test',
      directoryListing: true,
    });
    const listings = app.strapi.plugin('partners').service('listings');
    await listings.migrateDirectoryFlag();
    await listings.migrateDirectoryFlag();
    const rows = await app.strapi.db
      .query(uid('listing'))
      .findMany({ where: { partner: { id: flagged.id } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'applied', name: 'Flagged Co', liveSince: null });
  });
});
