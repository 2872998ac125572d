import * as contracts from '../../plugin/contracts/portal';
import { uid } from '../../plugin/model';
import { snapshotPayoutMethod } from '../../plugin/payouts';
import {
  ACTIVE_METHOD_MESSAGE,
  WRONG_PASSWORD_MESSAGE,
} from '../../server/src/partners/payout-methods';
import { createPartner, createProgram, enroll } from '../helpers/fixtures';
import { portal, portalLogin } from '../helpers/portal';
import { useTestApp } from '../helpers/test-app';

/** SPEC §8: several saved payout methods, one active, every change re-authenticated and noticed. */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PASSWORD = 'Portal-login-2026';
const { app, smtp } = useTestApp({ smtp: true });

let alpha: Row;
let bravo: Row;
let alphaJwt: string;
let bravoJwt: string;

const row = (partner: Row) =>
  app.strapi.db.query(uid('partner')).findOne({ where: { id: partner.id } });

beforeAll(async () => {
  app.strapi.config.set('plugin::partners.notifications', { enabled: true });
  const program = await createProgram(app.strapi);
  alpha = await createPartner(app.strapi, { email: 'alpha-pay@partners.test' });
  bravo = await createPartner(app.strapi);
  await enroll(app.strapi, alpha, program);
  await enroll(app.strapi, bravo, program);
  alphaJwt = await portalLogin(app, alpha);
  bravoJwt = await portalLogin(app, bravo);
});

