import type { Core } from '@strapi/strapi';
import type {
  ExportCommissionsQuery,
  ListCommissionsQuery,
  ListPortalPayoutsQuery,
  Money,
  PortalCommission,
  PortalPayout,
  SubPartnersResponse,
} from '../../../plugin/contracts/portal';
import { toDecimalString } from '../../../plugin/currency';
import { uid } from '../../../plugin/model';
import { joinTableOf, tableOf, withKnex } from '../platform/database';
import { csvStream } from '../payouts/csv-exports';
import type { PortalPartner } from '../portal/is-partner';
import { entryReferralLabel, REFERRAL_LABEL_POPULATE } from '../attribution/referral-labels';
import { createPortalScope, iso, paginate, toProgramRef } from '../portal/scope';
import { publicBase, recruitUrlOf } from '../partners/partner-profile';

const COMMISSION = uid('commission');
const PARTNER = uid('partner');
const PAYOUT = uid('payout');
const EXPORT_PAGE = 1000;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const COMMISSION_FIELDS = [
  'id',
  'documentId',
  'createdAt',
  'kind',
  'level',
  'state',
  'amount',
  'currency',
  'availableAt',
  'paidAt',
  'explanation',
];

const explanationOf = (value: unknown): PortalCommission['explanation'] => {
  const explanation = (typeof value === 'string' ? JSON.parse(value) : value) as Row | null;
  if (!explanation || typeof explanation.summary !== 'string') return null;
  return {
    summary: explanation.summary,
    steps: Array.isArray(explanation.steps) ? explanation.steps.map(String) : [],
  };
};

/**
 * The partner's ledger in the portal (SPEC §8): commissions with their explanation, payouts,
 * and what its recruits earned it. Always filtered by the signed-in partner.
 */
const createPartnerEntriesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const scope = createPortalScope(strapi);

  const commissionWhere = async (
    partner: PortalPartner,
    query: { status?: string; program?: string }
  ) => {
    const programId = await scope.programFilter(partner, query.program);
    return {
      partner: { id: partner.id },
      ...(programId !== undefined ? { program: { id: programId } } : {}),
      ...(query.status ? { state: query.status } : {}),
    };
  };

  const toCommission = (partner: PortalPartner, row: Row): PortalCommission => ({
    documentId: row.documentId,
    createdAt: iso(row.createdAt) ?? '',
    kind: row.kind,
    level: Number(row.level),
    status: row.state,
    amount: Number(row.amount),
    currency: row.currency,
    availableAt: iso(row.availableAt),
    paidAt: iso(row.paidAt),
    explanation: explanationOf(row.explanation),
    program: toProgramRef(row.program),
    referral: entryReferralLabel(partner, row),
  });

  async function* commissionRows(partner: PortalPartner, where: Row) {
    for (let afterId = 0; ;) {
      const rows = await strapi.db.query(COMMISSION).findMany({
        where: { ...where, id: { $gt: afterId } },
        select: COMMISSION_FIELDS,
        populate: REFERRAL_LABEL_POPULATE,
        orderBy: { id: 'asc' },
        limit: EXPORT_PAGE,
      });
      if (rows.length === 0) return;
      for (const row of rows) {
        const entry = toCommission(partner, row);
        yield [
          entry.documentId,
          entry.createdAt,
          entry.program?.slug ?? null,
          entry.kind,
          entry.level,
          entry.status,
          entry.amount,
          toDecimalString(entry.amount, entry.currency),
          entry.currency,
          entry.availableAt,
          entry.paidAt,
          entry.referral,
          entry.explanation?.summary ?? null,
        ];
      }
      afterId = rows[rows.length - 1].id;
    }
  }

  return {
    async commissions(partner: PortalPartner, query: ListCommissionsQuery) {
      const where = await commissionWhere(partner, query);
      const page = paginate(query);
      const [rows, total] = await Promise.all([
        strapi.db.query(COMMISSION).findMany({
          where,
          select: COMMISSION_FIELDS,
          populate: REFERRAL_LABEL_POPULATE,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: page.offset,
          limit: page.limit,
        }),
        strapi.db.query(COMMISSION).count({ where }),
      ]);
      return { data: rows.map((row: Row) => toCommission(partner, row)), meta: page.meta(total) };
    },

    async exportCommissions(partner: PortalPartner, query: ExportCommissionsQuery) {
      const where = await commissionWhere(partner, query);
      return csvStream(
        [
          'id',
          'created_at',
          'program',
          'kind',
          'level',
          'status',
          'amount_minor',
          'amount',
          'currency',
          'available_at',
          'paid_at',
          'referral',
          'explanation',
        ],
        commissionRows(partner, where),
        (error) =>
          strapi.log.error(`[partners] the portal commission export stopped: ${error.message}`)
      );
    },

    async payouts(partner: PortalPartner, query: ListPortalPayoutsQuery) {
      const where = { partner: { id: partner.id } };
      const page = paginate(query);
      const [rows, total] = await Promise.all([
        strapi.db.query(PAYOUT).findMany({
          where,
          select: [
            'documentId',
            'amount',
            'currency',
            'state',
            'periodStart',
            'periodEnd',
            'paidAt',
            'method',
            'reference',
          ],
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: page.offset,
          limit: page.limit,
        }),
        strapi.db.query(PAYOUT).count({ where }),
      ]);
      const data = rows.map((row: Row): PortalPayout => ({
        documentId: row.documentId,
        amount: Number(row.amount),
        currency: row.currency,
        status: row.state,
        periodStart: row.periodStart ? String(row.periodStart).slice(0, 10) : null,
        periodEnd: row.periodEnd ? String(row.periodEnd).slice(0, 10) : null,
        paidAt: iso(row.paidAt),
        method: row.method?.type ? { type: String(row.method.type) } : null,
        reference: row.reference ?? null,
      }));
      return { data, meta: page.meta(total) };
    },

    /**
     * Recruits (partners whose `referredBy` is this partner) by name, with the level-2 earnings
     * they brought it (entries not reversed or rejected), per currency. Nothing about their
     * customers: the recruit is found through the level-1 entry each level-2 entry follows.
     */
    async subPartners(partner: PortalPartner, requestOrigin: string): Promise<SubPartnersResponse> {
      const recruits = await strapi.db.query(PARTNER).findMany({
        where: { referredBy: { id: partner.id } },
        select: ['id', 'name', 'createdAt'],
        orderBy: { id: 'asc' },
      });
      const earnings = new Map<number, Money[]>();
      if (recruits.length > 0) {
        const rows = await withKnex(strapi, (knex) => {
          const byPartner = joinTableOf(strapi, COMMISSION, 'partner');
          const bySource = joinTableOf(strapi, COMMISSION, 'sourceCommission');
          return knex(`${tableOf(strapi, COMMISSION)} as c`)
            .join(`${byPartner.table} as lp`, `lp.${byPartner.ownerColumn}`, 'c.id')
            .join(`${bySource.table} as ls`, `ls.${bySource.ownerColumn}`, 'c.id')
            .join(
              `${byPartner.table} as sp`,
              `sp.${byPartner.ownerColumn}`,
              `ls.${bySource.targetColumn}`
            )
            .where(`lp.${byPartner.targetColumn}`, partner.id)
            .where('c.level', 2)
            .whereNotIn('c.state', ['reversed', 'rejected'])
            .whereIn(
              `sp.${byPartner.targetColumn}`,
              recruits.map((recruit: Row) => recruit.id)
            )
            .groupBy(`sp.${byPartner.targetColumn}`, 'c.currency')
            .orderBy('c.currency')
            .select({ recruitId: `sp.${byPartner.targetColumn}`, currency: 'c.currency' })
            .sum({ amount: 'c.amount' });
        });
        for (const row of rows as Row[]) {
          const list = earnings.get(Number(row.recruitId)) ?? [];
          list.push({ amount: Number(row.amount ?? 0), currency: String(row.currency) });
          earnings.set(Number(row.recruitId), list);
        }
      }
      const programs = await scope.programs(partner);
      return {
        data: recruits.map((recruit: Row) => ({
          name: recruit.name,
          joinedAt: iso(recruit.createdAt) ?? '',
          earnings: earnings.get(recruit.id) ?? [],
        })),
        meta: {
          recruitUrl: await recruitUrlOf(
            strapi,
            publicBase(strapi, requestOrigin),
            partner,
            programs
          ),
        },
      };
    },
  };
};

export type PartnerEntriesService = ReturnType<typeof createPartnerEntriesService>;
export default createPartnerEntriesService;
