import { relationRow } from '../platform/rows';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  CreateDealInput,
  ListDealsQuery,
  PortalDeal,
  PortalPayoutMethod,
} from '../../../plugin/contracts/portal';
import { uid } from '../../../plugin/model';
import type { PortalPartner } from '../portal/is-partner';
import { createPortalScope, paginate, toProgramRef } from '../portal/scope';
import { unseal } from '../platform/secrets';
import {
  FILE_SELECT,
  inUploadOrder,
  portalFileView,
  type IncomingFile,
} from '../platform/media-files';
import { getService } from '../platform/plugin-context';
import type { RawRow } from '../platform/rows';
import { dealFields, toDealRecord } from './deal-record';

const DEAL = uid('deal');
const DEAL_POPULATE = {
  program: { select: ['slug', 'name'] },
  attachments: { select: FILE_SELECT, orderBy: { id: 'asc' } },
} as const;
const PARTNER = uid('partner');

/** A stored payout method (a JSON column, or its text) as its fields; null when none. */
const parseJson = (value: unknown): RawRow | null => {
  if (typeof value !== 'string') return relationRow(value);
  try {
    return relationRow(JSON.parse(value));
  } catch {
    return null;
  }
};

/** What the portal shows of a stored method: the PayPal e-mail, or a bank's holder and last 4. */
export const portalPayoutMethodOf = (stored: unknown): PortalPayoutMethod => {
  const method = parseJson(stored);
  switch (method?.type) {
    case 'paypal':
      return { type: 'paypal', email: String(method.email ?? '') };
    case 'bank':
      return {
        type: 'bank',
        holder: String(method.accountHolder ?? ''),
        last4: String(method.last4 ?? ''),
      };
    case 'credit':
      return { type: 'credit' };
    case 'stripe':
      return { type: 'stripe' };
    default:
      return null;
  }
};

/** A deal as the portal reads it: its program (slug, name) and files populated. */
const toDeal = (row: RawRow): PortalDeal => ({
  ...dealFields(toDealRecord(row)),
  program: toProgramRef(row.program),
  attachments: inUploadOrder(row.attachments).map(portalFileView),
});

/**
 * The partner's own settings in the portal (SPEC §8): its active payout method (the saved ones
 * and every change are in payout-methods.ts) and its deal registrations.
 */
const createPartnerAccountService = ({ strapi }: { strapi: Core.Strapi }) => {
  const scope = createPortalScope(strapi);

  const storedMethod = async (partnerId: number) => {
    const row: RawRow | null = await strapi.db.query(PARTNER).findOne({
      where: { id: partnerId },
      select: ['payoutMethod'],
    });
    return parseJson(row?.payoutMethod);
  };

  const dealById = async (dealId: number) => {
    const row: RawRow | null = await strapi.db.query(DEAL).findOne({
      where: { id: dealId },
      populate: DEAL_POPULATE,
    });
    if (!row) throw new errors.NotFoundError('No deal');
    return toDeal(row);
  };

  return {
    async payoutMethod(partner: PortalPartner) {
      return portalPayoutMethodOf(await storedMethod(partner.id));
    },

    /**
     * The full bank details of a partner, for the site's own code paying by bank transfer
     * (`strapi.plugin('partners').service('partner-account').bankAccount(partnerId)`). No route
     * and no export prints them.
     */
    async bankAccount(partnerId: number) {
      const method = await storedMethod(partnerId);
      if (method?.type !== 'bank' || typeof method.sealed !== 'string') return null;
      const opened = JSON.parse(unseal(strapi, method.sealed)) as {
        routingNumber: string;
        accountNumber: string;
      };
      return { holder: String(method.accountHolder ?? ''), ...opened };
    },

    async deals(partner: PortalPartner, query: ListDealsQuery) {
      const programId = await scope.programFilter(partner, query.program);
      const where = {
        partner: { id: partner.id },
        ...(programId !== undefined ? { program: { id: programId } } : {}),
        ...(query.status ? { state: query.status } : {}),
      };
      const page = paginate(query);
      const [rows, total]: [RawRow[], number] = await Promise.all([
        strapi.db.query(DEAL).findMany({
          where,
          populate: DEAL_POPULATE,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: page.offset,
          limit: page.limit,
        }),
        strapi.db.query(DEAL).count({ where }),
      ]);
      return { data: rows.map(toDeal), meta: page.meta(total) };
    },

    /** A deal registration (deals service); answered as the portal shows it. */
    async createDeal(partner: PortalPartner, input: CreateDealInput, now = new Date()) {
      const program = await scope.activeProgram(partner, input.program);
      const dealId = await getService('deals', { strapi }).register(
        partner.id,
        program.id,
        input,
        now
      );
      return dealById(dealId);
    },

    /**
     * `POST /portal/deals/:id/attachments`: the files are checked and the deal's room counted
     * before anything is stored; an upload whose attachment then fails is deleted again.
     */
    async attachToDeal(partner: PortalPartner, documentId: string, incoming: IncomingFile[]) {
      const deals = getService('deals', { strapi });
      const media = getService('media-files', { strapi });
      await deals.attach(partner.id, documentId, [], incoming.length);
      const stored = await media.store('deal-attachment', incoming);
      const ids = stored.map((file) => file.id);
      let dealId: number;
      try {
        dealId = await deals.attach(partner.id, documentId, ids);
      } catch (error) {
        await media.discard(ids);
        throw error;
      }
      return dealById(dealId);
    },
  };
};

export type PartnerAccountService = ReturnType<typeof createPartnerAccountService>;
export default createPartnerAccountService;
