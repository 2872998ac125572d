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
import { createPortalScope, iso, paginate, toProgramRef } from '../portal/scope';
import { unseal } from '../platform/secrets';
import {
  FILE_SELECT,
  inUploadOrder,
  portalFileView,
  type IncomingFile,
} from '../platform/media-files';
import { getService } from '../platform/plugin-context';
import { dayOf } from './deals';

const DEAL = uid('deal');
const DEAL_POPULATE = {
  program: { select: ['slug', 'name'] },
  attachments: { select: FILE_SELECT, orderBy: { id: 'asc' } },
} as const;
const PARTNER = uid('partner');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const parseJson = (value: unknown): Row | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return value as Row;
  try {
    return JSON.parse(value);
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

const toDeal = (row: Row): PortalDeal => ({
  documentId: row.documentId,
  company: row.company,
  domain: row.domain ?? null,
  contactName: row.contactName ?? null,
  contactEmail: row.contactEmail,
  estimatedValue: row.estimatedValue == null ? null : Number(row.estimatedValue),
  currency: row.currency ?? null,
  status: row.state,
  held: Boolean(row.held),
  expectedCloseAt: dayOf(row.expectedCloseAt),
  expiresAt: iso(row.expiresAt),
  decisionNote: row.decisionNote ?? null,
  program: toProgramRef(row.program),
  attachments: inUploadOrder(row.attachments).map(portalFileView),
  createdAt: iso(row.createdAt) ?? '',
});

/**
 * The partner's own settings in the portal (SPEC §8): its active payout method (the saved ones
 * and every change are in payout-methods.ts) and its deal registrations.
 */
const createPartnerAccountService = ({ strapi }: { strapi: Core.Strapi }) => {
  const scope = createPortalScope(strapi);

  const storedMethod = async (partnerId: number) => {
    const row = await strapi.db.query(PARTNER).findOne({
      where: { id: partnerId },
      select: ['payoutMethod'],
    });
    return parseJson(row?.payoutMethod);
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
      const [rows, total] = await Promise.all([
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
      const row = await strapi.db.query(DEAL).findOne({
        where: { id: dealId },
        populate: DEAL_POPULATE,
      });
      if (!row) throw new errors.NotFoundError('No deal');
      return toDeal(row);
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
      const row = await strapi.db
        .query(DEAL)
        .findOne({ where: { id: dealId }, populate: DEAL_POPULATE });
      return toDeal(row);
    },
  };
};

export type PartnerAccountService = ReturnType<typeof createPartnerAccountService>;
export default createPartnerAccountService;
