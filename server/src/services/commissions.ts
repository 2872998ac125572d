import type { Core } from '@strapi/strapi';
import {
  calculateQualifiedCustomerCommissions,
  calculateSaleCommissions,
  calculateSignupCommissions,
  parseEngineProgram,
  type CommissionDraft,
  type CommissionResult,
  type EngineProgram,
  type ReconcileAction,
} from '../../../plugin/commissions';
import { uid } from '../../../plugin/model';
import { addDays } from '../../../plugin/time';
import {
  isUniqueViolation,
  moneyTransaction,
  setToOneRelations,
  toOneRelationIds,
} from '../database';
import { reconcileLedger } from '../commissions/reconcile-ledger';
import { announceLedgerChanges } from '../commissions/commission-events';
import { createEngineInputs, engineReferral } from '../engine-inputs';
import { getService } from '../plugin-context';
import { idOf, iso } from '../rows';

const COMMISSION = uid('commission');
const ORDER = uid('order');
const PROGRAM = uid('program');
const REFERRAL = uid('referral');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The commission ledger (SPEC §5): turns an order's state into signed entries through the pure
 * engine in plugin/, writes them once (the unique `idempotencyKey` is the guarantee), and runs the
 * approval and qualification jobs. Callers hold the order's row lock inside a transaction.
 */
const createCommissionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const ledger = () => strapi.db.query(COMMISSION);

  /** An order's entries, for answers to the site (relations are not needed there). */
  const entriesOfOrder = (orderId: number) =>
    ledger().findMany({
      where: { order: { id: orderId } },
      orderBy: [{ level: 'asc' }, { id: 'asc' }],
    });

  const inputs = createEngineInputs(strapi);

  const saleFacts = async (
    order: Row,
    referralId: number,
    attributedAt: string,
    program: EngineProgram,
    partnerId: number
  ) => {
    const paidAt = iso(order.paidAt) as string;
    const earlier = await strapi.db.query(ORDER).findOne({
      where: {
        referral: { id: referralId },
        id: { $ne: order.id },
        paidAt: { $notNull: true, $lt: paidAt },
        status: { $notIn: ['pending', 'failed'] },
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
    order: Row,
    attribution: { partnerId: number; programId: number; referralId: number; attributedAt: string }
  ): Promise<{ drafts: CommissionDraft[]; ineligibleReason: string | null }> => {
    const programRow = await strapi.db
      .query(PROGRAM)
      .findOne({ where: { id: attribution.programId } });
    const parsed = parseEngineProgram(programRow);
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
        items: order.items ?? null,
        paidAt: iso(order.paidAt),
        customerEmail: order.customerEmail ?? null,
        paidByPartner: order.paidByPartner ?? false,
      },
      facts: await saleFacts(
        order,
        attribution.referralId,
        attribution.attributedAt,
        program,
        attribution.partnerId
      ),
    });
    return result.eligible
      ? { drafts: result.drafts, ineligibleReason: null }
      : { drafts: [], ineligibleReason: result.ineligibleReason };
  };

  /**
   * Writes the reconciler's actions; returns the entries it created. Events and e-mails about
   * them follow the commit (see announceLedgerChanges).
   */
  const apply = async (
    orderId: number | null,
    actions: readonly ReconcileAction[],
    asOf: string
  ) => {
    const created: Row[] = [];
    const reversedIds: number[] = [];
    const announced: Row[] = [];
    const idByKey = new Map<string, number>();
    for (const action of actions) {
      if (action.type === 'reverse') {
        const entry = await ledger().findOne({
          where: { idempotencyKey: action.idempotencyKey, status: action.from },
          select: ['id'],
        });
        if (!entry) continue;
        const { count } = await ledger().updateMany({
          where: { id: entry.id, status: action.from },
          data: { status: 'reversed', note: action.note, reversedAt: asOf },
        });
        if (count > 0) reversedIds.push(entry.id);
        continue;
      }
      const { draft } = action;
      let sourceId: number | null = null;
      if (draft.sourceKey) {
        sourceId =
          idByKey.get(draft.sourceKey) ??
          (await ledger().findOne({ where: { idempotencyKey: draft.sourceKey }, select: ['id'] }))
            ?.id ??
          null;
      }
      const row = await ledger().create({
        data: {
          partner: draft.partnerId,
          program: draft.programId,
          order: orderId,
          referral: draft.referralId,
          sourceCommission: sourceId,
          level: draft.level,
          kind: draft.kind,
          basisAmount: draft.basisAmount,
          rate: draft.rate,
          amount: draft.amount,
          currency: draft.currency,
          status: draft.status,
          availableAt: draft.availableAt,
          approvedAt: draft.status === 'approved' ? asOf : null,
          explanation: draft.explanation,
          idempotencyKey: draft.idempotencyKey,
        },
      });
      idByKey.set(draft.idempotencyKey, row.id);
      created.push(row);
      announced.push({
        ...row,
        partner: { id: draft.partnerId },
        program: { id: draft.programId },
        order: orderId === null ? null : { id: orderId },
        referral: draft.referralId == null ? null : { id: draft.referralId },
      });
    }
    await announceLedgerChanges(strapi, { created: announced, reversedIds });
    return created;
  };

  /**
   * Writes a referral bounty's entries (and the referral's marker) in one transaction; 0 when
   * ineligible or already granted (another node or an earlier call hit the unique key first).
   */
  const writeBounty = async (
    result: CommissionResult,
    now: string,
    referralUpdate?: { id: number; data: Row }
  ) => {
    if (!result.eligible) return 0;
    try {
      await moneyTransaction(strapi, async () => {
        await apply(
          null,
          result.drafts.map((draft) => ({ type: 'create', draft })),
          now
        );
        if (referralUpdate)
          await strapi.db
            .query(REFERRAL)
            .update({ where: { id: referralUpdate.id }, data: referralUpdate.data });
      });
      return result.drafts.length;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return 0;
    }
  };

  return {
    entriesOfOrder,

    /**
     * Brings an order's ledger to what its stored state is worth (SPEC §5.7): attribution, the
     * engine's drafts while it earns, reversals and clawbacks after refunds and lost disputes.
     * Idempotent; the caller holds the order's lock inside a transaction.
     */
    async settleOrder(orderId: number, asOf = new Date().toISOString()) {
      const order = await strapi.db.query(ORDER).findOne({ where: { id: orderId } });
      if (!order) return { created: [] as Row[] };
      const current = await toOneRelationIds(strapi, ORDER, orderId, [
        'partner',
        'program',
        'referral',
      ]);
      const attributionService = getService('attribution', { strapi });
      const attribution =
        current.partner && current.program
          ? await attributionService.attributeExplicit(current.partner, current.program, {
              ...order,
              referralId: current.referral,
            })
          : await attributionService.attributeOrder(order);
      if (!attribution) return { created: [] as Row[] };

      const isPaid = order.paidAt && !['pending', 'failed'].includes(order.status);
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
            status: order.status,
            refundedAmount: order.refundedAmount ?? 0,
            dispute: order.dispute === 'none' ? null : order.dispute,
          },
          drafts: evaluation.drafts,
          asOf,
        },
        order.id
      );
      const created = await apply(order.id, actions, asOf);
      await setToOneRelations(strapi, ORDER, order.id, {
        partner: { from: current.partner, to: attribution.partnerId },
        program: { from: current.program, to: attribution.programId },
        referral: { from: current.referral, to: attribution.referralId },
      });
      if ((order.ineligibleReason ?? null) !== evaluation.ineligibleReason) {
        await strapi.db.query(ORDER).updateMany({
          where: { id: order.id },
          data: { ineligibleReason: evaluation.ineligibleReason },
        });
      }
      return { created };
    },

    /** Job: entries past their hold in `autoApprove` programs become approved (SPEC §5.7). */
    approveDue: (now = new Date().toISOString()) =>
      moneyTransaction(strapi, async () => {
        const programs = await strapi.db.query(PROGRAM).findMany({
          where: { autoApprove: true },
          select: ['id'],
        });
        if (programs.length === 0) return { approved: 0 };
        const due = await ledger().findMany({
          where: {
            status: 'pending',
            availableAt: { $lte: now },
            program: { id: { $in: programs.map((program) => program.id) } },
          },
          select: ['id'],
        });
        if (due.length === 0) return { approved: 0 };
        const { count } = await ledger().updateMany({
          where: { id: { $in: due.map((entry) => entry.id) }, status: 'pending' },
          data: { status: 'approved', approvedAt: now },
        });
        return { approved: count };
      }),

    /** Job: one bounty per referred customer still active `qualificationDays` after converting. */
    async grantQualifiedBounties(now = new Date().toISOString()) {
      const programs = await strapi.db.query(PROGRAM).findMany({
        where: { trigger: 'qualified-customer', status: 'active' },
      });
      let granted = 0;
      for (const row of programs) {
        const parsed = parseEngineProgram(row);
        if (!parsed.valid) continue;
        const program = parsed.program;
        const referrals = await strapi.db.query(REFERRAL).findMany({
          where: {
            program: { id: row.id },
            qualifiedAt: { $null: true },
            status: 'customer',
            convertedAt: { $lte: addDays(now, -program.qualificationDays) },
          },
          populate: { partner: { select: ['id'] } },
        });
        for (const referral of referrals) {
          const partnerId = idOf(referral.partner);
          const participants = partnerId ? await inputs.participants(partnerId, row.id) : null;
          if (!participants || !partnerId) continue;
          const totals = await getService('analytics', { strapi }).customerTotals(referral.id);
          const result = calculateQualifiedCustomerCommissions(
            {
              program,
              ...participants,
              referral: engineReferral(referral),
              facts: {
                attributedAt: iso(referral.createdAt),
                tierMetricValue: await inputs.tierMetricValue(program, partnerId, now),
              },
            },
            { asOf: now, ...totals }
          );
          granted += await writeBounty(result, now, {
            id: referral.id,
            data: { qualifiedAt: now },
          });
        }
      }
      return { granted };
    },

    /**
     * SPEC §5.1, `signup` programs: the bounty of a referral that signed up, through the engine.
     * Exactly once: a second call (a replayed signup, another node) meets the unique key.
     */
    async grantSignupBounty(referralId: number, attributedAt: string | null) {
      const referral = await strapi.db.query(REFERRAL).findOne({
        where: { id: referralId },
        populate: { partner: { select: ['id'] }, program: true },
      });
      const partnerId = idOf(referral?.partner);
      if (!referral?.program || referral.program.trigger !== 'signup' || !partnerId) {
        return { granted: 0 };
      }
      const parsed = parseEngineProgram(referral.program);
      if (!parsed.valid) return { granted: 0, ineligibleReason: parsed.ineligibleReason };
      const participants = await inputs.participants(partnerId, referral.program.id);
      if (!participants) return { granted: 0 };
      const now = new Date().toISOString();
      const result = calculateSignupCommissions({
        program: parsed.program,
        ...participants,
        referral: engineReferral(referral),
        facts: {
          attributedAt,
          tierMetricValue: await inputs.tierMetricValue(parsed.program, partnerId, now),
        },
      });
      if (!result.eligible) return { granted: 0, ineligibleReason: result.ineligibleReason };
      return { granted: await writeBounty(result, now) };
    },
  };
};

export type CommissionsService = ReturnType<typeof createCommissionsService>;
export default createCommissionsService;
