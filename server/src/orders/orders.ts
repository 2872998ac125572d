import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { OrderInput, RefundInput } from '../../../plugin/contracts/orders';
import type { OrderSource } from '../../../plugin/model';
import { uid } from '../../../plugin/model';
import {
  decideOrderMoney,
  decideRefund,
  impliedPaymentFields,
  mergeOrderEvent,
  orderStatusOf,
  reportedStatusEvents,
  type AppliedRefund,
  type OrderEvent,
  type OrderPaymentState,
} from '../../../plugin/orders';
import { isUniqueViolation, lockRow, moneyTransaction } from '../platform/database';
import { getService } from '../platform/plugin-context';
import { insertRow, type RawRow } from '../platform/rows';
import { announceAttribution } from './order-events';
import { toOrderRecord, type OrderChanges, type OrderRecord } from './order-record';

const ORDER = uid('order');

/** The columns a change sets; `undefined` means "leave as stored", as it does for the UPDATE. */
const definedOnly = (changes: OrderChanges): OrderChanges =>
  Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));

/** What a locked order's work changes on it; nothing for a replay. */
type OrderWork = (order: OrderRecord) => Promise<OrderChanges | void>;

const paymentState = (order: OrderRecord): OrderPaymentState => ({
  amount: order.amount,
  paidAt: order.paidAt ? new Date(order.paidAt).toISOString() : null,
  failed: order.state === 'failed',
  refundedAmount: order.refundedAmount ?? 0,
  dispute: order.dispute ?? 'none',
});

