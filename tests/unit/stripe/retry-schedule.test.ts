import { nextStripeAttemptAt, STRIPE_MAX_ATTEMPTS } from '../../../plugin/stripe/retry-schedule';

const failedAt = new Date('2026-03-01T10:00:00Z');

describe('nextStripeAttemptAt', () => {
  it.each([
    ['after the webhook’s own attempt: 5 minutes', 1, '2026-03-01T10:05:00.000Z'],
    ['after the second: 10 minutes', 2, '2026-03-01T10:10:00.000Z'],
    ['after the third: 20 minutes', 3, '2026-03-01T10:20:00.000Z'],
    ['after the fifth: 80 minutes', 5, '2026-03-01T11:20:00.000Z'],
  ])('%s', (_, attempts, expected) => {
    expect(nextStripeAttemptAt(attempts, failedAt)).toBe(expected);
  });

  it('gives up once every attempt has been made', () => {
    expect(STRIPE_MAX_ATTEMPTS).toBe(6);
    expect(nextStripeAttemptAt(STRIPE_MAX_ATTEMPTS, failedAt)).toBeNull();
    expect(nextStripeAttemptAt(STRIPE_MAX_ATTEMPTS + 3, failedAt)).toBeNull();
  });
});
