import type { ReferralDetail } from '../../../plugin/model';
import {
  anonymousReferralId,
  firstNameLastInitial,
  projectReferral,
  referralCsvColumns,
  referralCsvRow,
  referralLabel,
  type ReferralOrderRecord,
  type ReferralRecord,
} from '../../../plugin/privacy';
import { portalReferralSchema } from '../../../plugin/contracts/portal';

/** SPEC §8: what a partner sees of a referred contact, per program `referralDetail`. */

const referral: ReferralRecord = {
  documentId: 'abc123def456ghi789jkl012',
  state: 'customer',
  source: 'link',
  createdAt: '2026-01-02T03:04:05.000Z',
  signedUpAt: '2026-01-03T00:00:00.000Z',
  convertedAt: new Date('2026-01-04T00:00:00.000Z'),
  email: 'jane.doe@example.com',
  firstName: 'Jane',
  lastName: 'doe',
  externalId: 'cus_42',
};
const orders: ReferralOrderRecord[] = [
  {
    state: 'paid',
    amount: 10000,
    currency: 'USD',
    paidAt: '2026-01-04T10:00:00Z',
    createdAt: '2026-01-04T09:00:00Z',
    failureReason: null,
  },
  {
    state: 'failed',
    amount: 5000,
    currency: 'USD',
    paidAt: null,
    createdAt: '2026-02-04T09:00:00Z',
    failureReason: 'card_declined',
  },
  {
    state: 'pending',
    amount: 700,
    currency: 'USD',
    paidAt: null,
    createdAt: '2026-02-05T09:00:00Z',
    failureReason: null,
  },
];
const BASE = ['id', 'status', 'source', 'program', 'createdAt', 'signedUpAt', 'convertedAt'];

const project = (
  referralDetail: ReferralDetail,
  options: { purchases?: boolean; declined?: boolean; record?: Partial<ReferralRecord> } = {}
) =>
  projectReferral({
    referral: { ...referral, ...options.record },
    program: {
      slug: 'acme',
      name: 'Acme',
      referralDetail,
      showPurchaseHistory: options.purchases ?? false,
      showDeclinedCharges: options.declined ?? false,
    },
    partnerDocumentId: 'partnerA',
    orders,
  });

describe('projectReferral: exact keys per referralDetail level', () => {
  const table: Array<[ReferralDetail, string[], Record<string, string>]> = [
    ['none', [], {}],
    ['first-name-last-initial', ['name'], { name: 'Jane D.' }],
    ['full-name', ['name'], { name: 'Jane doe' }],
    ['full-name-email', ['name', 'email'], { name: 'Jane doe', email: 'jane.doe@example.com' }],
    [
      'contact-id',
      ['name', 'email', 'externalId'],
      { name: 'Jane doe', email: 'jane.doe@example.com', externalId: 'cus_42' },
    ],
  ];

  it.each(table)('%s → base fields plus %j', (level, extra, values) => {
    const projected = project(level);
    expect(Object.keys(projected).sort()).toEqual([...BASE, ...extra].sort());
    expect(projected).toMatchObject(values);
    expect(portalReferralSchema.parse(projected)).toEqual(projected);
    const text = JSON.stringify(projected);
    if (!extra.includes('email')) expect(text).not.toContain('jane.doe@example.com');
    if (!extra.includes('externalId')) expect(text).not.toContain('cus_42');
    if (level === 'none') expect(text).not.toMatch(/Jane|doe/i);
    if (level === 'first-name-last-initial') expect(text).not.toContain('doe');
  });

  it('keeps the base values and normalises dates to ISO strings', () => {
    expect(project('none')).toEqual({
      id: anonymousReferralId(referral.documentId, 'partnerA'),
      status: 'customer',
      source: 'link',
      program: { slug: 'acme', name: 'Acme' },
      createdAt: '2026-01-02T03:04:05.000Z',
      signedUpAt: '2026-01-03T00:00:00.000Z',
      convertedAt: '2026-01-04T00:00:00.000Z',
    });
  });
});

