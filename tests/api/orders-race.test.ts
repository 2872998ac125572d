import { uid } from '../../plugin/model';
import { commissionsOf, createProgramWithPartner, orderBody, orderIdOf } from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/**
 * SPEC §7, §11: conflicting deliveries of one paid order at once. The delivery whose insert
 * commits first wins: it answers 201 and its amount is stored. Every other delivery is an update
 * of that order: the same amount answers 200 (a replay), another amount 400 ("cannot change once
 * paid", nothing stored). No 5xx, and the ledger holds one sale for the stored amount.
 */

const { app, apiToken } = useTestApp({ apiToken: true });

const DELIVERIES_PER_AMOUNT = 100;

describe('conflicting concurrent deliveries of one order', () => {
  it('the first insert wins with 201; the same amount replays with 200; another amount is refused', async () => {
    const { code } = await createProgramWithPartner(app.strapi, { holdDays: 0 });
    const base = orderBody({ referralCode: code });
    const amounts = Array.from({ length: DELIVERIES_PER_AMOUNT * 2 }, (_, index) =>
      index % 2 === 0 ? 10000 : 20000
    );
    const responses = await Promise.all(
      amounts.map((amount) =>
        app
          .request()
          .post('/api/partners/orders')
          .set('Authorization', `Bearer ${apiToken()}`)
          .send({ data: { ...base.data, amount } })
          .then((response) => ({ amount, status: response.status, body: response.body }))
      )
    );
    const created = responses.filter((response) => response.status === 201);
    expect(responses.filter((response) => response.status >= 500)).toEqual([]);
    expect(created).toHaveLength(1);
    const winner = created[0].amount;
    const stored = await app.strapi.db
      .query(uid('order'))
      .findOne({ where: { externalId: base.data.externalId } });
    expect(stored.amount).toBe(winner);
    for (const response of responses.filter((r) => r !== created[0])) {
      expect({ amount: response.amount, status: response.status }).toEqual({
        amount: response.amount,
        status: response.amount === winner ? 200 : 400,
      });
    }
    const entries = await commissionsOf(app.strapi, {
      orderId: await orderIdOf(app.strapi, base.data.externalId),
    });
    expect(entries.map((entry) => [entry.kind, entry.amount])).toEqual([['sale', winner / 5]]);
  });
});
