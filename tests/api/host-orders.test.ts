import { commissionsOf, createProgramWithPartner } from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/**
 * The playground's own `api::shop-order.shop-order` collection is configured as the plugin's
 * `orders.contentType` (amounts in major units: 99.99): saving a shop order feeds ingestion.
 */

const { app } = useTestApp();

const shopOrders = () => app.strapi.documents('api::shop-order.shop-order' as never);

describe('orders from a host content type', () => {
  it('mirrors a paid shop order, converting 99.99 to 9999 minor units, and its refund', async () => {
    const { code, partner } = await createProgramWithPartner(app.strapi);
    const entry = await shopOrders().create({
      data: {
        number: 'SO-1001',
        total: 99.99,
        state: 'paid',
        email: 'ada@shop.test',
        coupon: code.toUpperCase(),
      } as never,
    });

    const [commission] = await commissionsOf(app.strapi, { partnerId: partner.id });
    expect(commission).toMatchObject({ basisAmount: 9999, amount: 2000, state: 'pending' });
    expect(commission.orderExternalId).toBe('SO-1001');

    await shopOrders().update({
      documentId: entry.documentId,
      data: { state: 'refunded' } as never,
    });
    const after = await commissionsOf(app.strapi, { partnerId: partner.id });
    expect(after.map((e) => [e.amount, e.state])).toEqual([[2000, 'reversed']]);
  });

  it('never fails the host save when an entry cannot be mirrored', async () => {
    const entry = await shopOrders().create({
      data: { number: 'SO-1002', total: 10.005, currency: 'XXQ', state: 'paid' } as never,
    });
    expect(entry.documentId).toBeTruthy();
    const mirrored = await app.strapi.db
      .query('plugin::partners.order')
      .findOne({ where: { externalId: 'SO-1002' } });
    expect(mirrored).toBeNull();
  });
});
