import type { Core } from '@strapi/strapi';
import {
  calculateSaleCommissions,
  type CommissionDraft,
  type EngineProgram,
} from '../../../plugin/commissions';
import { uid, type CommissionStatus } from '../../../plugin/model';
import { isPaidOrder, PAID_ORDER_STATUSES } from '../../../plugin/orders';
import { moneyTransaction } from '../platform/database';
import { unknownCodeReason } from '../../../plugin/tracking';
import { reconcileLedger } from './reconcile-ledger';
import { decideEntries } from './review-entries';
import { announceLedgerChanges } from './commission-events';
import { screenDrafts } from './fraud-screening';
import { createBounties, type ApplyActions } from './bounties';
import { toCommissionRecord } from './commission-record';
import { createLedgerRepository } from './ledger-repository';
import { createEngineInputs, engineProgramOf } from './engine-inputs';
import type { OrderAttribution } from '../attribution/attribution';
import { getService } from '../platform/plugin-context';
import { iso, type RawRow } from '../platform/rows';
import { payoutsOfEntries } from '../payouts/payout-lines';
import type { OrderRecord } from '../orders/order-record';

const COMMISSION = uid('commission');
const ORDER = uid('order');
const PROGRAM = uid('program');

/** An order as settling reads it: its record, with the changes of the caller's write. */
export type StoredOrder = OrderRecord;

/**
 * What settling an order wrote to the ledger, and what the order row should now say (its
 * partner, program, referral and ineligible reason): the orders module writes the order.
 */
export interface Settlement {
  /** The ids of the entries written. */
  created: number[];
  orderChanges: Partial<
    Record<'partnerId' | 'programId' | 'referralId', number> & { ineligibleReason: string | null }
  >;
}

/**
 * The commission ledger (SPEC §5): turns an order's state into signed entries through the pure
 * engine in plugin/, writes them once (the unique `idempotencyKey` is the guarantee), and runs the
 * approval and qualification jobs. Callers hold the order's row lock inside a transaction.
 */
const createCommissionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const ledger = () => strapi.db.query(COMMISSION);
  const repository = createLedgerRepository(strapi);

  /**
   * An order's entries, oldest first, level 1 before level 2 (host code reads them too), each
   * with the payout that owns it. Pending entries are in no payout: a fresh order's answer skips
   * the look-up.
   */
  const entriesOfOrder = async (orderId: number) => {
    const rows: RawRow[] = await ledger().findMany({
      where: { orderId },
      orderBy: [{ level: 'asc' }, { id: 'asc' }],
    });
    const owners = rows.some((row) => row.state !== 'pending')
      ? await payoutsOfEntries(strapi, { orderId })
      : new Map<number, number>();
    return rows.map((row) => toCommissionRecord(row, owners.get(Number(row.id)) ?? null));
  };

  const inputs = createEngineInputs(strapi);

  const saleFacts = async (
    order: StoredOrder,
    attribution: OrderAttribution,
    program: EngineProgram
  ) => {
    const { referralId, attributedAt, partnerId } = attribution;
    const paidAt = iso(order.paidAt) as string;
    // A referral made by this very order has no other orders yet.
    const earlier: { paidAt: string } | null = attribution.newReferral
      ? null
      : await strapi.db.query(ORDER).findOne({
          where: {
            referralId,
            id: { $ne: order.id },
            paidAt: { $notNull: true, $lt: paidAt },
            state: { $in: PAID_ORDER_STATUSES },
          },
          orderBy: { paidAt: 'asc' },
          select: ['paidAt'],
        });
    const newCustomersOnly = Boolean(program.eligibility?.newCustomersOnly);
    const paidBefore =
      newCustomersOnly &&
      (await strapi.db.query(ORDER).count({
        where: {
          id: { $ne: order.id },
          paidAt: { $notNull: true, $lt: attributedAt },
          state: { $in: PAID_ORDER_STATUSES },
          $or: [
            ...(order.customerExternalId ? [{ customerExternalId: order.customerExternalId }] : []),
            ...(order.customerEmail ? [{ customerEmail: order.customerEmail }] : []),
          ],
        },
      })) > 0;
    return {
      isFirstPaidOrder: !earlier,
      customerFirstPaidAt: earlier ? iso(earlier.paidAt) : paidAt,
      customerPaidBeforeAttribution: paidBefore,
      attributedAt,
      tierMetricValue: await inputs.tierMetricValue(program, partnerId, paidAt),
    };
  };

  /** What the engine pays for a paid, attributed order; or why it pays nothing. */
  const evaluateSale = async (
    order: StoredOrder,
    attribution: OrderAttribution
  ): Promise<{ drafts: CommissionDraft[]; ineligibleReason: string | null }> => {
    const parsed = engineProgramOf(await inputs.program(attribution.programId));
    if (!parsed.valid) return { drafts: [], ineligibleReason: parsed.ineligibleReason };
    const program = parsed.program;
    const participants = await inputs.participants(attribution.partnerId, attribution.programId);
    if (!participants)
      return { drafts: [], ineligibleReason: 'not-enrolled: the partner no longer exists' };
    const result = calculateSaleCommissions({
      program,
      ...participants,
      order: {
        id: order.id,
        externalId: order.externalId,
        referralId: attribution.referralId,
        amount: order.amount,
        currency: order.currency,
        items: order.items,
        paidAt: iso(order.paidAt),
        customerEmail: order.customerEmail,
        paidByPartner: order.paidByPartner,
      },
      facts: await saleFacts(order, attribution, program),
    });
    if (!result.eligible) return { drafts: [], ineligibleReason: result.ineligibleReason };
    const drafts = await screenDrafts(strapi, {
      program,
      partner: participants.partner,
      customer: { email: order.customerEmail, name: order.customerName },
      attribution,
      drafts: result.drafts,
    });
    return { drafts, ineligibleReason: null };
  };

  /**
   * Writes the reconciler's actions; returns the ids of the entries it created. Events and e-mails about
   * them follow the commit (see announceLedgerChanges).
   */
  const apply: ApplyActions = async (orderId, actions, asOf) => {
    const createdIds: number[] = [];
    const reversedIds: number[] = [];
    const idByKey = new Map<string, number>();
    for (const action of actions) {
      if (action.type === 'reverse') {
        const reversed = await repository.reverse(
          action.idempotencyKey,
          action.from,
          action.note,
          asOf
        );
        if (reversed !== null) reversedIds.push(reversed);
        continue;
      }
      const { draft } = action;
      const sourceCommissionId = draft.sourceKey
        ? (idByKey.get(draft.sourceKey) ?? (await repository.idOfKey(draft.sourceKey)))
        : null;
      const id = await repository.insert(draft, { orderId, sourceCommissionId }, asOf);
      idByKey.set(draft.idempotencyKey, id);
      createdIds.push(id);
    }
    await announceLedgerChanges(strapi, { createdIds, reversedIds }, inputs.program);
    return createdIds;
  };

  const bounties = createBounties(strapi, { inputs, apply });

  return {
    /** An order's entries (by the order's id), for host code and the site's answers. */
    entriesOfOrder,

    /** What the site's answer shows of an order's partner and program (cached per node). */
    async referencesOf(order: { partnerId?: number | null; programId?: number | null }) {
      const program = order.programId ? await inputs.program(order.programId) : null;
      return {
        partner: order.partnerId ? await inputs.partnerRef(order.partnerId) : null,
        program: program
          ? { documentId: program.documentId, name: program.name, slug: program.slug }
          : null,
      };
    },

    /** A partner's entries (by the partner's id), newest first, optionally in one state. */
    entriesOfPartner: async (partnerId: number, options: { state?: CommissionStatus } = {}) => {
      const [rows, owners] = await Promise.all([
        ledger().findMany({
          where: { partnerId, ...(options.state ? { state: options.state } : {}) },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }) as Promise<RawRow[]>,
        payoutsOfEntries(strapi, { partnerId }),
      ]);
      return rows.map((row) => toCommissionRecord(row, owners.get(Number(row.id)) ?? null));
    },

    /**
     * Brings an order's ledger to what its stored state is worth (SPEC §5.7): attribution, the
     * engine's drafts while it earns, reversals and clawbacks after refunds and lost disputes.
     * Idempotent; the caller holds the order's lock inside a transaction.
     */
    async settleOrder(
      order: StoredOrder,
      { asOf = new Date().toISOString(), fresh = false }: { asOf?: string; fresh?: boolean } = {}
    ): Promise<Settlement> {
      const attributionService = getService('attribution', { strapi });
      const attribution =
        order.partnerId && order.programId
          ? await attributionService.attributeExplicit(order.partnerId, order.programId, order)
          : await attributionService.attributeOrder(order);
      if (!attribution) {
        // Codes are tried first, so an order that named any and found no partner named none of a
        // live link: unknown codes, or links that were disabled.
        const ineligibleReason = unknownCodeReason(
          order,
          await attributionService.disabledCodes(order)
        );
        const changed = (order.ineligibleReason ?? null) !== ineligibleReason;
        return { created: [], orderChanges: changed ? { ineligibleReason } : {} };
      }

      const isPaid = isPaidOrder(order);
      if (isPaid)
        await attributionService.markConverted(attribution.referralId, iso(order.paidAt) as string);
      const evaluation = isPaid
        ? await evaluateSale(order, attribution)
        : { drafts: [], ineligibleReason: null };

      const actions = await reconcileLedger(
        strapi,
        {
          order: {
            id: order.id,
            externalId: order.externalId,
            amount: order.amount,
            currency: order.currency,
            state: order.state,
            refundedAmount: order.refundedAmount ?? 0,
            dispute: order.dispute === 'none' ? null : order.dispute,
          },
          drafts: evaluation.drafts,
          asOf,
        },
        order.id,
        { fresh }
      );
      const created = await apply(order.id, actions, asOf);
      const settled = {
        partnerId: attribution.partnerId,
        programId: attribution.programId,
        referralId: attribution.referralId,
        ineligibleReason: evaluation.ineligibleReason,
      };
      const orderChanges: Settlement['orderChanges'] = Object.fromEntries(
        (Object.keys(settled) as Array<keyof typeof settled>)
          .filter((key) => order[key] !== settled[key])
          .map((key) => [key, settled[key]])
      );
      return { created, orderChanges };
    },

    /** Job: entries past their hold in `autoApprove` programs become approved (SPEC §5.7). */
    approveDue: (now = new Date().toISOString()) =>
      moneyTransaction(strapi, async () => {
        const programs: Array<{ id: number }> = await strapi.db.query(PROGRAM).findMany({
          where: { autoApprove: true },
          select: ['id'],
        });
        if (programs.length === 0) return { approved: 0 };
        // Level-2 entries due now are approved with or after their source, never ahead of it.
        const { selected, carried } = await decideEntries(
          strapi,
          repository,
          'approve',
          {
            state: 'pending',
            availableAt: { $lte: now },
            programId: { $in: programs.map((program) => program.id) },
          },
          { state: 'approved', approvedAt: now }
        );
        return { approved: selected + carried };
      }),

    /** Job: one bounty per referred customer still active `qualificationDays` after converting. */
    grantQualifiedBounties: bounties.grantQualifiedBounties,

    /** SPEC §5.1, `signup` programs: the bounty of a referral that signed up, exactly once. */
    grantSignupBounty: bounties.grantSignupBounty,
  };
};

export type CommissionsService = ReturnType<typeof createCommissionsService>;
export default createCommissionsService;
