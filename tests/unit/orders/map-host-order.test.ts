import { pluginConfigSchema } from '../../../plugin/contracts/config';
import { mapHostOrder } from '../../../plugin/orders';

describe('mapHostOrder', () => {
  const config = pluginConfigSchema.parse({
    orders: {
      contentType: 'api::shop-order.shop-order',
      fields: { externalId: 'number', amount: 'total', status: 'state' },
      amountUnit: 'major',
      defaultCurrency: 'USD',
    },
  }).orders;

  it('reads mapped fields and turns a paid status into a payment event', () => {
    const mapping = mapHostOrder(
      {
        documentId: 'd1',
        number: 'SO-1',
        total: '49.90',
        state: 'paid',
        paidAt: '2026-05-01T00:00:00Z',
      },
      config,
      'api::shop-order.shop-order'
    );
    expect(mapping).toMatchObject({
      valid: true,
      input: { externalId: 'SO-1', amount: 4990, currency: 'USD' },
      events: [{ type: 'paid', paidAt: '2026-05-01T00:00:00Z' }],
    });
  });

  it('a refunded status is a payment and a full refund', () => {
    const mapping = mapHostOrder(
      { documentId: 'd2', number: 'SO-2', total: 10, state: 'refunded' },
      config,
      'x'
    );
    expect(mapping.valid && mapping.events.map((event) => event.type)).toEqual([
      'paid',
      'refunded',
    ]);
  });

  it('names what it cannot read', () => {
    expect(mapHostOrder({ number: 'SO-3', total: 'abc' }, config, 'x')).toMatchObject({
      valid: false,
    });
    expect(mapHostOrder({ number: 'SO-4', total: 1, currency: 'ZZZ' }, config, 'x')).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/currency/),
    });
  });
});
