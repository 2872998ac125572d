import {
  MAX_PORTAL_SIGHTINGS,
  notePortalSighting,
  parsePortalSightings,
  SIGHTING_REFRESH_MS,
} from '../../../plugin/fraud';

const NOW = new Date('2026-02-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('notePortalSighting', () => {
  it('adds a new place first, dated now', () => {
    const stored = [{ ipHash: 'a', visitorId: null, seenAt: ago(10 * SIGHTING_REFRESH_MS) }];
    expect(notePortalSighting(stored, { ipHash: 'b', visitorId: 'v' }, NOW)).toEqual([
      { ipHash: 'b', visitorId: 'v', seenAt: NOW.toISOString() },
      stored[0],
    ]);
  });

  it.each([
    ['seen within the refresh window: nothing to write', SIGHTING_REFRESH_MS - 1, false],
    ['seen before it: dated again and moved first', SIGHTING_REFRESH_MS, true],
  ])('%s', (_, age, writes) => {
    const stored = [
      { ipHash: 'x', visitorId: null, seenAt: ago(5) },
      { ipHash: 'a', visitorId: 'v', seenAt: ago(age) },
    ];
    const noted = notePortalSighting(stored, { ipHash: 'a', visitorId: 'v' }, NOW);
    expect(noted).toEqual(
      writes ? [{ ipHash: 'a', visitorId: 'v', seenAt: NOW.toISOString() }, stored[0]] : null
    );
  });

  it('keeps the newest 20 places', () => {
    const stored = Array.from({ length: MAX_PORTAL_SIGHTINGS }, (_, index) => ({
      ipHash: `h${index}`,
      visitorId: null,
      seenAt: ago(SIGHTING_REFRESH_MS * (index + 2)),
    }));
    const noted = notePortalSighting(stored, { ipHash: 'new', visitorId: null }, NOW) ?? [];
    expect(noted).toHaveLength(MAX_PORTAL_SIGHTINGS);
    expect(noted[0].ipHash).toBe('new');
    expect(noted.map((sighting) => sighting.ipHash)).not.toContain(`h${MAX_PORTAL_SIGHTINGS - 1}`);
  });

  it('reads anything unreadable as no sightings', () => {
    expect(parsePortalSightings(null)).toEqual([]);
    expect(parsePortalSightings('[]')).toEqual([]);
    expect(
      parsePortalSightings([{ ipHash: 1 }, { ipHash: 'a', visitorId: null, seenAt: 'x' }])
    ).toEqual([{ ipHash: 'a', visitorId: null, seenAt: 'x' }]);
  });
});
