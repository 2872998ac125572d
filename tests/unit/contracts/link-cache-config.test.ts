import { pluginConfigSchema } from '../../../plugin/contracts/config';

describe('tracking.linkCache config', () => {
  it('defaults to 50,000 entries and a 2 s version check', () => {
    expect(pluginConfigSchema.parse({}).tracking.linkCache).toEqual({
      maxEntries: 50_000,
      checkMs: 2_000,
    });
  });

  it.each([
    [{ maxEntries: 99 }],
    [{ maxEntries: 1_000_001 }],
    [{ maxEntries: 2.5 }],
    [{ checkMs: 99 }],
    [{ checkMs: 60_001 }],
    [{ checkMs: '2000' }],
  ])('refuses %j', (linkCache) => {
    expect(pluginConfigSchema.safeParse({ tracking: { linkCache } }).success).toBe(false);
  });

  it('takes values in range', () => {
    expect(
      pluginConfigSchema.parse({ tracking: { linkCache: { maxEntries: 100, checkMs: 500 } } })
        .tracking.linkCache
    ).toEqual({ maxEntries: 100, checkMs: 500 });
  });
});
