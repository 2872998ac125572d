import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DealView, ListDealsQuery } from '../../../plugin/contracts/admin';
import type { CreateDealInput } from '../../../plugin/contracts/portal';
import {
  dealActionFrom,
  dealActionRefusal,
  dealCustomerKeys,
  nextDealState,
  type DealAction,
  type DealCustomerKeys,
} from '../../../plugin/deals';
import { OPEN_DEAL_STATUSES, uid } from '../../../plugin/model';
import { addDays } from '../../../plugin/time';
import { MAX_DEAL_ATTACHMENTS } from '../../../plugin/media/file-rules';
import { lockRow } from '../platform/database';
import { FILE_SELECT, fileIdsOf, inUploadOrder, mediaFileView } from '../platform/media-files';
import { NEWEST_FIRST, statusPartnerProgramWhere } from '../platform/list-filters';
import { idOf, type RawRow, textOrNull } from '../platform/rows';
import { PROGRAM_REF, programRefOf } from '../programs/program-ref';
import { dealFields, toDealRecord } from './deal-record';
import { PARTNER_REF, partnerRef } from './partner-ref';

const DEAL = uid('deal');
const PROGRAM = uid('program');
/** How long an approved deal registration attributes its customer when it has no expiry. */
export const DEFAULT_DEAL_DAYS = 90;
/** How long a registered deal protects the partner's claim (editors can change `expiresAt`). */
export const DEAL_TTL_DAYS = 90;

/** What a partner is told when another open registration claims the customer: no one is named. */
export const DEAL_TAKEN_MESSAGE =
  'This customer already has an open deal registration in this program; it cannot be registered again while that one is open.';
export const DEAL_DUPLICATE_MESSAGE =
  'You have already registered this customer in this program; that registration is still open.';

/** A deal as the admin reads it: its partner and program refs and its files populated. */
const viewOf = (row: RawRow): DealView => {
  const deal = toDealRecord(row);
  return {
    ...dealFields(deal),
    partner: partnerRef(row.partner),
    program: programRefOf(row.program),
    closedAt: deal.closedAt,
    attachments: inUploadOrder(row.attachments).map(mediaFileView),
  };
};

/** A deal's customer keys and program: what `findId` selects. */
interface DealClaim {
  id: number;
  programId: number | null;
  keys: DealCustomerKeys;
}

const CLAIM_SELECT = ['id', 'contactEmail', 'companyKey', 'domain'];

const toDealClaim = (row: RawRow): DealClaim => ({
  id: Number(row.id),
  programId: idOf(row.program),
  keys: {
    email: String(row.contactEmail ?? '').toLowerCase(),
    companyKey: textOrNull(row.companyKey) ?? '',
    domain: textOrNull(row.domain),
  },
});

const populate = {
  partner: PARTNER_REF,
  program: PROGRAM_REF,
  attachments: { select: FILE_SELECT, orderBy: { id: 'asc' } },
};

/** Open registrations that name the customer by any of its keys, still within their expiry. */
const openClaimsWhere = (programId: number, keys: DealCustomerKeys, now: Date) => ({
  program: { id: programId },
  state: { $in: [...OPEN_DEAL_STATUSES] },
  $and: [
    { $or: [{ expiresAt: { $null: true } }, { expiresAt: { $gt: now.toISOString() } }] },
    {
      $or: [
        { contactEmail: keys.email },
        ...(keys.companyKey ? [{ companyKey: keys.companyKey }] : []),
        ...(keys.domain ? [{ domain: keys.domain }] : []),
      ],
    },
  ],
});

/**
 * Deal registrations (SPEC §6), the only writer of `partners_deals`. A partner registers a deal
 * from the portal; a program has one open (submitted or approved) registration per customer,
 * matched by e-mail, company or domain: a second is refused, or held for an editor when the
 * program says so. An editor approves or rejects a submitted deal, marks an approved one won
 * (its customer's orders credit the partner from then on, with no expiry) or lost; open deals
 * expire at `expiresAt`. Each move checks the state in the UPDATE itself, so two editors cannot
 * both decide one deal; registrations and approvals of one program take turns on its row.
 */
const createDealsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const deals = () => strapi.db.query(DEAL);

  const findId = async (documentId: string) => {
    const row: RawRow | null = await deals().findOne({
      where: { documentId },
      select: CLAIM_SELECT,
      populate: { program: { select: ['id'] } },
    });
    if (!row) throw new errors.NotFoundError('deal not found');
    return toDealClaim(row);
  };

  /** The deal's view after a move; a row read right after the UPDATE that found it. */
  const viewById = async (id: number) => {
    const row: RawRow | null = await deals().findOne({ where: { id }, populate });
    if (!row) throw new errors.NotFoundError('deal not found');
    return viewOf(row);
  };

  const move = async (documentId: string, action: DealAction, data: RawRow) => {
    const row = await findId(documentId);
    const to = nextDealState(dealActionFrom(action)[0], action);
    const changed = await deals().updateMany({
      where: { id: row.id, state: { $in: [...dealActionFrom(action)] } },
      data: { ...data, state: to },
    });
    if (changed.count === 0) throw new errors.ValidationError(dealActionRefusal(action));
    return viewById(row.id);
  };

  return {
    async list(query: ListDealsQuery) {
      const { results, pagination } = await deals().findPage({
        where: statusPartnerProgramWhere(query),
        orderBy:
          query.sort === 'expectedCloseAt'
            ? [{ expectedCloseAt: 'asc' }, { id: 'asc' }]
            : NEWEST_FIRST,
        page: query.page,
        pageSize: query.pageSize,
        populate,
      });
      return { results: results.map(viewOf), pagination };
    },

    /**
     * Approves a submitted deal. A held one is approved only when no other registration of the
     * customer is approved and open: the editor rejects or closes that one first.
     */
    approve: (documentId: string, note?: string, expiresInDays = DEFAULT_DEAL_DAYS) =>
      strapi.db.transaction(async () => {
        const row = await findId(documentId);
        const { programId } = row;
        if (programId) {
          await lockRow(strapi, PROGRAM, programId);
          const rival = await deals().findOne({
            where: {
              ...openClaimsWhere(programId, row.keys, new Date()),
              id: { $ne: row.id },
              state: 'approved',
            },
            select: ['id'],
          });
          if (rival)
            throw new errors.ValidationError(
              'Another registration of this customer is approved and open; reject it or mark it won or lost first.'
            );
        }
        const current: RawRow | null = await deals().findOne({
          where: { id: row.id },
          select: ['expiresAt'],
        });
        const expiresAt = current?.expiresAt ?? addDays(new Date(), expiresInDays);
        return move(documentId, 'approve', { decisionNote: note ?? null, expiresAt });
      }),

    reject: (documentId: string, note: string) =>
      move(documentId, 'reject', { decisionNote: note }),

    /** The customer signed: the claim no longer expires, so its orders credit the partner. */
    win: (documentId: string, input: { note?: string; value?: number }, now = new Date()) =>
      move(documentId, 'win', {
        closedAt: now.toISOString(),
        expiresAt: null,
        ...(input.note ? { decisionNote: input.note } : {}),
        ...(input.value !== undefined ? { estimatedValue: input.value } : {}),
      }),

    lose: (documentId: string, input: { note?: string }, now = new Date()) =>
      move(documentId, 'lose', {
        closedAt: now.toISOString(),
        ...(input.note ? { decisionNote: input.note } : {}),
      }),

    /** The `expire-deals` job: open registrations past `expiresAt` become `expired`. */
    async expireDue(now: string) {
      const { count } = await deals().updateMany({
        where: { state: { $in: [...OPEN_DEAL_STATUSES] }, expiresAt: { $lte: now } },
        data: { state: nextDealState('submitted', 'expire') },
      });
      return { expired: count };
    },

    /**
     * Adds files (already in the media library) to the partner's own deal: another partner's
     * deal is "not found", and a deal keeps at most MAX_DEAL_ATTACHMENTS files. Without
     * `fileIds` it only checks that `adding` more fit, so the caller refuses before it stores.
     */
    attach: (
      partnerId: number,
      documentId: string,
      fileIds: readonly number[],
      adding = fileIds.length
    ) =>
      strapi.db.transaction(async () => {
        const row: RawRow | null = await deals().findOne({
          where: { documentId, partner: { id: partnerId } },
          select: ['id'],
        });
        if (!row) throw new errors.NotFoundError('deal not found');
        const id = Number(row.id);
        await lockRow(strapi, DEAL, id);
        const current: RawRow | null = await deals().findOne({
          where: { id },
          select: ['id'],
          populate: { attachments: { select: ['id'] } },
        });
        const kept = fileIdsOf(current?.attachments);
        if (kept.length + adding > MAX_DEAL_ATTACHMENTS) {
          throw new errors.ValidationError(
            `files: a deal registration keeps at most ${MAX_DEAL_ATTACHMENTS} files (it has ${kept.length})`
          );
        }
        if (fileIds.length) {
          await deals().update({
            where: { id },
            data: { attachments: [...kept, ...fileIds] },
          });
        }
        return id;
      }),

    /**
     * A partner's deal registration from the portal, `submitted` until an editor decides it; its
     * id. The program is one the partner is approved in (the portal scope checked it).
     */
    register: (partnerId: number, programId: number, input: CreateDealInput, now: Date) =>
      strapi.db.transaction(async () => {
        await lockRow(strapi, PROGRAM, programId);
        const keys = dealCustomerKeys(input);
        const claims: RawRow[] = await deals().findMany({
          where: openClaimsWhere(programId, keys, now),
          select: ['id'],
          populate: { partner: { select: ['id'] } },
        });
        if (claims.some((claim) => idOf(claim.partner) === partnerId))
          throw new errors.ValidationError(DEAL_DUPLICATE_MESSAGE);
        if (claims.length > 0) {
          const program: RawRow | null = await strapi.db
            .query(PROGRAM)
            .findOne({ where: { id: programId }, select: ['dealConflicts'] });
          if (program?.dealConflicts !== 'hold')
            throw new errors.ValidationError(DEAL_TAKEN_MESSAGE);
        }
        const created: RawRow = await deals().create({
          data: {
            partner: partnerId,
            program: programId,
            company: input.company,
            companyKey: keys.companyKey,
            domain: keys.domain,
            contactName: input.contactName,
            contactEmail: keys.email,
            estimatedValue: input.estimatedValue,
            currency: input.currency,
            expectedCloseAt: input.expectedCloseAt ?? null,
            state: 'submitted',
            held: claims.length > 0,
            expiresAt: addDays(now.toISOString(), DEAL_TTL_DAYS),
          },
        });
        return Number(created.id);
      }),
  };
};

export type DealsService = ReturnType<typeof createDealsService>;
export default createDealsService;
