import { pluginConfigSchema } from '../../../plugin/contracts/config';
import { mapHostOrder, toMinorUnits } from '../../../plugin/orders';

describe('toMinorUnits: decimals read as text, never as floats', () => {
  it.each([
    ['99.99 USD', 99.99, 'USD', 9999],
    ['"0.1" + "0.2" style values stay exact', '0.3', 'USD', 30],
    ['1.005 is not a USD amount', '1.005', 'USD', null],
    ['trailing zeros are fine', '12.500', 'USD', 1250],
    ['yen have no minor unit', '1500', 'JPY', 1500],
    ['dinars have three', '1.234', 'KWD', 1234],
    ['negative', '-5.5', 'EUR', -550],
    ['not a number', 'ten', 'USD', null],
    ['exponent notation is refused', '1e3', 'USD', null],
  ])('%s', (_label, value, currency, expected) => {
    expect(toMinorUnits(value, currency)).toBe(expected);
  });
});

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