describe('projectReferral: purchases and declined charges', () => {
  const table: Array<[string, boolean, boolean, string[]]> = [
    ['neither', false, false, []],
    ['purchases only', true, false, ['purchases']],
    ['declined only', false, true, ['declinedCharges']],
    ['both', true, true, ['purchases', 'declinedCharges']],
  ];
  it.each(table)('%s', (_label, purchases, declined, extra) => {
    const projected = project('none', { purchases, declined });
    expect(Object.keys(projected).sort()).toEqual([...BASE, ...extra].sort());
    if (purchases)
      expect(projected.purchases).toEqual([
        { date: '2026-01-04', amount: 10000, currency: 'USD', status: 'paid' },
      ]);
    if (declined)
      expect(projected.declinedCharges).toEqual([
        { date: '2026-02-04', amount: 5000, currency: 'USD', reason: 'card_declined' },
      ]);
  });
});

describe('names', () => {
  it.each([
    ['Jane', 'Doe', 'Jane D.'],
    ['Jane', null, 'Jane'],
    [null, 'doe', 'D.'],
    ['  Jane ', ' ', 'Jane'],
    [null, null, ''],
    ['Zoë', 'Ångström', 'Zoë Å.'],
  ])('%j %j → %j', (first, last, expected) => {
    expect(firstNameLastInitial(first, last)).toBe(expected);
  });

  it('labels a referral by name when shown, by its anonymous id otherwise', () => {
    expect(referralLabel({ id: 'R-1', name: 'Jane D.' })).toBe('Jane D. (R-1)');
    expect(referralLabel({ id: 'R-1' })).toBe('R-1');
    expect(referralLabel({ id: 'R-1', name: '' })).toBe('R-1');
  });
});

describe('anonymousReferralId', () => {
  it('is stable, differs per partner and per referral, and hides the documentId', () => {
    const id = anonymousReferralId('doc1', 'partnerA');
    expect(id).toMatch(/^R-[0-9A-Z]{10}$/);
    expect(anonymousReferralId('doc1', 'partnerA')).toBe(id);
    expect(anonymousReferralId('doc1', 'partnerB')).not.toBe(id);
    expect(anonymousReferralId('doc2', 'partnerA')).not.toBe(id);
    expect(id.toLowerCase()).not.toContain('doc1');
  });

  it('does not collide over many referrals', () => {
    const ids = new Set(
      Array.from({ length: 20000 }, (_, i) => anonymousReferralId(`doc${i}`, 'p'))
    );
    expect(ids.size).toBe(20000);
  });
});

describe('referral CSV', () => {
  it.each([
    ['none', BASE],
    ['first-name-last-initial', [...BASE, 'name']],
    ['full-name', [...BASE, 'name']],
    ['full-name-email', [...BASE, 'name', 'email']],
    ['contact-id', [...BASE, 'name', 'email', 'externalId']],
  ] as Array<[ReferralDetail, string[]]>)('%s → header %j', (level, header) => {
    const privacy = {
      referralDetail: level,
      showPurchaseHistory: false,
      showDeclinedCharges: false,
    };
    const columns = referralCsvColumns([privacy]);
    expect(columns).toEqual(header);
    const row = referralCsvRow(project(level), columns);
    expect(row).toHaveLength(header.length);
    if (!header.includes('email')) expect(row.join('|')).not.toContain('@');
  });

  it('takes the union of the programs in the export; stricter rows leave cells empty', () => {
    const columns = referralCsvColumns([
      { referralDetail: 'none', showPurchaseHistory: false, showDeclinedCharges: true },
      { referralDetail: 'full-name', showPurchaseHistory: false, showDeclinedCharges: false },
    ]);
    expect(columns).toEqual([...BASE, 'name', 'declinedCharges']);
    const row = referralCsvRow(project('none'), columns);
    expect(row.slice(-2)).toEqual([null, null]);
    expect(referralCsvRow(project('none', { declined: true }), columns).at(-1)).toBe(
      '2026-02-04 $50.00 card_declined'
    );
  });
});
