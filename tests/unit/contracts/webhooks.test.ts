import {
  headerLines,
  isPartnerEvent,
  parseHeaderLines,
  PARTNER_EVENT_NAMES,
  withPartnerEvents,
} from '../../../plugin/contracts/webhooks';

describe('withPartnerEvents', () => {
  it("keeps a webhook's other events and adds the chosen partner events in the listed order", () => {
    expect(
      withPartnerEvents(
        ['entry.create', 'partners.payout.paid', 'media.delete'],
        ['partners.payout.failed', 'partners.partner.applied', 'not.an.event']
      )
    ).toEqual([
      'entry.create',
      'media.delete',
      'partners.partner.applied',
      'partners.payout.failed',
    ]);
  });

  it('removes every partner event when none is chosen', () => {
    expect(withPartnerEvents([...PARTNER_EVENT_NAMES, 'entry.publish'], [])).toEqual([
      'entry.publish',
    ]);
  });

  it('knows the partner events by name only', () => {
    expect(PARTNER_EVENT_NAMES).toHaveLength(11);
    expect(PARTNER_EVENT_NAMES.every(isPartnerEvent)).toBe(true);
    expect(isPartnerEvent('entry.create')).toBe(false);
    expect(isPartnerEvent('partners.')).toBe(false);
  });
});

describe('parseHeaderLines', () => {
  it('reads one header per line and writes them back the same way', () => {
    const text = 'Authorization: Bearer abc:def\n\n  X-Source : partners ';
    expect(parseHeaderLines(text)).toEqual({
      Authorization: 'Bearer abc:def',
      'X-Source': 'partners',
    });
    expect(headerLines(parseHeaderLines(text) ?? {})).toBe(
      'Authorization: Bearer abc:def\nX-Source: partners'
    );
    expect(parseHeaderLines('')).toEqual({});
  });

  it.each(['Authorization', ': value', 'Bad Name: value', 'X-Empty:', 'A: 1\na: 2'])(
    'refuses %j',
    (text) => expect(parseHeaderLines(text)).toBeNull()
  );
});
