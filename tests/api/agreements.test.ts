import { uid } from '../../plugin/model';
import {
  agreementsResponseSchema,
  portalAgreementsResponseSchema,
  uploadMediaResponseSchema,
} from '../../plugin/contracts/media';
import { dealResponseSchema } from '../../plugin/contracts/portal';
import { adminToken } from '../helpers/admin';
import { count, createPartner, createProgram, enroll } from '../helpers/fixtures';
import { portal, portalLogin } from '../helpers/portal';
import { useTestApp } from '../helpers/test-app';

/**
 * Issue 15: agreements on a program's terms and on a partner, marketing assets and deal
 * attachments, all stored in Strapi's media library; partners download only their own files.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { app, admin } = useTestApp({ admin: true });

const FILE = 'plugin::upload.file';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
);
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
type Upload = { name: string; content: Buffer };

let program: Row;
let alpha: Row;
let bravo: Row;
let alphaJwt: string;
let bravoJwt: string;
let termsV1: Row;

const files = () => app.strapi.db.query(FILE).count();

const withFiles = <T extends { attach(field: string, file: Buffer, name: string): T }>(
  request: T,
  uploads: Upload[]
) => uploads.reduce((req, upload) => req.attach('files', upload.content, upload.name), request);

const upload = (use: string, uploads: Upload[], token = admin()) =>
  withFiles(
    app.request().post(`/partners/media?use=${use}`).set('Authorization', `Bearer ${token}`),
    uploads
  );

const adminApi = (method: 'get' | 'put' | 'post', path: string, token = admin()) =>
  app.request()[method](`/partners${path}`).set('Authorization', `Bearer ${token}`);

const attachToDeal = (jwt: string, deal: string, uploads: Upload[]) =>
  withFiles(
    app
      .request()
      .post(`/api/partners/portal/deals/${deal}/attachments`)
      .set('Authorization', `Bearer ${jwt}`),
    uploads
  );

const uploaded = async (use: string, name: string, content: Buffer) => {
  const res = await upload(use, [{ name, content }]).expect(201);
  return uploadMediaResponseSchema.parse(res.body).data[0];
};

beforeAll(async () => {
  app.strapi.config.set('plugin::partners.notifications', { enabled: false });
  program = await createProgram(app.strapi, {
    applicationMode: 'open',
    terms: 'Read the agreement.',
    termsVersion: 'v1',
  });
  termsV1 = await uploaded('agreement', 'terms-v1.pdf', pdf('terms version one'));
  await adminApi('put', `/programs/${program.documentId}/agreements`)
    .send({ data: { files: [termsV1.id] } })
    .expect(200);
  // Alpha accepts the terms by applying to the open program; Bravo was enrolled by hand.
  await app
    .request()
    .post('/api/partners/applications')
    .send({
      data: {
        program: program.slug,
        name: 'Alpha Agency',
        email: 'alpha@agreements.test',
        acceptTerms: true,
        termsVersion: 'v1',
      },
    })
    .expect(201);
  alpha = await app.strapi.db
    .query(uid('partner'))
    .findOne({ where: { email: 'alpha@agreements.test' } });
  bravo = await createPartner(app.strapi, { name: 'Bravo Agency' });
  await enroll(app.strapi, bravo, program);
  alphaJwt = await portalLogin(app, alpha);
  bravoJwt = await portalLogin(app, bravo);
});

describe('uploads from the admin', () => {
  it('stores a checked file in the media library and answers it', async () => {
    const file = await uploaded('agreement', 'Partner terms.pdf', pdf('terms'));
    expect(file).toMatchObject({ name: 'Partner terms.pdf', mime: 'application/pdf' });
    expect(file.url).toMatch(/^\/uploads\//);
  });

  it.each([
    ['a type the use does not take', 'agreement', { name: 'tool.exe', content: Buffer.from('MZ') }],
    ['content that is not its extension', 'agreement', { name: 'fake.pdf', content: PNG }],
    ['binary content named .txt', 'agreement', { name: 'page.txt', content: Buffer.from([0, 1]) }],
    ['an empty file', 'asset', { name: 'empty.pdf', content: Buffer.alloc(0) }],
    [
      'a file over the size limit',
      'agreement',
      { name: 'big.pdf', content: Buffer.concat([pdf('big'), Buffer.alloc(21 * 1024 * 1024)]) },
    ],
  ])('refuses %s: 400, nothing stored', async (_label, use, file) => {
    const before = await files();
    const res = await upload(use, [{ name: 'ok.pdf', content: pdf('ok') }, file]).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(await files()).toBe(before);
  });

  it('answers 400 without files or with an unknown use', async () => {
    await upload('agreement', []).expect(400);
    await upload('avatar', [{ name: 'a.pdf', content: pdf('a') }]).expect(400);
  });

  it('gives Editor and Author nothing', async () => {
    for (const role of ['strapi-editor', 'strapi-author']) {
      const token = await adminToken(app, role);
      const before = await files();
      await upload('agreement', [{ name: 'a.pdf', content: pdf('a') }], token).expect(403);
      await adminApi('put', `/programs/${program.documentId}/agreements`, token)
        .send({ data: { files: [] } })
        .expect(403);
      await adminApi('get', `/partners/${alpha.documentId}/agreements`, token).expect(403);
      expect(await files()).toBe(before);
    }
  });
});

describe('program agreements and what a partner accepted', () => {
  it('records the program files with the accepted terms', async () => {
    const res = await portal(app, alphaJwt).get('/agreements').expect(200);
    const { data } = portalAgreementsResponseSchema.parse(res.body);
    expect(data.programs).toEqual([
      expect.objectContaining({
        program: { slug: program.slug, name: program.name },
        termsVersionAccepted: 'v1',
        files: [expect.objectContaining({ id: termsV1.id, name: 'terms-v1.pdf' })],
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain('/uploads/');
  });

  it('keeps what was accepted when the program files change', async () => {
    const v2 = await uploaded('agreement', 'terms-v2.pdf', pdf('terms two'));
    const res = await adminApi('put', `/programs/${program.documentId}/agreements`)
      .send({ data: { files: [v2.id] } })
      .expect(200);
    expect(agreementsResponseSchema.parse(res.body).data.map((file) => file.id)).toEqual([v2.id]);
    const mine = await portal(app, alphaJwt).get('/agreements').expect(200);
    expect(mine.body.data.programs[0].files.map((file: Row) => file.id)).toEqual([termsV1.id]);
  });

  it('lets the partner download what it accepted, and no one else', async () => {
    const res = await portal(app, alphaJwt).binary(`/files/${termsV1.id}`).expect(200);
    expect(res.body.toString()).toContain('terms version one');
    expect(res.headers['content-disposition']).toBe('attachment; filename="terms-v1.pdf"');
    await portal(app, bravoJwt).get(`/files/${termsV1.id}`).expect(404);
    await portal(app, null).get(`/files/${termsV1.id}`).expect(403);
  });

  it('refuses ids that do not exist or are not ids: 400, nothing changes', async () => {
    const path = `/programs/${program.documentId}/agreements`;
    const before = (await adminApi('get', path).expect(200)).body.data;
    await adminApi('put', path)
      .send({ data: { files: [2_000_000] } })
      .expect(400);
    await adminApi('put', path)
      .send({ data: { files: ['x'] } })
      .expect(400);
    await adminApi('put', path)
      .send({ data: { files: [1], extra: 1 } })
      .expect(400);
    expect((await adminApi('get', path).expect(200)).body.data).toEqual(before);
    await adminApi('put', '/programs/nosuchprogram/agreements')
      .send({ data: { files: [] } })
      .expect(404);
    await portal(app, alphaJwt).get('/files/abc').expect(400);
  });
});

describe("a partner's own agreements", () => {
  let nda: Row;

  beforeAll(async () => {
    nda = await uploaded('agreement', 'alpha-nda.pdf', pdf('alpha nda'));
  });

  it('attaches files to a partner, who downloads them; others cannot', async () => {
    const res = await adminApi('put', `/partners/${alpha.documentId}/agreements`)
      .send({ data: { files: [nda.id] } })
      .expect(200);
    expect(res.body.data).toEqual([expect.objectContaining({ id: nda.id, name: 'alpha-nda.pdf' })]);
    const mine = await portal(app, alphaJwt).get('/agreements').expect(200);
    expect(mine.body.data.partner).toEqual([
      expect.objectContaining({ id: nda.id, downloadPath: `/api/partners/portal/files/${nda.id}` }),
    ]);
    const file = await portal(app, alphaJwt).binary(`/files/${nda.id}`).expect(200);
    expect(file.body.toString()).toContain('alpha nda');
    await portal(app, bravoJwt).get(`/files/${nda.id}`).expect(404);
    expect((await portal(app, bravoJwt).get('/agreements').expect(200)).body.data.partner).toEqual(
      []
    );
  });

  it("refuses another partner's file for a partner, a program or an asset", async () => {
    await adminApi('put', `/partners/${bravo.documentId}/agreements`)
      .send({ data: { files: [nda.id] } })
      .expect(400);
    await adminApi('put', `/programs/${program.documentId}/agreements`)
      .send({ data: { files: [nda.id] } })
      .expect(400);
    const assets = await count(app.strapi, 'asset');
    await adminApi('post', '/assets')
      .send({ data: { title: 'Leaked', type: 'guide', program: program.documentId, file: nda.id } })
      .expect(400);
    expect(await count(app.strapi, 'asset')).toBe(assets);
    expect((await portal(app, bravoJwt).get('/agreements').expect(200)).body.data.partner).toEqual(
      []
    );
  });
});

describe('assets uploaded through the media library', () => {
  it('an uploaded banner becomes an asset partners get', async () => {
    const banner = await uploaded('asset', 'banner.png', PNG);
    expect(banner.mime).toBe('image/png');
    await adminApi('post', '/assets')
      .send({
        data: { title: 'Banner', type: 'banner', program: program.documentId, file: banner.id },
      })
      .expect(201);
    const res = await portal(app, bravoJwt).get('/assets').expect(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({ title: 'Banner', fileUrl: banner.url }),
    ]);
  });
});

describe('deal attachments', () => {
  let deal: string;

  beforeAll(async () => {
    const res = await portal(app, alphaJwt)
      .post('/deals', {
        program: program.slug,
        company: 'Initech',
        contactName: 'Bill Lumbergh',
        contactEmail: 'bill@initech.test',
        estimatedValue: 500_000,
        currency: 'USD',
      })
      .expect(201);
    deal = res.body.data.documentId;
  });

  it('a partner attaches files to its deal; editors see them', async () => {
    const res = await attachToDeal(alphaJwt, deal, [
      { name: 'proposal.pdf', content: pdf('proposal') },
      { name: 'notes.txt', content: Buffer.from('call on monday\n') },
    ]).expect(201);
    const { data } = dealResponseSchema.parse(res.body);
    // Files sent in one request are stored in the order the server receives them, which the
    // multipart parser does not promise to be the order in the body: compared by name.
    const byName = <T extends { name: string }>(files: T[]) =>
      [...files].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName(data.attachments).map((file) => file.name)).toEqual([
      'notes.txt',
      'proposal.pdf',
    ]);
    const list = await adminApi('get', '/deals').expect(200);
    const row = list.body.data.find((item: Row) => item.documentId === deal);
    expect(byName(row.attachments)).toEqual([
      expect.objectContaining({ name: 'notes.txt', mime: 'text/plain' }),
      expect.objectContaining({ name: 'proposal.pdf', mime: 'application/pdf' }),
    ]);
    const proposal = data.attachments.find((file) => file.name === 'proposal.pdf')!;
    const file = await portal(app, alphaJwt)
      .binary(proposal.downloadPath.replace('/api/partners/portal', ''))
      .expect(200);
    expect(file.body.toString()).toContain('proposal');
    await portal(app, bravoJwt).get(`/files/${proposal.id}`).expect(404);
    const listed = await portal(app, alphaJwt).get('/deals').expect(200);
    expect(listed.body.data[0].attachments).toHaveLength(2);
  });

  it.each([
    ['another partner', () => bravoJwt, () => deal, 404, [{ name: 'x.pdf', content: pdf('x') }]],
    [
      'no such deal',
      () => alphaJwt,
      () => 'nosuchdeal',
      404,
      [{ name: 'x.pdf', content: pdf('x') }],
    ],
    [
      'a wrong type',
      () => alphaJwt,
      () => deal,
      400,
      [{ name: 'x.exe', content: Buffer.from('MZ') }],
    ],
    [
      'a file over 10 MB',
      () => alphaJwt,
      () => deal,
      400,
      [{ name: 'x.pdf', content: Buffer.concat([pdf('x'), Buffer.alloc(11 * 1024 * 1024)]) }],
    ],
    [
      'more than five files',
      () => alphaJwt,
      () => deal,
      400,
      [1, 2, 3, 4].map((n) => ({ name: `x${n}.pdf`, content: pdf(`x${n}`) })),
    ],
    ['no file', () => alphaJwt, () => deal, 400, []],
  ])('refuses %s: nothing stored', async (_label, jwt, id, status, uploads) => {
    const before = await files();
    await attachToDeal(jwt(), id(), uploads).expect(status);
    expect(await files()).toBe(before);
    const row = await app.strapi.db
      .query(uid('deal'))
      .findOne({ where: { documentId: deal }, populate: { attachments: { select: ['id'] } } });
    expect(row.attachments).toHaveLength(2);
  });

  it("refuses a deal attachment's id as an agreement", async () => {
    const row = await app.strapi.db
      .query(uid('deal'))
      .findOne({ where: { documentId: deal }, populate: { attachments: { select: ['id'] } } });
    await adminApi('put', `/partners/${bravo.documentId}/agreements`)
      .send({ data: { files: [row.attachments[0].id] } })
      .expect(400);
  });
});
