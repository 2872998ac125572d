import type { Core } from '@strapi/strapi';
import type {
  CreateLeadInput,
  ExportReferralsQuery,
  ListLeadsQuery,
  ListReferralsQuery,
  PortalReferral,
} from '../../../plugin/contracts/portal';
import { uid, type ReferralSource } from '../../../plugin/model';
import {
  projectReferral,
  referralCsvColumns,
  referralCsvRow,
  type ReferralOrderRecord,
  type ReferralRecord as ShownReferral,
} from '../../../plugin/privacy';
import { csvStream } from '../payouts/csv-exports';
import { getService } from '../platform/plugin-context';
import type { PortalPartner } from '../portal/is-partner';
import { conflict } from '../partners/status-errors';
import { createPortalScope, paginate } from '../portal/scope';
import { withReferences } from '../platform/references';
import { iso, type RawRow } from '../platform/rows';
import {
  REFERRAL_PROGRAM_FIELDS,
  toReferralProgram,
  type ReferralProgram,
} from './referral-labels';
import { toShownReferral } from './referral-record';
import { descendingKeyset } from '../platform/list-filters';

const ORDER = uid('order');
const REFERRAL = uid('referral');
const EXPORT_PAGE = 500;

/** A referral read with REFERRAL_FIELDS, its program joined: what the portal shows of it. */
interface ListedReferral {
  id: number;
  referral: ShownReferral;
  program: ReferralProgram;
}

const REFERRAL_FIELDS = [
  'id',
  'documentId',
  'programId',
  'state',
  'source',
  'createdAt',
  'signedUpAt',
  'convertedAt',
  'email',
  'firstName',
  'lastName',
  'externalId',
];

/**
 * Referred contacts in the portal (SPEC §8): every row goes through `projectReferral`, so JSON,
 * CSV and leads show exactly what the program's `referralDetail` allows, and only the
 * signed-in partner's referrals are ever read.
 */
const createPartnerReferralsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const scope = createPortalScope(strapi);

  /** Orders of these referrals, read only for programs that show purchases or declines. */
  const ordersOf = async (referrals: readonly ListedReferral[]) => {
    const ids = referrals
      .filter(({ program }) => program.showPurchaseHistory || program.showDeclinedCharges)
      .map((referral) => referral.id);
    const byReferral = new Map<number, ReferralOrderRecord[]>();
    if (ids.length === 0) return byReferral;
    const orders: RawRow[] = await strapi.db.query(ORDER).findMany({
      where: { referralId: { $in: ids } },
      select: ['referralId', 'state', 'amount', 'currency', 'paidAt', 'createdAt', 'failureReason'],
      orderBy: { id: 'asc' },
    });
    for (const order of orders) {
      const referralId = Number(order.referralId);
      const list = byReferral.get(referralId) ?? [];
      list.push({
        state: String(order.state),
        amount: Number(order.amount),
        currency: String(order.currency),
        paidAt: iso(order.paidAt),
        createdAt: iso(order.createdAt) ?? new Date(0).toISOString(),
        failureReason: (order.failureReason as string | null) ?? null,
      });
      byReferral.set(referralId, list);
    }
    return byReferral;
  };

  /** Rows as read with REFERRAL_FIELDS, their programs joined in one query. */
  const project = async (partner: PortalPartner, rows: readonly RawRow[]) => {
    const joined = await withReferences(strapi, rows, { program: REFERRAL_PROGRAM_FIELDS });
    const listed = joined.flatMap(({ program, ...row }): ListedReferral[] =>
      program
        ? [
            {
              id: Number(row.id),
              referral: toShownReferral(row),
              program: toReferralProgram(program),
            },
          ]
        : []
    );
    const orders = await ordersOf(listed);
    return listed.map(({ id, referral, program }) =>
      projectReferral({
        referral,
        program,
        partnerDocumentId: partner.documentId,
        orders: orders.get(id) ?? [],
      })
    );
  };

  const whereOf = async (
    partner: PortalPartner,
    query: { status?: string; program?: string },
    source?: ReferralSource
  ) => {
    const programId = await scope.programFilter(partner, query.program);
    return {
      partnerId: partner.id,
      ...(programId !== undefined ? { programId } : {}),
      ...(query.status ? { state: query.status } : {}),
      ...(source ? { source } : {}),
    };
  };

  const list = async (
    partner: PortalPartner,
    query: ListReferralsQuery | ListLeadsQuery,
    source?: ReferralSource
  ) => {
    const where = await whereOf(partner, query, source);
    const page = paginate(query);
    const [rows, total]: [RawRow[], number] = await Promise.all([
      strapi.db.query(REFERRAL).findMany({
        where,
        select: REFERRAL_FIELDS,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        offset: page.offset,
        limit: page.limit,
      }),
      strapi.db.query(REFERRAL).count({ where }),
    ]);
    return { data: await project(partner, rows), meta: page.meta(total) };
  };

  async function* exportRows(
    partner: PortalPartner,
    where: Awaited<ReturnType<typeof whereOf>>,
    columns: string[]
  ) {
    // Newest first, as the Referrals screen lists them.
    const keyset = descendingKeyset();
    for (let last: RawRow | undefined; ;) {
      const rows: RawRow[] = await strapi.db.query(REFERRAL).findMany({
        where: { $and: [where, keyset.after(last)] },
        select: REFERRAL_FIELDS,
        orderBy: keyset.orderBy,
        limit: EXPORT_PAGE,
      });
      if (rows.length === 0) return;
      for (const projected of await project(partner, rows)) {
        yield referralCsvRow(projected, columns);
      }
      last = rows[rows.length - 1];
    }
  }

  return {
    list: (partner: PortalPartner, query: ListReferralsQuery) => list(partner, query),

    /** The same projected fields as CSV; the header is what the partner's programs allow. */
    async exportCsv(partner: PortalPartner, query: ExportReferralsQuery) {
      const where = await whereOf(partner, query);
      const programs = (await scope.programs(partner)).filter(
        (program) => !query.program || program.slug === query.program
      );
      const columns = referralCsvColumns(programs);
      return csvStream(columns, exportRows(partner, where, columns), (error) =>
        strapi.log.error(`[partners] the portal referral export stopped: ${error.message}`)
      );
    },

    listLeads: (partner: PortalPartner, query: ListLeadsQuery) => list(partner, query, 'lead'),

    /**
     * A lead (SPEC §6): a contact the partner introduces, `source: lead`. One referral per
     * program and e-mail: taken already (by this partner or another) is a 409 that names no one.
     * Leads of one program take turns on the program row, so two partners cannot both claim it.
     */
    async createLead(partner: PortalPartner, input: CreateLeadInput): Promise<PortalReferral> {
      const program = await scope.activeProgram(partner, input.program);
      const created = await getService('attribution', { strapi }).addLead(
        partner.id,
        program.id,
        input
      );
      if (!created) {
        throw conflict('This contact is already a referral in this program');
      }
      const row: RawRow = await strapi.db.query(REFERRAL).findOne({
        where: { id: created.id },
        select: REFERRAL_FIELDS,
      });
      const [projected] = await project(partner, [row]);
      return projected;
    },
  };
};

export type PartnerReferralsService = ReturnType<typeof createPartnerReferralsService>;
export default createPartnerReferralsService;
