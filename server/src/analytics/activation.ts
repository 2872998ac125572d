import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ACTIVATION_EVENTS, uid, type ActivationEvent } from '../../../plugin/model';
import { tableOf } from '../platform/database';
import { GRAIN, type Grain } from './rollup-columns';
import { startOfUtcDay } from './rollups';
import { scopedRows, toInt, type AnalyticsScope } from './scope';
import { dateBucket, sqlDialectOf } from './sql-dates';

export interface ActivationCohort {
  /** The joining month, `YYYY-MM-01`. */
  month: string;
  joined: number;
  activated: number;
}

/**
 * Activation (SPEC §9): of the partners who joined a program in the range (an approved
 * enrollment created in it), those who reached the program's `activationEvent` by the end of
 * the range. `enrollment.activatedAt` counts when set; otherwise the first event is looked up:
 * a human click, a referral, a conversion (a referral's `convertedAt`) or a level-1 commission
 * that was not rejected, of that partner in that program. Partners count once, however many
 * programs they joined. Cohorts: the same counts by the month the partner joined in (a partner
 * who joined in two months counts in both), activation still by the end of the range. With
 * `clicks: 'rollups'` (the caller has brought the rollups up to date) first clicks before today
 * are looked up in the partner-day rollups, today's in the clicks; `raw` reads the clicks only.
 */
export const activationCounts = async (
  strapi: Core.Strapi,
  knex: Knex,
  scope: AnalyticsScope,
  options: { clicks: 'rollups' | 'raw' }
): Promise<{ joined: number; activated: number; cohorts: ActivationCohort[] }> => {
  const month = dateBucket(knex, sqlDialectOf(strapi.db.dialect.client), 'e.created_at', 'month');
  const joinedQuery = () => {
    const scoped = scopedRows(strapi, knex, 'enrollment', 'e', scope, {
      joinProgram: true,
      joinPartner: true,
    });
    scoped.query
      .where('e.state', 'approved')
      .where('e.created_at', '>=', scope.start)
      .where('e.created_at', '<', scope.end);
    return scoped;
  };

  const joined = joinedQuery();
  const [joinedRow] = await joined.query.countDistinct({ count: joined.partnerColumn });

  /** A row of `name` of this enrollment's partner and program, before the end of the range. */
  const eventOf = (
    name: 'referral' | 'commission',
    alias: string,
    partner: string,
    program: string
  ) => {
    return knex(`${tableOf(strapi, uid(name))} as ${alias}`)
      .select(knex.raw('1'))
      .where(`${alias}.partner_id`, knex.ref(partner))
      .where(`${alias}.program_id`, knex.ref(program));
  };

  /**
   * The partners of the joined enrollments activated one way; one query per way, unioned, so
   * each EXISTS is a plain semi-join the planner can drive from the (few) joined enrollments.
   */
  const activatedBy = (event: ActivationEvent | 'activatedAt') => {
    const { query, partnerColumn: partner, programColumn: program } = joinedQuery();
    query.select({ partner });
    query.select({ month: month.select });
    if (event === 'activatedAt')
      return query.whereNotNull('e.activated_at').where('e.activated_at', '<', scope.end);
    query
      .join(`${tableOf(strapi, uid('program'))} as p`, 'p.id', program)
      .where('p.activation_event', event);
    switch (event) {
      case 'first-click': {
        const clicksFrom = (start: Date | null) => {
          const clicks = knex(`${tableOf(strapi, uid('click'))} as c`)
            .select(knex.raw('1'))
            .where('c.partner_id', knex.ref(partner))
            .where('c.program_id', knex.ref(program))
            .where('c.is_bot', false)
            .where('c.created_at', '<', scope.end);
          return start ? clicks.where('c.created_at', '>=', start) : clicks;
        };
        if (options.clicks === 'raw') return query.whereExists(clicksFrom(null));
        // A human click in the partner's rollups before today: its months before the month the
        // closed days end in, then that month's days; today's clicks from the raw table. A few
        // probes per enrollment, none of which grows with the clicks table.
        const today = startOfUtcDay(new Date());
        const closedEnd = (scope.end < today ? scope.end : today).toISOString().slice(0, 10);
        const rolledUp = (grain: Grain) =>
          knex(`${tableOf(strapi, uid('daily-rollup'))} as u`)
            .select(knex.raw('1'))
            .where('u.partner_id', knex.ref(partner))
            .where('u.grain', grain)
            .where('u.program_id', knex.ref(program))
            .where('u.clicks', '>', 0);
        return query.where((either) =>
          either
            .whereExists(rolledUp(GRAIN.partnerMonth).where('u.day', '<', closedEnd.slice(0, 7)))
            .orWhereExists(
              rolledUp(GRAIN.partnerDay)
                .where('u.day', '>=', `${closedEnd.slice(0, 7)}-01`)
                .where('u.day', '<', closedEnd)
            )
            .orWhereExists(clicksFrom(today))
        );
      }
      case 'first-referral':
        return query.whereExists(
          eventOf('referral', 'r', partner, program)
            .whereNot('r.state', 'rejected')
            .where('r.created_at', '<', scope.end)
        );
      case 'first-conversion':
        return query.whereExists(
          eventOf('referral', 'r', partner, program)
            .whereNotNull('r.converted_at')
            .where('r.converted_at', '<', scope.end)
        );
      case 'first-commission':
        return query.whereExists(
          eventOf('commission', 'k', partner, program)
            .where('k.level', 1)
            .whereNot('k.state', 'rejected')
            .where('k.created_at', '<', scope.end)
        );
    }
  };

  // The (partner, joining month) pairs activated, in one query: the overall count is of the
  // distinct partners among them (one row per pair comes back, at most one per enrollment).
  const [first, ...rest] = (['activatedAt', ...ACTIVATION_EVENTS] as const).map((event) =>
    activatedBy(event)
  );
  const pairs: Record<string, unknown>[] = await knex
    .from(first.union(rest).as('activated'))
    .select('partner', 'month');
  const activatedIn = new Map<string, number>();
  for (const pair of pairs) {
    const joinedIn = String(pair.month);
    activatedIn.set(joinedIn, (activatedIn.get(joinedIn) ?? 0) + 1);
  }
  const activatedCount = new Set(pairs.map((pair) => String(pair.partner))).size;

  const cohort = joinedQuery();
  const joinedByMonth: Record<string, unknown>[] = await cohort.query
    .select({ month: month.select })
    .countDistinct({ count: cohort.partnerColumn })
    .groupBy(month.groupBy);
  const cohorts = joinedByMonth
    .map((row) => ({
      month: String(row.month),
      joined: toInt(row.count),
      activated: activatedIn.get(String(row.month)) ?? 0,
    }))
    .sort((a, b) => a.month.localeCompare(b.month));
  return { joined: toInt(joinedRow?.count), activated: activatedCount, cohorts };
};
