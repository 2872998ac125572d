import type { ReferralDetail } from '../../plugin/model';
import {
  createApiToken,
  createLink,
  createPartner,
  createProgram,
  enroll,
  orderBody,
} from '../helpers/fixtures';
import { parseCsv, pdfText, portal, portalLogin } from '../helpers/portal';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * SPEC §8: a partner sees its referred contacts only as far as each program's `referralDetail`
 * allows, in JSON, CSV and the PDF statement alike; purchases and declined charges only when the
 * program shows them. One partner, one program per level, each in its own currency, so each
 * monthly statement holds exactly one program's contact.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Case {
  level: ReferralDetail;
  currency: string;
  purchases: boolean;
  declined: boolean;
  /** Contact fields beyond the base ones. */
  fields: string[];
  /** The name the partner sees, if any. */
  name?: string;
}

const CASES: Case[] = [
  { level: 'none', currency: 'USD', purchases: false, declined: false, fields: [] },
  {
    level: 'first-name-last-initial',
    currency: 'EUR',
    purchases: true,
    declined: false,
    fields: ['name'],
    name: 'Zelda Q.',
  },
  {
    level: 'full-name',
    currency: 'GBP',
    purchases: false,
    declined: true,
    fields: ['name'],
    name: 'Zelda Quixotegbp',
  },
  {
    level: 'full-name-email',
    currency: 'CAD',
    purchases: true,
    declined: true,
    fields: ['name', 'email'],
    name: 'Zelda Quixotecad',
  },
  {
    level: 'contact-id',
    currency: 'AUD',
    purchases: false,
    declined: false,
    fields: ['name', 'email', 'externalId'],
    name: 'Zelda Quixoteaud',
  },
];
const BASE = ['id', 'status', 'source', 'program', 'createdAt', 'signedUpAt', 'convertedAt'];

const lastNameOf = (c: Case) => `Quixote${c.currency.toLowerCase()}`;
const emailOf = (c: Case) => `zelda.${c.currency.toLowerCase()}@customers.test`;
const externalIdOf = (c: Case) => `cus_secret_${c.currency.toLowerCase()}`;
const expectedKeys = (c: Case) =>
  [
    ...BASE,
    ...c.fields,
    ...(c.purchases ? ['purchases'] : []),
    ...(c.declined ? ['declinedCharges'] : []),
  ].sort();

let app: TestApp;
let jwt: string;
const programs = new Map<ReferralDetail, Row>();

beforeAll(async () => {
  app = await startStrapi();
  app.strapi.config.set('plugin::partners.notifications', { enabled: false });
  const apiToken = await createApiToken(app.strapi);
  const partner = await createPartner(app.strapi, { name: 'Privacy Partner' });
  jwt = await portalLogin(app, partner);
  for (const c of CASES) {
    const program = await createProgram(app.strapi, {
      currency: c.currency,
      referralDetail: c.level,
      showPurchaseHistory: c.purchases,
      showDeclinedCharges: c.declined,
      holdDays: 0,
      autoApprove: true,
    });
    programs.set(c.level, program);
    await enroll(app.strapi, partner, program);
    const { code } = await createLink(app.strapi, partner, program);
    const customer = {
      customerEmail: emailOf(c),
      customerName: `Zelda ${lastNameOf(c)}`,
      customerExternalId: externalIdOf(c),
    };
    await app
      .request()
      .post('/api/partners/orders')
      .set('Authorization', `Bearer ${apiToken}`)
      .send(
        orderBody({
          ...customer,
          referralCode: code,
          amount: 10000,
          currency: c.currency,
          paidAt: '2026-01-10T10:00:00Z',
        })
      )
      .expect(201);
    await app
      .request()
      .post('/api/partners/orders')
      .set('Authorization', `Bearer ${apiToken}`)
      .send(
        orderBody({
          ...customer,
          referralCode: code,
          amount: 4900,
          currency: c.currency,
          status: 'failed',
          failureReason: 'card_declined',
        })
      )
      .expect(201);
  }
  await app.strapi
    .plugin('partners')
    .service('commissions')
    .approveDue(new Date('2026-01-10T11:00:00Z').toISOString());
});

afterAll(async () => {
  await app?.stop();
});

const slugOf = (c: Case) => programs.get(c.level)!.slug as string;

