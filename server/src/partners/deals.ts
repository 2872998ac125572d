import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DealView, ListDealsQuery } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { addDays } from '../../../plugin/time';
import { NEWEST_FIRST, statusPartnerProgramWhere } from '../platform/list-filters';
import { iso } from '../platform/rows';
import { PROGRAM_REF, programRef } from '../programs/program-ref';
import { PARTNER_REF, partnerRef } from './partner-ref';

const DEAL = uid('deal');
/** How long an approved deal registration attributes its customer when it has no expiry. */
export const DEFAULT_DEAL_DAYS = 90;

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
 * Deal registrations (SPEC §6): an editor approves (the deal then attributes its contact's
 * orders until it expires) or rejects a submitted deal. Only `submitted` deals are decided; the
 * state is checked in the UPDATE itself, so two editors cannot both decide one deal.
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
  };
};

export type DealsService = ReturnType<typeof createDealsService>;
export default createDealsService;
