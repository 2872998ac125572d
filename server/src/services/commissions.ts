import type { Core } from '@strapi/strapi';
import {
  calculateQualifiedCustomerCommissions,
  calculateSaleCommissions,
  parseEngineProgram,
  reconcileOrderCommissions,
  type CommissionDraft,
  type EngineProgram,
  type LedgerEntry,
  type ReconcileAction,
} from '../../../plugin/commissions';
import { uid } from '../../../plugin/model';
import { addDays } from '../../../plugin/time';
import { isUniqueViolation } from '../database';
import { getService } from '../plugin-context';

const COMMISSION = uid('commission');
const ORDER = uid('order');
const PROGRAM = uid('program');
const REFERRAL = uid('referral');

const idOf = (relation: unknown): number | null =>
  relation && typeof relation === 'object' && 'id' in relation ? Number(relation.id) : null;
const iso = (value: string | Date | null | undefined) =>
  value ? new Date(value).toISOString() : null;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const toLedgerEntry = (row: Row): LedgerEntry => ({
  idempotencyKey: row.idempotencyKey,
  partnerId: idOf(row.partner) ?? 0,
  programId: idOf(row.program) ?? 0,
  level: row.level,
  kind: row.kind,
  amount: row.amount,
  currency: row.currency,
  status: row.status,
  availableAt: iso(row.availableAt),
  basisAmount: row.basisAmount,
  rate: row.rate,
  referralId: idOf(row.referral),
});

/**
 * The commission ledger (SPEC §5): turns an order's state into signed entries through the pure
 * engine in plugin/, writes them once (the unique `idempotencyKey` is the guarantee), and runs the
 * approval and qualification jobs. Callers hold the order's row lock inside a transaction.
 */
const createCommissionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const ledger = () => strapi.db.query(COMMISSION);

  const entriesOfOrder = async (orderId: number) =>
    ledger().findMany({
      where: { order: { id: orderId } },
      populate: {
        partner: { select: ['id'] },
        program: { select: ['id'] },
        referral: { select: ['id'] },
      },
    });

  const enginePartner = async (partnerId: number) => {
    const partner = await strapi.db.query(uid('partner')).findOne({
      where: { id: partnerId },
      populate: { users: { select: ['email'] }, referredBy: { select: ['id'] } },
    });
    if (!partner) return null;
    return {
      engine: {
        id: partner.id,
        status: partner.status,
        email: partner.email,
        userEmails: (partner.users ?? []).map((user: Row) => user.email),
      },
      parentId: idOf(partner.referredBy),
    };
  };

  const engineEnrollment = async (partnerId: number, programId: number) => {
    const enrollment = await strapi.db.query(uid('enrollment')).findOne({
      where: { partner: { id: partnerId }, program: { id: programId } },
    });
    return enrollment
      ? { status: enrollment.status, commissionOverride: enrollment.commissionOverride ?? null }
      : null;
  };

  /** The partner's value of the program's tier metric when the order is evaluated (SPEC §5.4). */
  const tierMetricValue = async (program: EngineProgram, partnerId: number, at: string) =>
    getService('analytics', { strapi }).tierMetric(program, partnerId, at);

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
      tierMetricValue: program.tiers?.length
        ? await tierMetricValue(program, partnerId, paidAt)
        : 0,
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
    const partner = await enginePartner(attribution.partnerId);
    if (!partner)
      return { drafts: [], ineligibleReason: 'not-enrolled: the partner no longer exists' };
    const parentPartner = partner.parentId ? await enginePartner(partner.parentId) : null;
    const result = calculateSaleCommissions({
      program,
      partner: partner.engine,
      enrollment: await engineEnrollment(attribution.partnerId, program.id as number),
      parent: parentPartner
        ? {
            partner: parentPartner.engine,
            enrollment: await engineEnrollment(parentPartner.engine.id, program.id as number),
          }
        : null,
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

  /** Writes the reconciler's actions; returns the entries it created. */
  const apply = async (
    orderId: number | null,
    actions: readonly ReconcileAction[],
    asOf: string
  ) => {
    const created: Row[] = [];
    const idByKey = new Map<string, number>();
    for (const action of actions) {
      if (action.type === 'reverse') {
        await ledger().updateMany({
          where: { idempotencyKey: action.idempotencyKey, status: action.from },
          data: { status: 'reversed', note: action.note },
        });
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
    }
    return created;
  };

  return {
    entriesOfOrder,

    /**
     * Brings an order's ledger to what its stored state is worth (SPEC §5.7): attribution, the
     * engine's drafts while it earns, reversals and clawbacks after refunds and lost disputes.
     * Idempotent; the caller holds the order's lock inside a transaction.
     */
    async settleOrder(orderId: number, asOf = new Date().toISOString()) {
      const order = await strapi.db.query(ORDER).findOne({
        where: { id: orderId },
        populate: {
          partner: { select: ['id'] },
          program: { select: ['id'] },
          referral: { select: ['id'] },
        },
      });
      if (!order) return { created: [] as Row[] };
      const attributionService = getService('attribution', { strapi });
      const partnerId = idOf(order.partner);
      const programId = idOf(order.program);
      const attribution =
        partnerId && programId
          ? await attributionService.attributeExplicit(partnerId, programId, {
              ...order,
              referralId: idOf(order.referral),
            })
          : await attributionService.attributeOrder(order);
      if (!attribution) return { created: [] as Row[] };

      const isPaid = order.paidAt && !['pending', 'failed'].includes(order.status);
      if (isPaid)
        await attributionService.markConverted(attribution.referralId, iso(order.paidAt) as string);
      const evaluation = isPaid
        ? await evaluateSale(order, attribution)
        : { drafts: [], ineligibleReason: null };

      const actions = reconcileOrderCommissions({
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
        entries: (await entriesOfOrder(order.id)).map(toLedgerEntry),
        asOf,
      });
      const created = await apply(order.id, actions, asOf);
      await strapi.db.query(ORDER).update({
        where: { id: order.id },
        data: {
          partner: attribution.partnerId,
          program: attribution.programId,
          referral: attribution.referralId,
          ineligibleReason: evaluation.ineligibleReason,
        },
      });
      return { created };
    },

    /** Job: entries past their hold in `autoApprove` programs become approved (SPEC §5.7). */
    async approveDue(now = new Date().toISOString()) {
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
    },

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
          const partner = partnerId ? await enginePartner(partnerId) : null;
          if (!partner || !partnerId) continue;
          const totals = await getService('analytics', { strapi }).customerTotals(referral.id);
          const parent = partner.parentId ? await enginePartner(partner.parentId) : null;
          const result = calculateQualifiedCustomerCommissions(
            {
              program,
              partner: partner.engine,
              enrollment: await engineEnrollment(partnerId, row.id),
              parent: parent
                ? {
                    partner: parent.engine,
                    enrollment: await engineEnrollment(parent.engine.id, row.id),
                  }
                : null,
              referral: {
                id: referral.id,
                email: referral.email,
                status: referral.status,
                signedUpAt: iso(referral.signedUpAt),
                convertedAt: iso(referral.convertedAt),
                churnedAt: iso(referral.churnedAt),
              },
              facts: {
                attributedAt: iso(referral.createdAt),
                tierMetricValue: program.tiers?.length
                  ? await tierMetricValue(program, partnerId, now)
                  : 0,
              },
            },
            { asOf: now, ...totals }
          );
          if (!result.eligible) continue;
          try {
            await strapi.db.transaction(async () => {
              await apply(
                null,
                result.drafts.map((draft) => ({ type: 'create', draft })),
                now
              );
              await strapi.db
                .query(REFERRAL)
                .update({ where: { id: referral.id }, data: { qualifiedAt: now } });
            });
            granted += result.drafts.length;
          } catch (error) {
            // Another node granted it first: the unique key kept it to one entry.
            if (!isUniqueViolation(error)) throw error;
          }
        }
      }
      return { granted };
    },
  };
};

export type CommissionsService = ReturnType<typeof createCommissionsService>;
export default createCommissionsService;