describe.each(CASES)('referralDetail $level', (c) => {
  let referral: Row;

  beforeAll(async () => {
    const res = await portal(app, jwt)
      .get(`/referrals?program=${slugOf(c)}`)
      .expect(200);
    expect(res.body.data).toHaveLength(1);
    referral = res.body.data[0];
  });

  it('JSON has exactly the allowed keys and values', () => {
    expect(Object.keys(referral).sort()).toEqual(expectedKeys(c));
    expect(referral.id).toMatch(/^R-[0-9A-Z]{10}$/);
    expect(referral).toMatchObject({ status: 'customer', source: 'link' });
    if (c.name) expect(referral.name).toBe(c.name);
    if (c.fields.includes('email')) expect(referral.email).toBe(emailOf(c));
    if (c.fields.includes('externalId')) expect(referral.externalId).toBe(externalIdOf(c));
    const text = JSON.stringify(referral);
    if (!c.fields.includes('email')) expect(text).not.toContain(emailOf(c));
    if (!c.fields.includes('externalId')) expect(text).not.toContain(externalIdOf(c));
    if (c.level === 'none') expect(text).not.toContain('Zelda');
    if (c.level === 'none' || c.level === 'first-name-last-initial') {
      expect(text).not.toContain(lastNameOf(c));
    }
  });

  it('purchases and declined charges only when the program shows them', () => {
    if (c.purchases) {
      expect(referral.purchases).toEqual([
        { date: '2026-01-10', amount: 10000, currency: c.currency, status: 'paid' },
      ]);
    } else expect(referral).not.toHaveProperty('purchases');
    if (c.declined) {
      expect(referral.declinedCharges).toEqual([
        expect.objectContaining({ amount: 4900, currency: c.currency, reason: 'card_declined' }),
      ]);
    } else expect(referral).not.toHaveProperty('declinedCharges');
  });

  it('CSV has the same fields and values', async () => {
    const res = await portal(app, jwt)
      .get(`/referrals/export?program=${slugOf(c)}`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const { header, rows } = parseCsv(res.text);
    expect([...header].sort()).toEqual(expectedKeys(c));
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header.map((column, index) => [column, rows[0][index]]));
    expect(row.id).toBe(referral.id);
    expect(row.program).toBe(slugOf(c));
    if (c.name) expect(row.name).toBe(c.name);
    if (c.fields.includes('email')) expect(row.email).toBe(emailOf(c));
    if (c.purchases) expect(row.purchases).toContain('2026-01-10');
    if (c.declined) expect(row.declinedCharges).toContain('card_declined');
    if (!c.fields.includes('email')) expect(res.text).not.toContain(emailOf(c));
    if (c.level === 'none') expect(res.text).not.toContain('Zelda');
  });

  it('commissions label the contact the same way, in JSON and CSV', async () => {
    const json = await portal(app, jwt)
      .get(`/commissions?program=${slugOf(c)}`)
      .expect(200);
    expect(json.body.data).toHaveLength(1);
    const label = c.name ? `${c.name} (${referral.id})` : referral.id;
    expect(json.body.data[0]).toMatchObject({
      amount: 2000,
      currency: c.currency,
      referral: label,
    });
    const csv = await portal(app, jwt)
      .get(`/commissions/export?program=${slugOf(c)}`)
      .expect(200);
    const { header, rows } = parseCsv(csv.text);
    expect(rows[0][header.indexOf('referral')]).toBe(label);
    for (const text of [JSON.stringify(json.body), csv.text]) {
      if (!c.fields.includes('email')) expect(text).not.toContain(emailOf(c));
      if (c.level === 'none') expect(text).not.toContain('Zelda');
    }
  });

  it('the statement prints the contact the same way in JSON, CSV and PDF', async () => {
    const label = c.name ? `${c.name} (${referral.id})` : referral.id;
    const json = await portal(app, jwt)
      .get(`/statements/2026-01?currency=${c.currency}`)
      .expect(200);
    expect(json.body.data.entries).toEqual([
      expect.objectContaining({ amount: 2000, referral: label }),
    ]);

    const csv = await portal(app, jwt)
      .get(`/statements/2026-01/csv?currency=${c.currency}`)
      .expect(200);
    const { header, rows } = parseCsv(csv.text);
    const entry = rows.find((row) => row[0] === 'entry');
    expect(entry?.[header.indexOf('referral')]).toBe(label);

    const pdf = await portal(app, jwt)
      .binary(`/statements/2026-01/pdf?currency=${c.currency}`)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('Partner statement');
    expect(text).toContain(referral.id);
    if (c.name) expect(text).toContain(c.name);
    for (const body of [JSON.stringify(json.body), csv.text, text]) {
      expect(body).not.toContain(emailOf(c));
      expect(body).not.toContain(externalIdOf(c));
      if (c.level === 'none') expect(body).not.toContain('Zelda');
      if (c.level === 'none' || c.level === 'first-name-last-initial') {
        expect(body).not.toContain(lastNameOf(c));
      }
    }
  });
});

describe('an export across programs', () => {
  it('has the union of the allowed columns; a stricter program leaves its cells empty', async () => {
    const res = await portal(app, jwt).get('/referrals/export').expect(200);
    const { header, rows } = parseCsv(res.text);
    expect([...header].sort()).toEqual(
      [...BASE, 'name', 'email', 'externalId', 'purchases', 'declinedCharges'].sort()
    );
    expect(rows).toHaveLength(CASES.length);
    const none = rows.find((row) => row[header.indexOf('program')] === slugOf(CASES[0]))!;
    for (const column of ['name', 'email', 'externalId', 'purchases', 'declinedCharges']) {
      expect(none[header.indexOf(column)]).toBe('');
    }
    expect(res.text).not.toContain(emailOf(CASES[0]));
    expect(res.text).not.toContain(emailOf(CASES[1]));
    expect(res.text).not.toContain(emailOf(CASES[2]));
    expect(res.text).toContain(emailOf(CASES[3]));
  });

  it('lists referrals and commissions in the order of the screens, newest first', async () => {
    const as = portal(app, jwt);
    const referrals = (await as.get('/referrals?pageSize=100').expect(200)).body.data;
    const referralCsv = parseCsv((await as.get('/referrals/export').expect(200)).text);
    expect(referrals.length).toBeGreaterThan(1);
    expect(referralCsv.rows.map((row) => row[referralCsv.header.indexOf('id')])).toEqual(
      referrals.map((row: { id: string }) => row.id)
    );
    const commissions = (await as.get('/commissions?pageSize=100').expect(200)).body.data;
    const commissionCsv = parseCsv((await as.get('/commissions/export').expect(200)).text);
    expect(commissionCsv.rows.map((row) => row[0])).toEqual(
      commissions.map((row: { documentId: string }) => row.documentId)
    );
  });

  it('lists the statement months per currency', async () => {
    const res = await portal(app, jwt).get('/statements').expect(200);
    expect(res.body.data).toEqual(
      expect.arrayContaining(CASES.map((c) => ({ month: '2026-01', currency: c.currency })))
    );
  });
});
