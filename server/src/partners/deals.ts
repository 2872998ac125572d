import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DealView, ListDealsQuery } from '../../../plugin/contracts/admin';
import type { CreateDealInput } from '../../../plugin/contracts/portal';
import { uid } from '../../../plugin/model';
import { addDays } from '../../../plugin/time';
import { NEWEST_FIRST, statusPartnerProgramWhere } from '../platform/list-filters';
import { iso } from '../platform/rows';
import { PROGRAM_REF, programRef } from '../programs/program-ref';
import { PARTNER_REF, partnerRef } from './partner-ref';

const DEAL = uid('deal');
/** How long an approved deal registration attributes its customer when it has no expiry. */
export const DEFAULT_DEAL_DAYS = 90;
/** How long a registered deal protects the partner's claim (editors can change `expiresAt`). */
export const DEAL_TTL_DAYS = 90;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const viewOf = (row: Row): DealView => ({
  documentId: row.documentId,
  partner: partnerRef(row.partner),
  program: programRef(row.program),
  company: row.company ?? null,
  contactEmail: row.contactEmail ?? null,
  contactName: row.contactName ?? null,
  estimatedValue: row.estimatedValue ?? null,
  currency: row.currency ?? null,
  status: row.state,
  expiresAt: iso(row.expiresAt),
  decisionNote: row.decisionNote ?? null,
  createdAt: iso(row.createdAt) as string,
});

const populate = { partner: PARTNER_REF, program: PROGRAM_REF };

/**
 * Deal registrations (SPEC §6), the only writer of `partners_deals`: a partner registers a deal
 * from the portal; an editor approves (the deal then attributes its contact's orders until it
 * expires) or rejects it. Only `submitted` deals are decided; the state is checked in the UPDATE
 * itself, so two editors cannot both decide one deal.
 */
const createDealsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const deals = () => strapi.db.query(DEAL);

  const decide = async (documentId: string, data: Row) => {
    const row = await deals().findOne({ where: { documentId }, select: ['id'] });
    if (!row) throw new errors.NotFoundError('deal not found');
    const changed = await deals().updateMany({
      where: { id: row.id, state: 'submitted' },
      data,
    });
    if (changed.count === 0)
      throw new errors.ValidationError('only a submitted deal can be approved or rejected');
    return viewOf(await deals().findOne({ where: { id: row.id }, populate }));
  };

  return {
    async list(query: ListDealsQuery) {
      const { results, pagination } = await deals().findPage({
        where: statusPartnerProgramWhere(query),
        orderBy: NEWEST_FIRST,
        page: query.page,
        pageSize: query.pageSize,
        populate,
      });
      return { results: results.map(viewOf), pagination };
    },

    async approve(documentId: string, note?: string, expiresInDays = DEFAULT_DEAL_DAYS) {
      const row = await deals().findOne({ where: { documentId }, select: ['expiresAt'] });
      const expiresAt = row?.expiresAt ?? addDays(new Date(), expiresInDays);
      return decide(documentId, { state: 'approved', decisionNote: note ?? null, expiresAt });
    },

    reject: (documentId: string, note: string) =>
      decide(documentId, { state: 'rejected', decisionNote: note }),

    /**
     * A partner's deal registration from the portal, `submitted` until an editor decides it; its
     * id. The program is one the partner is approved in (the portal scope checked it).
     */
    async register(partnerId: number, programId: number, input: CreateDealInput, now: Date) {
      const created = await deals().create({
        data: {
          partner: partnerId,
          program: programId,
          company: input.company,
          contactName: input.contactName,
          contactEmail: input.contactEmail,
          estimatedValue: input.estimatedValue,
          currency: input.currency,
          state: 'submitted',
          expiresAt: addDays(now.toISOString(), DEAL_TTL_DAYS),
        },
      });
      return Number(created.id);
    },
  };
};

export type DealsService = ReturnType<typeof createDealsService>;
export default createDealsService;
