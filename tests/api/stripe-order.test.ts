import fc from 'fast-check';
import { uid } from '../../plugin/model';
import { count, createProgramWithPartner } from '../helpers/fixtures';
import {
  deliverStripe,
  ledgerLines,
  oneOffStory,
  STRIPE_WEBHOOK_SECRET,
  subscriptionStory,
  type StripeTestEvent,
} from '../helpers/stripe-events';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * SPEC §7, §11: Stripe does not order its events, so every delivery order of a customer's
 * events must end in the same ledger as the order they happened in. Every permutation of the
 * two sequences below is checked (4! = 24 each, as fast-check examples), then random runs that
 * also deliver some events twice.
 */

let app: TestApp;

beforeAll(async () => {
  process.env.STRIPE_WEBHOOK_SECRET = STRIPE_WEBHOOK_SECRET;
  app = await startStrapi();
});

afterAll(async () => {
  await app?.stop();
});

const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [[...items]]
    : items.flatMap((item, index) =>
        permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
          item,
          ...rest,
        ])
      );

const ORDERS = permutations([0, 1, 2, 3]);
/** A delivery order, and events (by position) Stripe delivers once more at the end. */
const deliveries = fc.record({
  order: fc.constantFrom(...ORDERS),
  again: fc.subarray([0, 1, 2, 3], { maxLength: 2 }),
});
type Delivery = { order: number[]; again: number[] };
const EXAMPLES: Array<[Delivery]> = ORDERS.map((order) => [{ order, again: [] }]);
const RANDOM_RUNS = 8;

type Story = (code: string) => { events: StripeTestEvent[] };

/** Delivers a story's events in the given order to a new partner; answers its ledger. */
const play = async (story: Story, { order, again }: Delivery) => {
  const { code, partner } = await createProgramWithPartner(app.strapi, { recurringMonths: null });
  const { events } = story(code);
  for (const index of [...order, ...again]) {
    const res = await deliverStripe(app, events[index]);
    expect(res.status).toBe(200);
  }
  const eventIds = events.map((event) => event.id);
  expect(
    await count(app.strapi, 'stripe-event', { eventId: { $in: eventIds }, state: 'processing' })
  ).toBe(0);
  return { partner, ledger: await ledgerLines(app, partner.id) };
};

describe('Stripe events in any delivery order', () => {
  it('a subscription (checkout, first and renewal invoice, partial refund) ends in one ledger', async () => {
    const story = (code: string) => subscriptionStory(code, { refunded: 2000 });
    const inOrder = await play(story, { order: [0, 1, 2, 3], again: [] });
    // 20 % of each 50.00 invoice; 20.00 of the renewal refunded takes back 4.00.
    expect(inOrder.ledger).toEqual([
      'adjustment:pending:-400',
      'recurring:pending:1000',
      'sale:pending:1000',
    ]);
    // The ledger fixes an entry's kind when it is first written: a renewal delivered before the
    // first invoice (a month apart, so only after a month of failed deliveries) is labelled a
    // sale. Same amounts and states; only the label differs (see docs/stripe.md).
    const earning = (lines: string[]) =>
      lines.map((line) => line.replace(/^recurring:/, 'sale:')).sort();
    await fc.assert(
      fc.asyncProperty(deliveries, async (delivery) => {
        const { partner, ledger } = await play(story, delivery);
        const renewalFirst = delivery.order.indexOf(2) < delivery.order.indexOf(1);
        if (renewalFirst) expect(earning(ledger)).toEqual(earning(inOrder.ledger));
        else expect(ledger).toEqual(inOrder.ledger);
        const orders = await app.strapi.db
          .query(uid('order'))
          .findMany({ where: { partnerId: partner.id }, select: ['id'] });
        expect(orders).toHaveLength(2);
      }),
      { examples: EXAMPLES, numRuns: RANDOM_RUNS }
    );
  });

  it('a one-off payment (checkout, partial refund, dispute opened and won) ends in one ledger', async () => {
    const story = (code: string) => oneOffStory(code, { refunded: 2000, outcome: 'won' });
    const inOrder = await play(story, { order: [0, 1, 2, 3], again: [] });
    // 20 % of 80.00; 20.00 of it refunded takes back 4.00; a won dispute changes nothing.
    expect(inOrder.ledger).toEqual(['adjustment:pending:-400', 'sale:pending:1600']);
    await fc.assert(
      fc.asyncProperty(deliveries, async (delivery) => {
        expect((await play(story, delivery)).ledger).toEqual(inOrder.ledger);
      }),
      { examples: EXAMPLES, numRuns: RANDOM_RUNS }
    );
  });
});
