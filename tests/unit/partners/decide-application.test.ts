import { decideApplication, type ApplicationProgram } from '../../../plugin/partners';

const now = new Date('2026-03-15T12:00:00Z');
const program = (overrides: Partial<ApplicationProgram> = {}): ApplicationProgram => ({
  state: 'active',
  applicationMode: 'approval',
  ...overrides,
});

/** SPEC §8: what an application leads to, by the program's mode and state. */
describe('decideApplication', () => {
  it.each<[string, Partial<ApplicationProgram>, ReturnType<typeof decideApplication>]>([
    ['open program: approved at once', { applicationMode: 'open' }, { outcome: 'approved' }],
    ['approval program: waits for an editor', {}, { outcome: 'applied' }],
    [
      'invite-only program: refused',
      { applicationMode: 'invite-only' },
      { outcome: 'refused', reason: 'invite-only' },
    ],
    ['draft program', { state: 'draft' }, { outcome: 'refused', reason: 'not-open' }],
    [
      'archived open program',
      { state: 'archived', applicationMode: 'open' },
      { outcome: 'refused', reason: 'not-open' },
    ],
    [
      'draft invite-only program: not open comes first',
      { state: 'draft', applicationMode: 'invite-only' },
      { outcome: 'refused', reason: 'not-open' },
    ],
    [
      'not started yet',
      { startsAt: '2026-03-15T12:00:01Z' },
      { outcome: 'refused', reason: 'not-open' },
    ],
    ['starts right now', { startsAt: now }, { outcome: 'applied' }],
    ['ended exactly now', { endsAt: now }, { outcome: 'refused', reason: 'not-open' }],
    [
      'running between its dates',
      { startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-12-31T00:00:00Z' },
      { outcome: 'applied' },
    ],
    ['no dates at all (null)', { startsAt: null, endsAt: null }, { outcome: 'applied' }],
  ])('%s', (_label, overrides, expected) => {
    expect(decideApplication(program(overrides), now)).toEqual(expected);
  });
});
