import { pluginConfigSchema } from '../../../plugin/contracts/config';

describe('jobs config', () => {
  it('defaults to jobs on, with their own schedules', () => {
    expect(pluginConfigSchema.parse({}).jobs).toEqual({ enabled: true });
  });

  it('takes a tick of a divisor of 60 seconds only', () => {
    expect(pluginConfigSchema.parse({ jobs: { tickSeconds: 4 } }).jobs.tickSeconds).toBe(4);
    for (const tickSeconds of [0, 7, 45, 90, 2.5]) {
      expect(pluginConfigSchema.safeParse({ jobs: { tickSeconds } }).success).toBe(false);
    }
  });
});
