import { statsBuckets } from '../../../plugin/portal/stats-buckets';

describe('statsBuckets', () => {
  const now = '2026-11-18T15:30:00Z'; // a Wednesday

  it('7d: seven days ending today', () => {
    const { interval, buckets } = statsBuckets('7d', now);
    expect(interval).toBe('day');
    expect(buckets.map((bucket) => bucket.start)).toEqual([
      '2026-11-12',
      '2026-11-13',
      '2026-11-14',
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
    ]);
    expect(buckets[6].endsAt).toBe('2026-11-19T00:00:00.000Z');
  });

  it('4w: 28 days', () => {
    const { interval, buckets } = statsBuckets('4w', now);
    expect(interval).toBe('day');
    expect(buckets).toHaveLength(28);
    expect(buckets[0].start).toBe('2026-10-22');
  });

  it('6m: 26 weeks starting on Mondays, the last holding today', () => {
    const { interval, buckets } = statsBuckets('6m', now);
    expect(interval).toBe('week');
    expect(buckets).toHaveLength(26);
    expect(buckets[25]).toEqual({
      start: '2026-11-16',
      startsAt: '2026-11-16T00:00:00.000Z',
      endsAt: '2026-11-23T00:00:00.000Z',
    });
    for (const bucket of buckets) expect(new Date(bucket.startsAt).getUTCDay()).toBe(1);
    expect(statsBuckets('6m', '2026-11-16T00:00:00Z').buckets[25].start).toBe('2026-11-16');
    expect(statsBuckets('6m', '2026-11-22T23:59:59Z').buckets[25].start).toBe('2026-11-16');
  });
});