/** The stored columns that follow from a payment state. */
const paymentColumns = (state: OrderPaymentState) => ({
  state: orderStatusOf(state),
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

/**
 * Orders in (SPEC §7): upsert by `externalId`, refunds, and settlement of the commission ledger
 * in the same transaction. Concurrent deliveries of one order take turns on its row lock, so
 * each ledger entry is written once; the unique keys in the database back that up.
 */
const createOrdersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const orders = () => strapi.db.query(ORDER);

  /** The pending row of a new order, inside the caller's transaction (one INSERT). */
  const insertOrder = async (input: OrderInput, source: OrderSource) =>
    toOrderRecord(
      await insertRow(strapi, ORDER, {
        externalId: input.externalId,
        amount: input.amount,
        currency: input.currency,
        state: 'pending',
        refundedAmount: 0,
        source,
        ...describe(input),
      })
    );

  /**
   * Runs `work` with the order locked, settles its ledger, and writes what both changed on the
   * order in one UPDATE, all in one transaction; answers the order as stored. `work` returns the
   * columns it changes (nothing for a replay). This module is the order row's only writer.
   */
  const settleWith = async (
    stored: OrderRecord,
    work: OrderWork,
    { fresh = false }: { fresh?: boolean } = {}
  ): Promise<OrderRecord> => {
    const changes = definedOnly((await work(stored)) ?? {});
    const order: OrderRecord = { ...stored, ...changes };
    const { orderChanges } = await getService('commissions', { strapi }).settleOrder(order, {
      fresh,
    });
    const data = { ...changes, ...orderChanges };
    if (Object.keys(data).length > 0) {
      await orders().updateMany({ where: { id: stored.id }, data });
    }
    const settled: OrderRecord = { ...order, ...orderChanges };
    await announceAttribution(strapi, settled, stored.partnerId);
    return settled;
  };

  /** The order by id as stored (the caller holds its lock); 404 when there is no such row. */
  const findOrder = async (id: number) => {
    const row: RawRow | null = await orders().findOne({ where: { id } });
    if (!row) throw new errors.NotFoundError('No such order');
    return toOrderRecord(row);
  };

  const withLockedOrder = (id: number, work: OrderWork) =>
    moneyTransaction(strapi, async () => {
      await lockRow(strapi, ORDER, id);
      return settleWith(await findOrder(id), work);
    });

  /**
   * A new order: inserted, changed by `work` and settled in one transaction (the row is this
   * transaction's own until it commits). Null when another delivery inserted it first: the
   * caller goes on as for an existing order.
   */
  const withNewOrder = async (input: OrderInput, source: OrderSource, work: OrderWork) => {
    try {
      return await moneyTransaction(strapi, async () =>
        settleWith(await insertOrder(input, source), work, { fresh: true })
      );
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  };

  /** The order as the site sees it, with its partner, program and ledger entries. */
  const view = async (order: OrderRecord) => {
    const ledger = getService('commissions', { strapi });
    const references = await ledger.referencesOf(order);
    return { ...order, ...references, commissions: await ledger.entriesOfOrder(order.id) };
  };

  /** The order with its partner, program and entries, by id (404 when it is gone). */
  const viewById = async (id: number) => view(await findOrder(id));

  /** The stored order this input is about: by `externalId`, or an alias a payment event names. */
  const findExisting = async (input: OrderInput, aliases: readonly string[]) => {
    const ids = [input.externalId, ...aliases];
    const existing: { id: number } | null = await orders().findOne({
      where: { $or: [{ externalId: { $in: ids } }, { paymentReference: { $in: ids } }] },
      select: ['id'],
    });
    return existing ? existing.id : null;
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
    const apply = async (order: OrderRecord): Promise<OrderChanges> => {
      const decision = decideOrderMoney({
        externalId: input.externalId,
        stored: { amount: order.amount, currency: order.currency, paidAt: order.paidAt ?? null },
        reported: { amount: input.amount, currency: input.currency },
        authoritative: options.moneyIsAuthoritative,
      });
      if (decision.kind === 'reject') throw new errors.ValidationError(decision.reason);
      const money = { amount: decision.amount, currency: decision.currency };
      const state = events.reduce(mergeOrderEvent, {
        ...paymentState(order),
        amount: money.amount,
      });
      return { ...money, ...describe(input), ...paymentColumns(state) };
    };
    const aliases = options.aliases ?? [];
    const existingId = await findExisting(input, aliases);
    const fresh = existingId === null ? await withNewOrder(input, source, apply) : null;
    if (fresh) return { order: await view(fresh), created: true };
    const id = existingId ?? (await findExisting(input, aliases));
    if (id === null) throw new errors.ApplicationError(`Order "${input.externalId}" vanished`);
    return { order: await view(await withLockedOrder(id, apply)), created: false };
  };

  return {
    view: viewById,

    /** `POST /orders`: the site reports an order's state; its amount is authoritative. */
    ingest(input: OrderInput, source: OrderSource = 'api') {
      return record(input, source, reportedStatusEvents(input, new Date()), {
        moneyIsAuthoritative: true,
      });
    },

    record,

    /** A refund of `amount`; with a `refundId`, a replay of the same refund changes nothing. */
    async refund(externalId: string, input: RefundInput) {
      const existing: { id: number } | null = await orders().findOne({
        where: { externalId },
        select: ['id'],
      });
      if (!existing) throw new errors.NotFoundError(`No order with externalId "${externalId}"`);
      const order = await withLockedOrder(existing.id, async (order) => {
        const refunds: readonly AppliedRefund[] = Array.isArray(order.refunds) ? order.refunds : [];
        const decision = decideRefund(
          {
            externalId,
            amount: order.amount,
            currency: order.currency,
            paidAt: order.paidAt ?? null,
            refundedAmount: order.refundedAmount ?? 0,
            refunds,
          },
          input,
          new Date()
        );
        if (decision.kind === 'replay') return;
        if (decision.kind === 'reject') throw new errors.ValidationError(decision.reason);
        const state = mergeOrderEvent(paymentState(order), {
          type: 'refunded',
          refundedAmount: decision.refundedAmount,
        });
        return { ...paymentColumns(state), refunds: [...refunds, decision.refund] };
      });
      return view(order);
    },

    /**
     * An order written through the Document Service (admin, host code): fill in what its state
     * implies, then settle its ledger like any other order.
     */
    async settle(id: number) {
      await withLockedOrder(id, async (order) => {
        const fixes = impliedPaymentFields(
          {
            state: order.state,
            amount: order.amount,
            paidAt: order.paidAt ?? null,
            refundedAmount: order.refundedAmount ?? null,
          },
          new Date()
        );
        return fixes;
      });
    },
  };
};

export type OrdersService = ReturnType<typeof createOrdersService>;

/** An order as the service answers it: the record, its partner and program, its entries. */
export type OrderView = Awaited<ReturnType<OrdersService['view']>>;
export default createOrdersService;
