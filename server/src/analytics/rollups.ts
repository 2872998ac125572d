import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { uid } from '../../../plugin/model';
import { isSqlite, isUniqueViolation, tableOf, withKnex } from '../platform/database';
import { GRAIN, MEASURES, columnOf, type Grain } from './rollup-columns';
import { dailyAggregates, touchedGroups, type SourceRange } from './rollup-sources';

const ROLLUP = uid('daily-rollup');
/** The `day` of the row whose `refreshedAt` is the watermark (sorts after every date). */
export const WATERMARK_DAY = 'watermark';
/** How far before the watermark a refresh looks again, for transactions that committed late. */
export const REFRESH_MARGIN_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
const EPOCH = new Date(0);

/** 00:00 UTC of the day of `at`. */
export const startOfUtcDay = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const instantOf = (value: unknown): Date | null =>
  value == null
    ? null
    : value instanceof Date
      ? value
      : new Date(typeof value === 'number' ? value : String(value));

export interface RefreshResult {
  /** False when nothing had changed since the watermark (the fast path). */
  ran: boolean;
  /** Days recomputed for every partner (a full build, or the days closed since the last run). */
  days: number;
  /** (day, partner) groups recomputed because their raw rows changed. */
  groups: number;
  watermark: string;
}

export interface RebuildResult {
  from: string | null;
  to: string;
  days: number;
  rows: number;
}

/** The raw tables the rollups are computed from. */
const RAW_SOURCES = [uid('click'), uid('referral'), uid('order'), uid('commission'), uid('deal')];

/**
 * A refresh finds what changed by `updated_at`. The Query Engine stamps it on `update` and
 * `create` but not on `updateMany` (state changes of referrals, orders, ledger entries and
 * deals go through it): this stamps those too, whichever module writes them.
 */
export const stampRawUpdates = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: RAW_SOURCES,
    beforeUpdateMany(event) {
      const data = (event.params as { data?: unknown }).data;
      if (data && typeof data === 'object' && !Array.isArray(data)) {
        (data as Record<string, unknown>).updatedAt = new Date();
      }
    },
  });
};

/**
 * The only writer of `partners_daily_rollups` (SPEC §9, §12): daily aggregates per UTC day,
 * program, partner and currency, always RECOMPUTED from the raw tables for a range of days
 * (delete, then insert the aggregates in one statement), so running a refresh twice, or on two
 * nodes, never counts anything twice. Rollups hold closed days only (before today, UTC); today
 * is read live. Refreshes and rebuilds take turns on the watermark row (`SELECT … FOR UPDATE`).
 */
const createRollupsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => tableOf(strapi, ROLLUP);

  const measureColumns = MEASURES.map(columnOf);
  const keyColumns = ['grain', 'day', 'program_id', 'partner_id', 'currency'];
  const insertSelect = (knex: Knex, select: Knex.QueryBuilder) => {
    const { sql, bindings } = select.toSQL();
    const columns = [...keyColumns, ...measureColumns];
    return knex.raw(`insert into ?? (${columns.map(() => '??').join(', ')}) ${sql}`, [
      table(),
      ...columns,
      ...bindings,
    ]);
  };
  const sums = (knex: Knex) =>
    measureColumns.map((column) => knex.raw('sum(??) as ??', [column, column]));

  /**
   * Replaces the rollup rows of [start, end) (of `partnerIds` only, when given): the partners'
   * days from the raw tables, then what is derived from them, the programs' days of those days
   * and the partners' months they fall in.
   */
  const recompute = async (knex: Knex, range: SourceRange) => {
    const [first, last] = [dayOf(range.start), dayOf(range.end)];
    const rowsOf = (grain: Grain, from: string, to: string) =>
      knex(table()).where('grain', grain).where('day', '>=', from).where('day', '<', to);
    const ofPartners = (query: Knex.QueryBuilder) =>
      range.partnerIds ? query.whereIn('partner_id', [...range.partnerIds]) : query;
    const grain = (name: Grain) => knex.raw('? as grain', [name]);

    await ofPartners(rowsOf(GRAIN.partnerDay, first, last)).delete();
    await insertSelect(
      knex,
      knex.from(dailyAggregates(strapi, knex, range).as('a')).select(grain(GRAIN.partnerDay), 'a.*')
    );

    await rowsOf(GRAIN.programDay, first, last).delete();
    await insertSelect(
      knex,
      rowsOf(GRAIN.partnerDay, first, last)
        .select(grain(GRAIN.programDay), 'day', 'program_id')
        .select(knex.raw('0 as partner_id'), 'currency', ...sums(knex))
        .groupBy('day', 'program_id', 'currency')
    );

    // Months are `YYYY-MM`; every day and month of the last month sorts before `YYYY-MM-32`.
    const firstMonth = first.slice(0, 7);
    const afterLastMonth = `${dayOf(new Date(range.end.getTime() - DAY_MS)).slice(0, 7)}-32`;
    await ofPartners(rowsOf(GRAIN.partnerMonth, firstMonth, afterLastMonth)).delete();
    const month = knex.raw('substr(??, 1, 7)', ['day']);
    await insertSelect(
      knex,
      ofPartners(rowsOf(GRAIN.partnerDay, `${firstMonth}-01`, afterLastMonth))
        .select(grain(GRAIN.partnerMonth), { day: month })
        .select('program_id', 'partner_id', 'currency', ...sums(knex))
        .groupBy(month)
        .groupBy('program_id', 'partner_id', 'currency')
    );
  };

  /**
   * The watermark row exists from the first refresh on; a concurrent first insert is refused.
   * Only this service writes the table, so once seen it is not looked for again on this node.
   */
  let watermarkSeen = false;
  const ensureWatermark = async () => {
    if (watermarkSeen) return;
    const rows = strapi.db.query(ROLLUP);
    if (await rows.findOne({ where: { day: WATERMARK_DAY }, select: ['id'] })) {
      watermarkSeen = true;
      return;
    }
    try {
      await rows.create({
        data: {
          grain: GRAIN.partnerDay,
          day: WATERMARK_DAY,
          programId: 0,
          partnerId: 0,
          currency: '',
        },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  };

  const readWatermark = async (knex: Knex, lock: boolean) => {
    const query = knex(table()).where('day', WATERMARK_DAY).first('id', 'refreshed_at');
    if (lock && !isSqlite(strapi)) query.forUpdate();
    const row = (await query) as { id: number; refreshed_at: unknown } | undefined;
    return { id: Number(row?.id), at: instantOf(row?.refreshed_at) };
  };

  const setWatermark = (knex: Knex, id: number, at: Date) =>
    knex(table()).where('id', id).update({ refreshed_at: at });

  /** Runs `work` holding the watermark row: refreshes and rebuilds take turns. */
  const exclusively = async <T>(
    work: (knex: Knex, mark: { id: number; at: Date | null }) => Promise<T>
  ) => {
    await ensureWatermark();
    return withKnex(strapi, async (knex) => work(knex, await readWatermark(knex, true)));
  };

  return {
    /**
     * Brings the closed days up to date: the days closed since the last refresh are recomputed
     * for everyone, and older (day, partner) groups whose raw rows changed since the watermark
     * (less `REFRESH_MARGIN_MS`) are recomputed. Without a watermark, everything is built.
     * Unless `force`, a refresh that finds nothing changed since the watermark returns at once.
     */
    async refresh(options: { force?: boolean } = {}): Promise<RefreshResult> {
      // The real clock, never a caller's: the watermark says up to when the rollups are complete.
      const now = new Date();
      const today = startOfUtcDay(now);
      if (!options.force) {
        await ensureWatermark();
        const quiet = await withKnex(strapi, async (knex) => {
          const mark = await readWatermark(knex, false);
          if (!mark.at || mark.at < today) return null;
          const touched = await touchedGroups(strapi, knex, mark.at, today);
          return touched.size === 0 ? mark.at : null;
        });
        if (quiet) return { ran: false, days: 0, groups: 0, watermark: quiet.toISOString() };
      }
      return exclusively(async (knex, mark) => {
        let days = 0;
        let groups = 0;
        const since = mark.at ? new Date(mark.at.getTime() - REFRESH_MARGIN_MS) : EPOCH;
        const open = mark.at ? startOfUtcDay(since) : EPOCH;
        if (open < today) {
          await recompute(knex, { start: open, end: today });
          days = mark.at ? Math.round((today.getTime() - open.getTime()) / DAY_MS) : 0;
        }
        if (mark.at) {
          for (const [day, partners] of await touchedGroups(strapi, knex, since, open)) {
            const start = new Date(`${day}T00:00:00Z`);
            const end = new Date(start.getTime() + DAY_MS);
            await recompute(knex, { start, end, partnerIds: [...partners] });
            groups += partners.size;
          }
        }
        await setWatermark(knex, mark.id, now);
        return { ran: true, days, groups, watermark: now.toISOString() };
      });
    },

    /**
     * Recomputes the rollups of the days `from` to `to` (UTC, inclusive; before today), or of
     * every day before today without `from`, from the raw tables. A full rebuild also moves the
     * watermark. Answers the days covered and the rollup rows they now hold.
     */
    async rebuild(range: { from?: string; to?: string } = {}, now = new Date()) {
      const today = startOfUtcDay(now);
      const start = range.from ? new Date(`${range.from}T00:00:00Z`) : EPOCH;
      const requestedEnd = range.to
        ? new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS)
        : today;
      const end = requestedEnd < today ? requestedEnd : today;
      return exclusively(async (knex, mark): Promise<RebuildResult> => {
        if (start < end) await recompute(knex, { start, end });
        if (!range.from && !range.to) await setWatermark(knex, mark.id, now);
        const [counted] = await knex(table())
          .where('grain', GRAIN.partnerDay)
          .where('day', '>=', dayOf(start))
          .where('day', '<', dayOf(end))
          .count({ rows: '*' })
          .countDistinct({ days: 'day' });
        return {
          from: range.from ?? null,
          to: dayOf(new Date(end.getTime() - DAY_MS)),
          /** Days that have activity (a rollup row). */
          days: Number(counted?.days ?? 0),
          rows: Number(counted?.rows ?? 0),
        };
      });
    },
  };
};

export type RollupsService = ReturnType<typeof createRollupsService>;
export default createRollupsService;
