import { COUNT_MEASURES, MONEY_MEASURES } from '../../analytics/rollup-columns';

/**
 * Daily aggregates per (UTC day, program, partner, currency), written only by
 * `analytics/rollups.ts` and recomputed from the raw tables (never incremented). Program and
 * partner are plain indexed ids, 0 when the raw row has none; currency is '' on the row that
 * holds the counts without money. `grain` says what a row sums (see `analytics/rollup-columns.ts`):
 * a partner's day (`day`), every partner's day in a program (`program-day`, partner 0) or a
 * partner's month (`month`, `day` is `YYYY-MM`). The `watermark` row (day "watermark") keeps, in
 * `refreshedAt`, when the rollups were last brought up to date.
 */
const measures = (names: readonly string[], type: 'integer' | 'biginteger') =>
  Object.fromEntries(
    names.map((name) => [name, { type, required: true, default: type === 'integer' ? 0 : '0' }])
  );

export default {
  kind: 'collectionType',
  collectionName: 'partners_daily_rollups',
  info: {
    singularName: 'daily-rollup',
    pluralName: 'daily-rollups',
    displayName: 'Daily rollup',
    description: 'Daily analytics aggregates, recomputed from the raw tables',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    grain: { type: 'string', required: true, maxLength: 16, default: 'day' },
    day: { type: 'string', required: true, maxLength: 10 },
    programId: { type: 'integer', required: true, default: 0 },
    partnerId: { type: 'integer', required: true, default: 0 },
    currency: { type: 'string', required: true, maxLength: 3, default: '' },
    refreshedAt: { type: 'datetime' },
    ...measures(COUNT_MEASURES, 'integer'),
    ...measures(MONEY_MEASURES, 'biginteger'),
  },
  indexes: [
    {
      name: 'partners_daily_rollups_key_uq',
      columns: ['grain', 'day', 'program_id', 'partner_id', 'currency'],
      type: 'unique',
    },
    { name: 'partners_daily_rollups_partner_day_idx', columns: ['partner_id', 'grain', 'day'] },
    { name: 'partners_daily_rollups_program_day_idx', columns: ['program_id', 'grain', 'day'] },
  ],
};
