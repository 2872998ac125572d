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
import { tableOf, withKnex } from '../platform/database';
import { idOrNull, type RawRow } from '../platform/rows';
import { csvStream } from '../payouts/csv-exports';
import type { PortalPartner } from '../portal/is-partner';
import { loadEntryLabels, type LabelledEntry } from '../attribution/referral-labels';
import { createPortalScope, iso, paginate } from '../portal/scope';
import { publicBase, recruitUrlOf } from '../partners/partner-profile';
import { descendingKeyset } from '../platform/list-filters';

const COMMISSION = uid('commission');
const PARTNER = uid('partner');
const PAYOUT = uid('payout');
const EXPORT_PAGE = 1000;

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
  'programId',
  'referralId',
];

/** The signed-in partner's entries, of one program and state when asked. */
interface EntryWhere {
  partnerId: number;
  programId?: number;
  state?: string;
}

/** A ledger entry as the portal reads it: the answer's fields, and its references as plain ids. */
interface PortalEntry {
  references: LabelledEntry;
  fields: Omit<PortalCommission, 'program' | 'referral'>;
}

const explanationOf = (value: unknown): PortalCommission['explanation'] => {
  const explanation = (typeof value === 'string' ? JSON.parse(value) : value) as {
    summary?: unknown;
    steps?: unknown;
  } | null;
  if (!explanation || typeof explanation.summary !== 'string') return null;
  return {
    summary: explanation.summary,
    steps: Array.isArray(explanation.steps) ? explanation.steps.map(String) : [],
  };
};

const toPortalEntry = (row: RawRow): PortalEntry => ({
  references: {
    level: Number(row.level),
    programId: Number(row.programId),
    referralId: idOrNull(row.referralId),
  },
  fields: {
    documentId: String(row.documentId),
    createdAt: iso(row.createdAt) ?? '',
    kind: row.kind as PortalCommission['kind'],
    level: Number(row.level),
    status: row.state as PortalCommission['status'],
    amount: Number(row.amount),
    currency: String(row.currency),
    availableAt: iso(row.availableAt),
    paidAt: iso(row.paidAt),
    explanation: explanationOf(row.explanation),
  },
});

/**
 * The partner's ledger in the portal (SPEC §8): commissions with their explanation, payouts,
 * and what its recruits earned it. Always filtered by the signed-in partner.
 */
const createPartnerEntriesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const scope = createPortalScope(strapi);

  const commissionWhere = async (
    partner: PortalPartner,
    query: { status?: string; program?: string }
  ): Promise<EntryWhere> => {
    const programId = await scope.programFilter(partner, query.program);
    return {
      partnerId: partner.id,
      ...(programId !== undefined ? { programId } : {}),
      ...(query.status ? { state: query.status } : {}),
    };
  };

  /** A page of entries as the portal shows them, their programs and contacts read in one go. */
  const toCommissions = async (
    partner: PortalPartner,
    rows: readonly RawRow[]
  ): Promise<PortalCommission[]> => {
    const entries = rows.map(toPortalEntry);
    const labels = await loadEntryLabels(
      strapi,
      partner,
      entries.map((entry) => entry.references)
    );
    return entries.map(({ references, fields }) => ({
      ...fields,
      program: labels.programOf(references),
      referral: labels.labelOf(references),
    }));
  };

  async function* commissionRows(partner: PortalPartner, where: EntryWhere) {
    // Newest first, as the Commissions screen lists them.
    const keyset = descendingKeyset();
    for (let last: RawRow | undefined; ;) {
      const rows: RawRow[] = await strapi.db.query(COMMISSION).findMany({
        where: { $and: [where, keyset.after(last)] },
        select: COMMISSION_FIELDS,
        orderBy: keyset.orderBy,
        limit: EXPORT_PAGE,
      });
      if (rows.length === 0) return;
      for (const entry of await toCommissions(partner, rows)) {
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
      last = rows[rows.length - 1];
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
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: page.offset,
          limit: page.limit,
        }),
        strapi.db.query(COMMISSION).count({ where }),
      ]);
      return { data: await toCommissions(partner, rows), meta: page.meta(total) };
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
      const where = { partnerId: partner.id };
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
      const data = (rows as RawRow[]).map((row): PortalPayout => {
        const method = row.method as { type?: unknown } | null;
        return {
          documentId: String(row.documentId),
          amount: Number(row.amount),
          currency: String(row.currency),
          status: row.state as PortalPayout['status'],
          periodStart: row.periodStart ? String(row.periodStart).slice(0, 10) : null,
          periodEnd: row.periodEnd ? String(row.periodEnd).slice(0, 10) : null,
          paidAt: iso(row.paidAt),
          method: method?.type ? { type: String(method.type) } : null,
          reference: (row.reference as string | null) ?? null,
        };
      });
      return { data, meta: page.meta(total) };
    },

    /**
     * Approved recruits (partners whose `referredBy` is this partner) by name, with the level-2 earnings
     * they brought it (entries not reversed or rejected), per currency. Nothing about their
     * customers: the recruit is found through the level-1 entry each level-2 entry follows.
     */
    async subPartners(partner: PortalPartner, requestOrigin: string): Promise<SubPartnersResponse> {
      const recruits = await strapi.db.query(PARTNER).findMany({
        // Applicants, rejected and suspended partners are not (or no longer) sub-partners.
        where: { referredBy: { id: partner.id }, state: 'approved' },
        select: ['id', 'name', 'createdAt'],
        orderBy: { id: 'asc' },
      });
      const earnings = new Map<number, Money[]>();
      if (recruits.length > 0) {
        // A level-2 entry's recruit is the partner of the level-1 entry it follows.
        const rows = await withKnex(strapi, (knex) =>
          knex(`${tableOf(strapi, COMMISSION)} as c`)
            .join(`${tableOf(strapi, COMMISSION)} as s`, 's.id', 'c.source_commission_id')
            .where('c.partner_id', partner.id)
            .where('c.level', 2)
            .whereNotIn('c.state', ['reversed', 'rejected'])
            .whereIn(
              's.partner_id',
              recruits.map((recruit) => Number(recruit.id))
            )
            .groupBy('s.partner_id', 'c.currency')
            .orderBy('c.currency')
            .select({ recruitId: 's.partner_id', currency: 'c.currency' })
            .sum({ amount: 'c.amount' })
        );
        for (const row of rows as RawRow[]) {
          const list = earnings.get(Number(row.recruitId)) ?? [];
          list.push({ amount: Number(row.amount ?? 0), currency: String(row.currency) });
          earnings.set(Number(row.recruitId), list);
        }
      }
      const programs = await scope.programs(partner);
      return {
        data: recruits.map((recruit) => ({
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
