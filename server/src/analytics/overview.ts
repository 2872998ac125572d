import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { Overview, OverviewQuery } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { clickToCustomerBps, conversionRateBps, shareBps } from '../../../plugin/analytics/rates';
import { isSqlite, tableOf, withKnex } from '../platform/database';
import { getService } from '../platform/plugin-context';
import { activationCounts } from './activation';
import type { Count, Counted } from './overview-counted';
import { recountOver } from './overview-recount';
import { rolledUpCount } from './overview-rolled-up';
import type { AnalyticsScope } from './scope';

const DAY_MS = 24 * 3600 * 1000;

const today = () => new Date().toISOString().slice(0, 10);
const addDaysTo = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
type Row = Record<string, unknown>;

/**
 * The admin Overview (SPEC §9): KPIs, charts, top partners and activation over the scope's date
 * range, program, partner tier and partner. The counts come from the rollups
 * (`overview-rolled-up.ts`) or, as the reference, from the raw tables (`overview-recount.ts`);
 * activation, the first-run steps and the shares are worked out here for both.
 */
const createOverviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const countRolledUp = rolledUpCount(strapi);
  const countRaw = recountOver(strapi);

  const idOf = async (name: 'program' | 'partner', where: Row, label: string) => {
    const row = await strapi.db.query(uid(name)).findOne({ where, select: ['id'] });
    if (!row) throw new errors.NotFoundError(`no ${name} ${label}`);
    return Number(row.id);
  };

  const resolveScope = async (query: OverviewQuery) => {
    const to = query.to ?? (query.from && query.from > today() ? query.from : today());
    const from = query.from ?? addDaysTo(to, -29);
    const scope: AnalyticsScope = {
      start: new Date(`${from}T00:00:00Z`),
      end: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS),
      programId: query.program
        ? await idOf('program', { slug: query.program }, `"${query.program}"`)
        : null,
      partnerId: query.partner
        ? await idOf('partner', { documentId: query.partner }, query.partner)
        : null,
      tier: query.tier ?? null,
    };
    return { from, to, scope };
  };

  /** The first steps taken (existence checks, no counts over the high-volume tables). */
  const setupOf = async (knex: Knex, scope: AnalyticsScope) => {
    const exists = async (query: Knex.QueryBuilder) =>
      (await query.select(knex.raw('1 as one')).first()) !== undefined;
    const programs = tableOf(strapi, uid('program'));
    const program: Row | undefined = await knex(programs)
      .select('currency')
      .modify((query) => {
        if (scope.programId !== null) query.where('id', scope.programId);
      })
      .orderBy('id')
      .first();
    return {
      currency: typeof program?.currency === 'string' ? program.currency : 'USD',
      setup: {
        hasProgram: program !== undefined || (await exists(knex(programs))),
        hasPartner: await exists(knex(tableOf(strapi, uid('partner'))).where('state', 'approved')),
        hasClick: await exists(knex(tableOf(strapi, uid('click'))).where('is_bot', false)),
      },
    };
  };

  const assemble = async (
    knex: Knex,
    range: Overview['range'],
    scope: AnalyticsScope,
    counted: Counted,
    activation: Awaited<ReturnType<typeof activationCounts>>
  ): Promise<Overview> => {
    const { setup, currency } = await setupOf(knex, scope);
    const totals = new Map(
      counted.attributedRevenue.map((money) => [money.currency, money.amount])
    );
    return {
      range,
      setup,
      currency,
      kpis: {
        clicks: counted.clicks,
        uniqueClicks: counted.uniqueClicks,
        referrals: counted.referrals,
        customers: counted.customers,
        convertedReferrals: counted.convertedReferrals,
        conversionRateBps: conversionRateBps(counted.convertedReferrals, counted.referrals),
        clickToCustomerBps: clickToCustomerBps(counted.customers, counted.uniqueClicks),
        attributedRevenue: counted.attributedRevenue,
        commissions: counted.commissions,
        deals: counted.deals,
        activation: {
          joined: activation.joined,
          activated: activation.activated,
          rateBps: shareBps(activation.activated, activation.joined),
          cohorts: activation.cohorts.map((cohort) => ({
            ...cohort,
            rateBps: shareBps(cohort.activated, cohort.joined),
          })),
        },
      },
      series: counted.series,
      revenueSeries: counted.revenueSeries,
      topPartners: counted.topPartners,
      contribution: counted.topPartners.flatMap((partner) =>
        partner.revenue.map((money) => ({
          documentId: partner.documentId,
          name: partner.name,
          currency: money.currency,
          shareBps: shareBps(money.amount, totals.get(money.currency) ?? 0),
        }))
      ),
    };
  };

  const serve = async (query: OverviewQuery, count: Count, clicks: 'rollups' | 'raw') => {
    const { from, to, scope } = await resolveScope(query);
    const range = { from, to, interval: query.interval };
    // Activation reads neither the rollups nor what the counts read: on a server database it
    // runs on a connection of its own while the counts run (SQLite has one connection).
    const activationOf = (knex: Knex) => activationCounts(strapi, knex, scope, { clicks });
    const apart = isSqlite(strapi) ? null : activationOf(strapi.db.connection);
    apart?.catch(() => undefined); // awaited below; a failure of the counts first is the answer
    return withKnex(strapi, async (knex) => {
      const counted = await count(knex, scope, range);
      const activation = await (apart ?? activationOf(knex));
      return assemble(knex, range, scope, counted, activation);
    });
  };

  return {
    /**
     * The overview from the daily rollups (closed days, brought up to date first) and the raw
     * tables for today: the same numbers as `recount`, at a cost that grows with days, not rows.
     */
    async overview(query: OverviewQuery): Promise<Overview> {
      await getService('rollups', { strapi }).refresh();
      return serve(query, countRolledUp, 'rollups');
    },

    /** The overview counted over the raw tables only (the reference; slow on large tables). */
    recount: (query: OverviewQuery): Promise<Overview> => serve(query, countRaw, 'raw'),
  };
};

export type OverviewService = ReturnType<typeof createOverviewService>;
export default createOverviewService;