describe('payout methods', () => {
  it('saves PayPal, then a bank account beside it; the first stays active', async () => {
    const first = await portal(app, alphaJwt)
      .post('/payout-methods', {
        method: { type: 'paypal', email: 'alpha@paypal.test' },
        password: PASSWORD,
      })
      .expect(201);
    expect(first.body.data).toEqual([
      expect.objectContaining({
        active: true,
        method: { type: 'paypal', email: 'alpha@paypal.test' },
      }),
    ]);
    expect(first.body.meta.notice).toEqual({ mailed: true, mailError: null });
    const res = await portal(app, alphaJwt)
      .post('/payout-methods', {
        method: {
          type: 'bank',
          holder: 'Alpha',
          routingNumber: '021000021',
          accountNumber: '000123456789',
        },
        password: PASSWORD,
      })
      .expect(201);
    const body = contracts.payoutMethodsResponseSchema.parse(res.body);
    expect(body.data.map((entry) => [entry.method.type, entry.active])).toEqual([
      ['paypal', true],
      ['bank', false],
    ]);
    expect(snapshotPayoutMethod((await row(alpha)).payoutMethod)).toEqual({
      type: 'paypal',
      email: 'alpha@paypal.test',
    });
    const mail = await smtp().waitFor((message) => /ending 6789/.test(message.text ?? ''));
    expect(mail.to).toContain('alpha-pay@partners.test');
    expect(mail.text).not.toContain('000123456789');
  });

  it('switching is explicit, asks for the password, and payout runs see the new method', async () => {
    const list = (await portal(app, alphaJwt).get('/payout-methods').expect(200)).body.data;
    const bank = list.find((entry: Row) => entry.method.type === 'bank');
    const wrong = await portal(app, alphaJwt)
      .post(`/payout-methods/${bank.id}/activate`, { password: 'not-it' })
      .expect(400);
    expect(wrong.body.error.message).toBe(WRONG_PASSWORD_MESSAGE);
    expect((await row(alpha)).payoutMethod.type).toBe('paypal');
    await portal(app, bravoJwt)
      .post(`/payout-methods/${bank.id}/activate`, { password: PASSWORD })
      .expect(404);
    const res = await portal(app, alphaJwt)
      .post(`/payout-methods/${bank.id}/activate`, { password: PASSWORD })
      .expect(200);
    expect(res.body.data.map((entry: Row) => entry.active)).toEqual([false, true]);
    expect(res.body.meta.notice.mailed).toBe(true);
    expect(snapshotPayoutMethod((await row(alpha)).payoutMethod)).toEqual({
      type: 'bank',
      accountHolder: 'Alpha',
      last4: '6789',
      country: 'US',
    });
    expect((await portal(app, alphaJwt).get('/payout-method').expect(200)).body.data).toEqual({
      type: 'bank',
      holder: 'Alpha',
      last4: '6789',
    });
  });

  it('removes a saved method that is not the active one, with the password', async () => {
    const list = (await portal(app, alphaJwt).get('/payout-methods').expect(200)).body.data;
    const paypal = list.find((entry: Row) => entry.method.type === 'paypal');
    const bank = list.find((entry: Row) => entry.active);
    expect(bank.method.type).toBe('bank');
    const before = await row(alpha);
    const unchanged = async () => {
      const after = await row(alpha);
      expect(after.payoutMethods).toEqual(before.payoutMethods);
      expect(after.payoutMethod).toEqual(before.payoutMethod);
    };
    const wrong = await portal(app, alphaJwt)
      .post(`/payout-methods/${paypal.id}/remove`, { password: 'not-it' })
      .expect(400);
    expect(wrong.body.error.message).toBe(WRONG_PASSWORD_MESSAGE);
    await portal(app, bravoJwt)
      .post(`/payout-methods/${paypal.id}/remove`, { password: PASSWORD })
      .expect(404);
    const active = await portal(app, alphaJwt)
      .post(`/payout-methods/${bank.id}/remove`, { password: PASSWORD })
      .expect(409);
    expect(active.body.error.message).toBe(ACTIVE_METHOD_MESSAGE);
    await unchanged();

    const res = await portal(app, alphaJwt)
      .post(`/payout-methods/${paypal.id}/remove`, { password: PASSWORD })
      .expect(200);
    const body = contracts.payoutMethodsResponseSchema.parse(res.body);
    expect(body.data.map((entry) => [entry.id, entry.active])).toEqual([[bank.id, true]]);
    expect(body.meta.notice).toEqual({ mailed: true, mailError: null });
    const stored = await row(alpha);
    expect(stored.payoutMethods.map((entry: Row) => entry.id)).toEqual([bank.id]);
    expect(stored.payoutMethod).toEqual(before.payoutMethod);
    const mail = await smtp().waitFor((message) =>
      /PayPal \(alpha@paypal\.test\) was removed/.test(message.text ?? '')
    );
    expect(mail.to).toContain('alpha-pay@partners.test');
    await portal(app, alphaJwt)
      .post(`/payout-methods/${paypal.id}/remove`, { password: PASSWORD })
      .expect(404);
  });

  it.each([
    [{ method: { type: 'stripe', accountId: 'acct_Alpha1' }, password: 'wrong' }],
    [{ method: { type: 'stripe', accountId: 'nope' }, password: PASSWORD }],
    [{ method: { type: 'paypal', email: 'x@y.test' } }],
    [{ method: { type: 'credit' }, password: PASSWORD, active: true }],
  ])('POST /payout-methods %j → 400, nothing stored', async (data) => {
    const before = await row(alpha);
    await portal(app, alphaJwt).post('/payout-methods', data).expect(400);
    const after = await row(alpha);
    expect(after.payoutMethods).toEqual(before.payoutMethods);
    expect(after.payoutMethod).toEqual(before.payoutMethod);
  });

  it('a Stripe Connect account and a bad id; the notice says when mail is off', async () => {
    app.strapi.config.set('plugin::partners.notifications', { enabled: false });
    const res = await portal(app, bravoJwt)
      .put('/payout-method', { type: 'stripe', accountId: 'acct_Bravo1', password: PASSWORD })
      .expect(200);
    expect(res.body.data).toEqual({ type: 'stripe' });
    expect(res.body.meta.notice).toEqual({
      mailed: false,
      mailError: expect.stringMatching(/switched off/),
    });
    await portal(app, bravoJwt)
      .post('/payout-methods/../activate', { password: PASSWORD })
      .expect((answer) => expect(answer.status).toBeGreaterThanOrEqual(400));
    await portal(app, bravoJwt)
      .post('/payout-methods/pm_NOPE/activate', { password: PASSWORD })
      .expect(400);
    const alphaMethods = (await row(alpha)).payoutMethods;
    expect(JSON.stringify(alphaMethods)).not.toContain('acct_Bravo1');
  });
});
