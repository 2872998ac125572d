import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { OrderInput, RefundInput } from '../../../plugin/contracts/orders';
import { formatMoney } from '../../../plugin/currency';
import type { OrderSource } from '../../../plugin/model';
import { uid } from '../../../plugin/model';
import {
  mergeOrderEvent,
  orderStatusOf,
  type OrderEvent,
  type OrderPaymentState,
} from '../../../plugin/orders';
import { isUniqueViolation, lockRow, moneyTransaction, toOneRelationIds } from '../database';
import { getService } from '../plugin-context';

const ORDER = uid('order');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface StoredRefund {
  id: string;
  amount: number;
  at: string;
}

const paymentState = (order: Row): OrderPaymentState => ({
  amount: order.amount,
  paidAt: order.paidAt ? new Date(order.paidAt).toISOString() : null,
  failed: order.status === 'failed',
  refundedAmount: order.refundedAmount ?? 0,
  dispute: order.dispute ?? 'none',
});

/** The stored columns that follow from a payment state. */
const paymentColumns = (state: OrderPaymentState) => ({
  status: orderStatusOf(state),
  paidAt: state.paidAt,
  refundedAmount: state.refundedAmount,
  dispute: state.dispute,
});

/** Descriptive fields a replay may fill in or correct; money fields are not among them. */
const describe = (input: OrderInput) => ({
  items: input.items ?? undefined,
  customerEmail: input.customerEmail?.toLowerCase(),
  customerName: input.customerName,
  customerExternalId: input.customerExternalId,
  referralCode: input.referralCode,
  couponCode: input.couponCode,
  visitorId: input.visitorId,
  paidByPartner: input.paidByPartner,
  subscriptionId: input.subscriptionId,
  paymentReference: input.paymentReference,
  failureReason: input.failureReason,
});

const eventsOf = (input: OrderInput): OrderEvent[] => {
  if (input.status === 'paid') return [{ type: 'paid', paidAt: input.paidAt ?? new Date() }];
  if (input.status === 'failed') return [{ type: 'failed' }];
  return [];
};

/**
 * Orders in (SPEC §7): upsert by `externalId`, refunds, and settlement of the commission ledger
 * in the same transaction. Concurrent deliveries of one order take turns on its row lock, so
 * each ledger entry is written once; the unique keys in the database back that up.
 */
const createOrdersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const orders = () => strapi.db.query(ORDER);

  /** Creates the pending row of a new order. Racing creators: one insert wins, all get its id. */
  const ensureOrder = async (input: OrderInput, source: OrderSource) => {
    try {
      const row = await orders().create({
        data: {
          externalId: input.externalId,
          amount: input.amount,
          currency: input.currency,
          status: 'pending',
          refundedAmount: 0,
          source,
          ...describe(input),
        },
      });
      return { id: row.id as number, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const row = await orders().findOne({
        where: { externalId: input.externalId },
        select: ['id'],
      });
      return { id: row.id as number, created: false };
    }
  };

  /** Runs `work` with the order locked, then settles its ledger, all in one transaction. */
  const withLockedOrder = (id: number, work: (order: Row) => Promise<void>) =>
    moneyTransaction(strapi, async () => {
      await lockRow(strapi, ORDER, id);
      const order = await orders().findOne({ where: { id } });
      await work(order);
      return getService('commissions', { strapi }).settleOrder(id);
    });

  /** The order as the site sees it, with its ledger entries. */
  const view = async (id: number) => {
    const order = await orders().findOne({ where: { id } });
    const related = await toOneRelationIds(strapi, ORDER, id, ['partner', 'program']);
    const partner = related.partner
      ? await strapi.db.query(uid('partner')).findOne({
          where: { id: related.partner },
          select: ['documentId', 'name'],
        })
      : null;
    const program = related.program
      ? await strapi.db.query(uid('program')).findOne({
          where: { id: related.program },
          select: ['documentId', 'name', 'slug'],
        })
      : null;
    const commissions = await getService('commissions', { strapi }).entriesOfOrder(id);
    return { ...order, partner, program, commissions };
  };

  /** The stored order this input is about: by `externalId`, or an alias a payment event names. */
  const findExisting = async (input: OrderInput, aliases: readonly string[]) => {
    const ids = [input.externalId, ...aliases];
    const existing = await orders().findOne({
      where: { $or: [{ externalId: { $in: ids } }, { paymentReference: { $in: ids } }] },
      select: ['id'],
    });
    return existing ? (existing.id as number) : null;
  };

  /**
   * Upserts an order and merges payment events into its state, then settles its ledger. With
   * `moneyIsAuthoritative` false (a refund or dispute naming a payment), an existing order keeps
   * its amount; otherwise a paid order's amount and currency cannot change.
   */
  const record = async (
    input: OrderInput,
    source: OrderSource,
    events: readonly OrderEvent[],
    options: { moneyIsAuthoritative: boolean; aliases?: readonly string[] }
  ) => {
    const existingId = await findExisting(input, options.aliases ?? []);
    const { id, created } = existingId
      ? { id: existingId, created: false }
      : await ensureOrder(input, source);
    await withLockedOrder(id, async (order) => {
      const moneyChanged = order.amount !== input.amount || order.currency !== input.currency;
      const useInputMoney = options.moneyIsAuthoritative || created || !order.paidAt;
      if (moneyChanged && useInputMoney && order.paidAt) {
        throw new errors.ValidationError(
          `Order "${input.externalId}" was recorded as ${formatMoney(order.amount, order.currency)}; its amount and currency cannot change once paid. Send a refund instead.`
        );
      }
      const money = useInputMoney
        ? { amount: input.amount, currency: input.currency }
        : { amount: order.amount, currency: order.currency };
      const state = events.reduce(mergeOrderEvent, {
        ...paymentState(order),
        amount: money.amount,
      });
      await orders().updateMany({
        where: { id },
        data: { ...money, ...describe(input), ...paymentColumns(state) },
      });
    });
    return { order: await view(id), created };
  };

  return {
    view,

    /** `POST /orders`: the site reports an order's state; its amount is authoritative. */
    ingest(input: OrderInput, source: OrderSource = 'api') {
      return record(input, source, eventsOf(input), { moneyIsAuthoritative: true });
    },

    record,

    /** A refund of `amount`; with a `refundId`, a replay of the same refund changes nothing. */
    async refund(externalId: string, input: RefundInput) {
      const existing = await orders().findOne({ where: { externalId }, select: ['id'] });
      if (!existing) throw new errors.NotFoundError(`No order with externalId "${externalId}"`);
      await withLockedOrder(existing.id, async (order) => {
        const refunds: StoredRefund[] = Array.isArray(order.refunds) ? order.refunds : [];
        if (input.refundId && refunds.some((refund) => refund.id === input.refundId)) return;
        if (!order.paidAt) {
          throw new errors.ValidationError(
            `Order "${externalId}" has not been paid; there is nothing to refund.`
          );
        }
        const refundable = order.amount - (order.refundedAmount ?? 0);
        if (input.amount > refundable) {
          throw new errors.ValidationError(
            `The refund of ${formatMoney(input.amount, order.currency)} exceeds what is left to refund on order "${externalId}" (${formatMoney(refundable, order.currency)}).`
          );
        }
        const state = mergeOrderEvent(paymentState(order), {
          type: 'refunded',
          refundedAmount: (order.refundedAmount ?? 0) + input.amount,
        });
        const refund = {
          id: input.refundId ?? `refund-${refunds.length + 1}`,
          amount: input.amount,
          at: new Date().toISOString(),
        };
        await orders().update({
          where: { id: order.id },
          data: { ...paymentColumns(state), refunds: [...refunds, refund] },
        });
      });
      return view(existing.id);
    },

    /**
     * An order written through the Document Service (admin, host code): fill in what its status
     * implies, then settle its ledger like any other order.
     */
    async settle(id: number) {
      await withLockedOrder(id, async (order) => {
        const fixes: Row = {};
        const paid = !['pending', 'failed'].includes(order.status);
        if (paid && !order.paidAt) fixes.paidAt = new Date().toISOString();
        if (order.status === 'refunded' && (order.refundedAmount ?? 0) < order.amount) {
          fixes.refundedAmount = order.amount;
        }
        if (Object.keys(fixes).length > 0) await orders().update({ where: { id }, data: fixes });
      });
    },
  };
};

export type OrdersService = ReturnType<typeof createOrdersService>;
export default createOrdersService;
