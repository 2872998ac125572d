import type { Overview } from '../../plugin/contracts/admin';
import { overviewSchema } from '../../plugin/contracts/admin';
import { uid } from '../../plugin/model';
import { createPartner, createProgram } from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/**
 * The first-run guide of the admin Overview: `setup` tells which first steps (a program, an
 * approved partner, a human click) exist at all, whatever the filters, and `currency` is the
 * one zero amounts are shown in.
 */

const { app, admin } = useTestApp({ admin: true });

const overview = async (query: Record<string, string> = {}): Promise<Overview> => {
  const res = await app
    .request()
    .get('/partners/overview')
    .query(query)
    .set('Authorization', `Bearer ${admin()}`);
  expect(res.status).toBe(200);
  return overviewSchema.parse(res.body.data);
};

const click = (partnerId: number, programId: number, isBot: boolean) =>
  app.strapi.db.query(uid('click')).create({
    data: {
      code: 'code',
      partnerId,
      programId,
      linkId: 1,
      visitorId: 'v',
      isBot,
      isUnique: true,
      // Long before the default range: the guide looks at all time.
      createdAt: new Date('2020-01-01T00:00:00Z'),
    },
  });

describe('GET /partners/overview on a new install', () => {
  it('has no first step taken, and shows zeros in US dollars', async () => {
    const data = await overview();
    expect(data.setup).toEqual({ hasProgram: false, hasPartner: false, hasClick: false });
    expect(data.currency).toBe('USD');
    expect(data.kpis.attributedRevenue).toEqual([]);
  });

  it('marks each step as it is taken: a program, an approved partner, a human click', async () => {
    const { strapi } = app;
    const euros = await createProgram(strapi, { slug: 'euros', currency: 'EUR' });
    await createProgram(strapi, { slug: 'pounds', currency: 'GBP' });
    expect((await overview()).setup).toEqual({
      hasProgram: true,
      hasPartner: false,
      hasClick: false,
    });
    expect((await overview()).currency).toBe('EUR');
    expect((await overview({ program: 'pounds' })).currency).toBe('GBP');

    await createPartner(strapi, { name: 'Applicant', state: 'applied' });
    expect((await overview()).setup.hasPartner).toBe(false);
    const partner = await createPartner(strapi, { name: 'Ada' });
    expect((await overview()).setup.hasPartner).toBe(true);

    await click(partner.id, euros.id, true);
    expect((await overview()).setup.hasClick).toBe(false);
    await click(partner.id, euros.id, false);
    expect((await overview({ from: '2026-03-01', to: '2026-03-31' })).setup).toEqual({
      hasProgram: true,
      hasPartner: true,
      hasClick: true,
    });
  });
});
