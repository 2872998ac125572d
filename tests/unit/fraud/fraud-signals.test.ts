import type { CommissionDraft } from '../../../plugin/commissions';
import {
  applyFraudSignals,
  detectFraudSignals,
  isDisposableEmail,
  paidTrafficSource,
  type FraudFacts,
} from '../../../plugin/fraud';

const facts = (overrides: Partial<FraudFacts> = {}): FraudFacts => ({
  customerEmail: 'ana@shop.test',
  customerName: 'Ana Lima',
  partner: { email: 'pat@partners.test', name: 'Pat Doe', userEmails: ['team@partners.test'] },
  levelOneAmount: 2000,
  currency: 'USD',
  otherPartnersClaiming: 0,
  click: null,
  ...overrides,
});

const SEEN = { ipHash: 'h1', visitorId: 'v1', seenAt: '2026-01-02T03:04:05.000Z' };

const fired = (settings: object, overrides: Partial<FraudFacts> = {}) =>
  detectFraudSignals(settings, facts(overrides)).map((hit) => `${hit.signal}:${hit.action}`);

describe('detectFraudSignals', () => {
  it.each([
    ['nothing watched', {}, {}, []],
    [
      'self-referral by e-mail',
      { selfReferral: 'hold' },
      { customerEmail: ' PAT@partners.test' },
      ['self-referral:hold'],
    ],
    [
      'self-referral by a team e-mail',
      { selfReferral: 'flag' },
      { customerEmail: 'team@partners.test' },
      ['self-referral:flag'],
    ],
    [
      'self-referral by name',
      { selfReferral: 'reject' },
      { customerName: 'pat  DOE' },
      ['self-referral:reject'],
    ],
    ['a different customer', { selfReferral: 'hold' }, {}, []],
    ['watched but off', { selfReferral: 'off' }, { customerEmail: 'pat@partners.test' }, []],
    [
      'disposable domain',
      { disposableEmail: 'hold' },
      { customerEmail: 'a@mailinator.com' },
      ['disposable-email:hold'],
    ],
    [
      'shared customer',
      { sharedCustomer: 'flag' },
      { otherPartnersClaiming: 2 },
      ['shared-customer:flag'],
    ],
    [
      'large: above',
      { largeCommission: 'hold', largeCommissionAmount: 1999 },
      {},
      ['large-commission:hold'],
    ],
    ['large: equal is fine', { largeCommission: 'hold', largeCommissionAmount: 2000 }, {}, []],
    [
      'velocity',
      { clickVelocity: 'hold' },
      { click: { velocityFlagged: true, paidTraffic: null, ipHash: null, visitorId: null } },
      ['click-velocity:hold'],
    ],
    [
      'paid traffic',
      { paidTraffic: 'flag' },
      { click: { velocityFlagged: false, paidTraffic: 'gclid', ipHash: null, visitorId: null } },
      ['paid-traffic:flag'],
    ],
    [
      'self-referral by the portal address',
      { selfReferral: 'hold' },
      {
        partner: { email: 'pat@partners.test', name: 'Pat Doe', portalSightings: [SEEN] },
        click: { velocityFlagged: false, paidTraffic: null, ipHash: 'h1', visitorId: 'other' },
      },
      ['self-referral:hold'],
    ],
    [
      'self-referral by the portal browser',
      { selfReferral: 'flag' },
      {
        partner: { email: 'pat@partners.test', name: 'Pat Doe', portalSightings: [SEEN] },
        click: { velocityFlagged: false, paidTraffic: null, ipHash: 'h9', visitorId: 'v1' },
      },
      ['self-referral:flag'],
    ],
    [
      'a click from elsewhere',
      { selfReferral: 'hold' },
      {
        partner: { email: 'pat@partners.test', name: 'Pat Doe', portalSightings: [SEEN] },
        click: { velocityFlagged: false, paidTraffic: null, ipHash: 'h9', visitorId: 'v9' },
      },
      [],
    ],
    [
      'malformed settings watch nothing',
      { selfReferral: 'block' },
      { customerEmail: 'pat@partners.test' },
      [],
    ],
  ] as const)('%s', (_, settings, overrides, expected) => {
    expect(fired(settings, overrides as Partial<FraudFacts>)).toEqual(expected);
  });
});

describe('applyFraudSignals', () => {
  const draft = (level: 1 | 2) =>
    ({ idempotencyKey: `k${level}`, level, state: 'pending' }) as unknown as CommissionDraft;
  const hit = (action: 'flag' | 'hold' | 'reject') => ({
    signal: 'self-referral' as const,
    action,
    detail: 'seen',
  });

  it.each([
    [[], ['pending', 'pending']],
    [[hit('flag')], ['pending', 'pending']],
    [
      [hit('flag'), hit('hold')],
      ['on-hold', 'on-hold'],
    ],
    [
      [hit('hold'), hit('reject'), hit('flag')],
      ['rejected', 'rejected'],
    ],
  ] as const)('%j makes both levels %j', (hits, states) => {
    const drafts = applyFraudSignals([draft(1), draft(2)], hits);
    expect(drafts.map((entry) => entry.state)).toEqual(states);
    expect(drafts.every((entry) => (entry.signals ?? []).length === hits.length)).toBe(true);
  });
});

describe('paidTrafficSource', () => {
  it.each([
    ['https://shop.example/?gclid=1', null, 'gclid'],
    ['/pricing?fbclid=x&utm_source=fb', null, 'fbclid'],
    ['https://shop.example/?msclkid=2', 'https://blog.example/', 'msclkid'],
    [
      'https://shop.example/',
      'https://www.googleadservices.com/pagead',
      'referrer googleadservices.com',
    ],
    ['https://shop.example/?utm_source=newsletter', 'https://blog.example/', null],
    [null, null, null],
    ['::not a url', 'also not', null],
  ])('%s from %s', (landing, referrer, expected) => {
    expect(paidTrafficSource(landing, referrer)).toBe(expected);
  });
});

describe('isDisposableEmail', () => {
  it.each([
    ['someone@mailinator.com', true],
    ['someone@sub.mailinator.com', true],
    ['someone@gmail.com', false],
    ['not-an-address', false],
  ])('%s', (email, expected) => {
    expect(isDisposableEmail(email)).toBe(expected);
  });
});
