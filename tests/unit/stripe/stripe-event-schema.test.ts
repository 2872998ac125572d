import { stripeEventSchema } from '../../../plugin/stripe/stripe-event-schema';
import fixtures from '../../fixtures/stripe-objects.json';

const objects = fixtures.resources as Record<string, Record<string, unknown>>;
const event = (type: string, object: unknown) => ({ ...objects.event, type, data: { object } });
const charge = (fields: Record<string, unknown>) =>
  event('charge.refunded', { ...objects.charge, ...fields });

describe('stripeEventSchema (Stripe example objects)', () => {
  it.each([
    ['checkout.session.completed', objects['checkout.session']],
    ['invoice.paid', objects.invoice],
    ['charge.refunded', objects.charge],
    ['charge.dispute.closed', objects.dispute],
    ['customer.subscription.deleted', objects.subscription],
    ['plan.created', objects.event.data],
  ])('accepts Stripe’s own %s', (type, object) => {
    expect(stripeEventSchema.safeParse(event(type, object)).success).toBe(true);
  });

  it.each([
    ['a negative refund', charge({ amount_refunded: -1 })],
    ['a refund over the charge', charge({ amount: 100, amount_refunded: 101 })],
    ['a fractional amount', charge({ amount: 10.5 })],
    ['a NUL in an id', charge({ id: 'ch_\u0000' })],
    ['an id over 255 characters', { ...charge({}), id: 'e'.repeat(256) }],
    ['a type over 255 characters', { ...charge({}), type: 't'.repeat(256) }],
    ['a NUL in the type', { ...charge({}), type: 'charge.refunded\u0000' }],
    ['no object', { ...charge({}), data: null }],
    ['null', null],
  ])('refuses %s', (_, value) => {
    expect(stripeEventSchema.safeParse(value).success).toBe(false);
  });

  it('does not mistake an object property for a used type', () => {
    expect(stripeEventSchema.safeParse(event('constructor', {})).success).toBe(true);
  });
});
