import { uid } from '../../plugin/model';
import { earnApproved, markPayoutPaid } from '../helpers/ledger';
import { createLink, createPartner, createProgram, enroll } from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/** SPEC §8, §10: monthly statements — opening balance, entries, payouts, closing balance. */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { app, apiToken, admin } = useTestApp({ apiToken: true, admin: true });
let partner: Row;
let refundedOrder: string;

const api = (path: string) =>
  app.request().get(`/partners${path}`).set('Authorization', `Bearer ${admin()}`);
const statementOf = async (month: string) =>
  (await api(`/statements?partner=${partner.documentId}&currency=USD&month=${month}`).expect(200))
    .body.data.statement;

const earn = (code: string, amount: number, paidAt: string) =>
  earnApproved(app, apiToken(), code, amount, paidAt);

beforeAll(async () => {
  app.strapi.config.set('plugin::partners.notifications', { enabled: false });

  partner = await createPartner(app.strapi, { name: 'Ada Lovelace', company: 'Analytical Ltd' });
  const program = await createProgram(app.strapi, { holdDays: 0, autoApprove: true });
  await enroll(app.strapi, partner, program);
  const { code } = await createLink(app.strapi, partner, program);

  // January $60 and February $60 (carried under the $100 minimum, paid together in March),
  // March $100.
  refundedOrder = await earn(code, 30000, '2026-01-10T10:00:00Z');
  await earn(code, 30000, '2026-02-10T10:00:00Z');
  await app.strapi.plugin('partners').service('payouts').run('2026-02');
  const [payout] = await app.strapi.db
    .query(uid('payout'))
    .findMany({ where: { partnerId: partner.id } });
  await markPayoutPaid(app, admin(), payout.documentId, {
    reference: 'BANK-0303',
    paidAt: '2026-03-03T09:00:00Z',
  }).expect(200);
  await earn(code, 50000, '2026-03-15T10:00:00Z');
});

describe('monthly statements', () => {
  it('January: nothing before, one commission', async () => {
    expect(await statementOf('2026-01')).toMatchObject({
      openingBalance: 0,
      totals: { earned: 6000, deducted: 0, paidOut: 0 },
      closingBalance: 6000,
      payouts: [],
    });
  });

  it('March: the previous closing balance, the payout and the month’s commission', async () => {
    const february = await statementOf('2026-02');
    expect(february).toMatchObject({ openingBalance: 6000, closingBalance: 12000 });
    const march = await statementOf('2026-03');
    expect(march).toMatchObject({
      month: '2026-03',
      currency: 'USD',
      openingBalance: 12000,
      totals: { earned: 10000, deducted: 0, paidOut: 12000 },
      closingBalance: 10000,
    });
    expect(march.lines).toEqual([
      expect.objectContaining({
        type: 'entry',
        kind: 'sale',
        amount: 10000,
        summary: expect.stringContaining('$100.00'),
      }),
    ]);
    expect(march.payouts).toEqual([
      expect.objectContaining({
        amount: 12000,
        reference: 'BANK-0303',
        at: '2026-03-03T09:00:00.000Z',
      }),
    ]);
  });

  it('shows a clawback in the month it happens and never changes a closed month', async () => {
    const before = await Promise.all(['2026-01', '2026-02', '2026-03'].map(statementOf));
    await app
      .request()
      .post(`/api/partners/orders/${refundedOrder}/refunds`)
      .set('Authorization', `Bearer ${apiToken()}`)
      .send({ data: { amount: 30000 } })
      .expect(200);
    const after = await Promise.all(['2026-01', '2026-02', '2026-03'].map(statementOf));
    expect(after).toEqual(before);

    const thisMonth = await statementOf(new Date().toISOString().slice(0, 7));
    expect(thisMonth).toMatchObject({
      openingBalance: 10000,
      totals: { earned: 0, deducted: -6000, paidOut: 0 },
      closingBalance: 4000,
    });
    expect(thisMonth.lines.map((line: Row) => [line.type, line.kind, line.amount])).toEqual([
      ['entry', 'clawback', -6000],
    ]);
  });

  it('downloads the statement as CSV', async () => {
    const res = await api(
      `/statements/csv?partner=${partner.documentId}&currency=USD&month=2026-03`
    ).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/statement-2026-03-USD\.csv/);
    const rows = res.text.trim().split('\n');
    expect(rows[0]).toBe('type,date,kind,description,amount_minor,amount,reference');
    expect(rows[1]).toBe('opening,2026-03-01T00:00:00.000Z,,Opening balance,12000,120.00,');
    expect(rows[2]).toMatch(/^payout,2026-03-03T09:00:00\.000Z,,Payout BANK-0303,-12000,-120\.00,/);
    expect(rows[3]).toMatch(/^entry,2026-03-15T11:00:00\.000Z,sale,.*\$100\.00.*,10000,100\.00,/);
    expect(rows[4]).toBe('closing,2026-04-01T00:00:00.000Z,,Closing balance,10000,100.00,');
  });

  it('downloads the statement as a PDF', async () => {
    const res = await api(
      `/statements/pdf?partner=${partner.documentId}&currency=USD&month=2026-03`
    )
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/statement-2026-03-USD\.pdf/);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/Type \/Pages[\s\S]*\/Count 1/);
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
  });

  it('refuses bad input', async () => {
    const query = (params: string) => api(`/statements?${params}`);
    await query(`partner=${partner.documentId}&currency=USD&month=2026-3`).expect(400);
    await query(`partner=${partner.documentId}&currency=XXX&month=2026-03`).expect(400);
    await query(`partner=${partner.documentId}&currency=USD`).expect(400);
    await query(`partner=${partner.documentId}&currency=USD&month=2026-03&extra=1`).expect(400);
    await query('partner=nosuchpartner&currency=USD&month=2026-03').expect(404);
    await api('/statements/pdf?partner=nosuchpartner&currency=USD&month=2026-03').expect(404);
  });
});
