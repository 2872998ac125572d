import { createMemoryLimiter } from '../../../server/src/platform/rate-limit';

describe('the in-memory rate limit', () => {
  it('answers the seconds to wait once a client passes its budget, per client', async () => {
    const take = createMemoryLimiter({ name: 'unit-budget', max: 3, windowSeconds: 60 });
    const first = [];
    for (let index = 0; index < 5; index += 1) first.push(await take('203.0.113.1'));
    expect(first.slice(0, 3)).toEqual([0, 0, 0]);
    expect(first[3]).toBeGreaterThan(0);
    expect(first[3]).toBeLessThanOrEqual(60);
    expect(await take('203.0.113.2')).toBe(0);
  });

  it('never locks a client out because many others came first: new clients past the cap pass uncounted', async () => {
    const take = createMemoryLimiter({ name: 'unit-flood', max: 2, windowSeconds: 60 }, 100);
    const now = 1_000_000_000_000;
    for (let index = 0; index < 500; index += 1) {
      expect(await take(`flood-${index}`, now)).toBe(0);
    }
    // A client arriving after the flood is not refused...
    for (let index = 0; index < 5; index += 1) expect(await take('late-client', now)).toBe(0);
    // ...while a client counted before the cap keeps its budget.
    expect(await take('flood-0', now)).toBe(0);
    expect(await take('flood-0', now)).toBeGreaterThan(0);
  });
});
