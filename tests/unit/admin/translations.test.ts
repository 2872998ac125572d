import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECOND_TIER_BASES } from '../../../plugin/contracts/rules';
import * as model from '../../../plugin/model';
import { ORDER_EARNS } from '../../../plugin/orders';
import en from '../../../admin/src/translations/en.json';

/** Every message the admin pages ask for exists in translations/en.json (SPEC §9). */

const ADMIN_SRC = join(__dirname, '..', '..', '..', 'admin', 'src');
const messages = en as Record<string, string>;

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : []
  );

const NAMESPACES =
  'actions|applications|assets|commissions|deals|errors|filters|nav|orders|overview|partner|partners|payouts|plugin|programs|rate|referrals|settings|status|table|toggle';

describe('admin translations', () => {
  it('has every literal message id the pages use', () => {
    const literal = new RegExp(`'((?:${NAMESPACES})\\.[A-Za-z0-9.-]+)'`, 'g');
    // File names such as 'payouts.csv' look like ids and are not.
    const used = new Set(
      sources(ADMIN_SRC).flatMap((text) =>
        [...text.matchAll(literal)].map((m) => m[1]).filter((id) => !id.endsWith('.csv'))
      )
    );
    expect(used.size).toBeGreaterThan(200);
    expect([...used].filter((id) => !(id in messages))).toEqual([]);
  });

  it('names every value of the enumerations shown', () => {
    const families: Array<[string, readonly (string | number)[], string?]> = [
      [
        'status',
        [
          ...model.PROGRAM_STATUSES,
          ...model.PARTNER_STATUSES,
          ...model.ENROLLMENT_STATUSES,
          ...model.REFERRAL_STATUSES,
          ...model.DEAL_STATUSES,
          ...model.ORDER_STATUSES,
          ...model.COMMISSION_STATUSES,
          ...model.PAYOUT_STATUSES,
          ...['valid', 'used', 'expired', 'revoked'].map((state) => `invitation-${state}`),
        ],
      ],
      ['programs.trigger', model.TRIGGERS],
      ['programs.trigger', model.TRIGGERS, 'hint'],
      ['programs.tierMode', model.TIER_MODES],
      ['programs.tierMode', model.TIER_MODES, 'hint'],
      ['programs.tierMetric', model.TIER_METRICS],
      ['programs.tierMetric', model.TIER_METRICS, 'hint'],
      ['programs.preview.metric', model.TIER_METRICS],
      ['programs.attributionModel', model.ATTRIBUTION_MODELS],
      ['programs.attributionModel', model.ATTRIBUTION_MODELS, 'hint'],
      ['programs.activationEvent', model.ACTIVATION_EVENTS],
      ['programs.applicationMode', model.APPLICATION_MODES],
      ['programs.applicationMode', model.APPLICATION_MODES, 'hint'],
      ['programs.referralDetail', model.REFERRAL_DETAILS],
      ['programs.referralDetail', model.REFERRAL_DETAILS, 'hint'],
      ['programs.secondTier.basis', SECOND_TIER_BASES],
      ['programs.secondTier.basis', SECOND_TIER_BASES, 'hint'],
      ['programs.recurrence', ['lifetime', 'first', 'months']],
      ['programs.recurrence', ['lifetime', 'first', 'months'], 'hint'],
      ['partners.type', model.PARTNER_TYPES],
      ['referrals.source', model.REFERRAL_SOURCES],
      ['orders.source', model.ORDER_SOURCES],
      // 'ineligible' shows orders.ineligible with its reason, 'unattributed' a dash.
      [
        'orders.earns',
        ORDER_EARNS.filter((earns) => !['ineligible', 'unattributed'].includes(earns)),
      ],
      ['commissions.kind', model.COMMISSION_KINDS],
      ['commissions.level', [1, 2]],
      ['payouts.method', model.PAYOUT_METHOD_TYPES],
      ['assets.type', model.ASSET_TYPES],
    ];
    const missing = families.flatMap(([prefix, values, suffix]) =>
      values
        .map((value) => `${prefix}.${value}${suffix ? `.${suffix}` : ''}`)
        .filter((id) => !(id in messages))
    );
    expect(missing).toEqual([]);
  });
});
