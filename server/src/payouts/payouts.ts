import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  ExportPayoutEntriesQuery,
  ExportPayoutsQuery,
  ExportPaypalQuery,
  ListPayoutsQuery,
  PayoutMethod,
} from '../../../plugin/contracts/payouts';
import { uid } from '../../../plugin/model';
import { payoutPeriod, snapshotPayoutMethod } from '../../../plugin/payouts';
import { lockRow, moneyTransaction } from '../platform/database';
import { getPluginConfig, getService } from '../platform/plugin-context';
import { emitEvent } from '../platform/events';
import { createLedgerRepository } from '../ledger/ledger-repository';
import { statusPartnerProgramIdsWhere } from '../platform/list-filters';
import { rowsById, type RawRow } from '../platform/rows';
import { createPayouts } from './create-payouts';
import { entriesCsv, payoutsCsv, payoutWhere, paypalCsv } from './csv-exports';
import { createPayoutLedger, type PayoutChange, type PayoutLedger } from './payout-ledger';
import { toPayoutRecord, type PayoutRecord } from './payout-record';
import { payoutEvent, periodOf, toPayoutView, type Payee } from './payout-view';
import { createTransfer, isDefinitiveStripeError, stripeClient } from './stripe-transfer';

const PARTNER = uid('partner');
const PAYOUT = uid('payout');

/** Stripe keeps an idempotency key for 24 hours; after that a retry could pay twice. */
const STRIPE_RETRY_WINDOW_MS = 23 * 3_600_000;

const PAYEE_FIELDS = ['documentId', 'name', 'email'];

/** A partner row selected with `PAYEE_FIELDS`. */
const toPayee = (row: RawRow): Payee => ({
  documentId: String(row.documentId),
  name: String(row.name),
  email: String(row.email),
});

/** The payee of a payout about to be sent: its payout method stands in for the payout's own. */
interface PayeeWithMethod extends Payee {
  payoutMethod: unknown;
}

/**
 * Payouts (SPEC §10): the monthly run, marking payouts paid or failed, sending them through
 * Stripe Connect or as account credit, and the exports. Money moves once: a payout is unique per
 * partner, currency and period in the database, an entry belongs to one payout, and a Stripe
 * transfer carries an idempotency key derived from its payout.
 *
 * Events on `strapi.eventHub` (after the transaction commits): `partners.payout.created`,
 * `partners.payout.paid`, `partners.payout.failed`, and `partners.payout.credit` for a host that
 * pays account credit (its listener runs before the payout is marked paid; if it throws, the
 * payout stays `processing` and can be sent again).
 */
const createPayoutsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let ledgerInstance: PayoutLedger | null = null;
  const ledger = () => (ledgerInstance ??= createPayoutLedger(strapi));
  const payouts = () => strapi.db.query(PAYOUT);
  const entries = createLedgerRepository(strapi);

  const emit = (event: string, payload: unknown) => emitEvent(strapi, event, payload);

  /** Payout rows as records, each with the partner it pays (`fields` of it), in one query. */
  const withPayees = async <P extends Payee>(
    rows: readonly RawRow[],
    fields: readonly string[],
    parse: (row: RawRow) => P
  ) => {
    const records = rows.map(toPayoutRecord);
    const payees = await rowsById(
      strapi,
      PARTNER,
      records.map((payout) => payout.partnerId),
      fields,
      parse
    );
    return records.map((payout) => ({ ...payout, partner: payees.get(payout.partnerId) ?? null }));
  };

  const find = async (documentId: string) => {
    const payout: RawRow | null = await payouts().findOne({ where: { documentId } });
    if (!payout) throw new errors.NotFoundError(`No payout "${documentId}"`);
    const [joined] = await withPayees(
      [payout],
      [...PAYEE_FIELDS, 'payoutMethod'],
      (row): PayeeWithMethod => ({ ...toPayee(row), payoutMethod: row.payoutMethod })
    );
    return joined;
  };

  /** Runs `change` on a payout under its row lock; answers the payout as it is afterwards. */
  const withLockedPayout = async (
    documentId: string,
    change: (payout: PayoutRecord) => Promise<PayoutChange | null>
  ): Promise<{ payout: PayoutRecord; changed: boolean }> => {
    const { id } = await find(documentId);
    return moneyTransaction(strapi, async () => {
      await lockRow(strapi, PAYOUT, id);
      const payout = toPayoutRecord(await payouts().findOne({ where: { id } }));
      const data = await change(payout);
      if (!data) return { payout, changed: false };
      return { payout: await ledger().updatePayout(id, data), changed: true };
    });
  };

  const assertOpen = (payout: PayoutRecord, action: string) => {
    if (payout.state !== 'pending' && payout.state !== 'processing') {
      throw new errors.ValidationError(
        `Payout "${payout.documentId}" is ${payout.state}; only a pending or processing payout can be ${action}.`
      );
    }
  };

  const afterChange = async (event: 'paid' | 'failed', documentId: string) => {
    const payout = await find(documentId);
    await emit(`partners.payout.${event}`, payoutEvent(payout, payout.partnerId));
    if (event === 'paid') {
      // E-mail is best effort and must not hold the request: failures are logged.
      void getService('notifications', { strapi })
        .payoutSent(payout.id)
        .catch((error: Error) =>
          strapi.log.warn(`[partners] payout e-mail not sent: ${error.message}`)
        );
    }
    return toPayoutView(payout);
  };

  const markPaid = async (documentId: string, reference: string, at = new Date()) => {
    const { changed } = await withLockedPayout(documentId, async (payout) => {
      if (payout.state === 'paid' && payout.reference === reference) return null;
      assertOpen(payout, 'marked paid');
      const paidAt = at.toISOString();
      const { paid, held } = await entries.markPaid(payout.id, paidAt);
      if (paid < held) {
        // Reversed or rejected after the run: the payout's amount still counts them.
        strapi.log.warn(
          `[partners] payout ${payout.documentId}: ${held - paid} of its entries were no longer approved when it was paid`
        );
      }
      return { state: 'paid', reference, paidAt, failureReason: null };
    });
    return changed ? afterChange('paid', documentId) : toPayoutView(await find(documentId));
  };

  const markFailed = async (documentId: string, reason: string) => {
    const { changed } = await withLockedPayout(documentId, async (payout) => {
      if (payout.state === 'failed' && payout.failureReason === reason) return null;
      assertOpen(payout, 'marked failed');
      await ledger().release(payout.id);
      return { state: 'failed', failureReason: reason };
    });
    return changed ? afterChange('failed', documentId) : toPayoutView(await find(documentId));
  };

  /** pending → processing before money moves; a processing payout may be sent again. */
  const claimForSending = (documentId: string, method: PayoutMethod) =>
    withLockedPayout(documentId, async (payout) => {
      assertOpen(payout, 'sent');
      if (payout.state === 'processing') {
        const since = new Date(payout.updatedAt ?? 0).getTime();
        if (method.type === 'stripe' && Date.now() - since > STRIPE_RETRY_WINDOW_MS) {
          throw new errors.ValidationError(
            `Payout "${documentId}" has been processing since ${new Date(since).toISOString()}. Look for Stripe transfer group partners_payout_${documentId}, then mark it paid or failed.`
          );
        }
        return null;
      }
      return { state: 'processing', method };
    });

  const sendStripe = async (payout: PayoutRecord, accountId: string) => {
    const client = stripeClient(getPluginConfig({ strapi }).stripe);
    const transferable = {
      documentId: payout.documentId,
      amount: payout.amount,
      currency: payout.currency,
      idempotencyKey: payout.idempotencyKey,
      period: periodOf(payout),
    };
    let transferId: string;
    try {
      transferId = (await createTransfer(client, transferable, accountId)).id;
    } catch (error) {
      if (isDefinitiveStripeError(error)) {
        await markFailed(payout.documentId, `Stripe: ${(error as Error).message}`.slice(0, 500));
        throw new errors.ApplicationError(
          `Stripe refused the transfer (${(error as Error).message}); the payout is marked failed.`
        );
      }
      throw new errors.ApplicationError(
        `Stripe did not answer (${(error as Error).message}); the payout stays processing and can be sent again safely.`
      );
    }
    return markPaid(payout.documentId, transferId);
  };

  return {
    /**
     * The payout run of a month ("YYYY-MM", UTC): see `planPayoutRun` for the rules. Idempotent:
     * running a period again creates only what the first run did not (nothing, usually).
     */
    async run(period: string, now = new Date()) {
      const bounds = payoutPeriod(period);
      if (Date.parse(bounds.endsAt) > now.getTime()) {
        throw new errors.ValidationError(
          `${period} is not over yet; its payouts can run from ${bounds.endsAt}.`
        );
      }
      const scope = await ledger().scope(bounds.endsAt);
      const partnerIds = await ledger().payablePartnerIds(scope);
      const { created, carriedOver } = await createPayouts(
        strapi,
        ledger(),
        period,
        scope,
        partnerIds
      );
      const amounts: Record<string, number> = {};
      for (const payout of created) {
        amounts[payout.currency] = (amounts[payout.currency] ?? 0) + payout.amount;
        await emit('partners.payout.created', payoutEvent(payout, payout.partnerId));
      }
      return { period, cutOff: bounds.endsAt, created: created.length, amounts, carriedOver };
    },

    async list(query: ListPayoutsQuery) {
      const { results, pagination } = await payouts().findPage({
        where: {
          ...payoutWhere(query),
          ...(await statusPartnerProgramIdsWhere(strapi, { partner: query.partner })),
        },
        page: query.page,
        pageSize: query.pageSize,
        orderBy: [{ periodStart: 'desc' }, { id: 'desc' }],
      });
      const joined = await withPayees(results, PAYEE_FIELDS, toPayee);
      return { results: joined.map(toPayoutView), pagination };
    },

    /** A payout and the ledger entries it pays. */
    async view(documentId: string) {
      const payout = await find(documentId);
      return { ...toPayoutView(payout), entries: await ledger().entriesOf(payout.id) };
    },

    markPaid,
    markFailed,

    /**
     * Sends a payout the plugin can send itself: a Stripe Connect transfer, or account credit
     * reported to the host (`partners.payout.credit`). PayPal and bank payouts are paid outside
     * (the PayPal Payouts CSV, a bank file) and then marked paid.
     */
    async send(documentId: string) {
      const payout = await find(documentId);
      if (payout.state === 'paid') return toPayoutView(payout);
      const method = payout.method ?? snapshotPayoutMethod(payout.partner?.payoutMethod);
      if (method?.type !== 'stripe' && method?.type !== 'credit') {
        throw new errors.ValidationError(
          method
            ? `A ${method.type} payout is paid outside Strapi (the PayPal Payouts CSV, a bank transfer); mark it paid once it is.`
            : `The partner has no payout method yet; the payout waits until it has one.`
        );
      }
      await claimForSending(documentId, method);
      if (method.type === 'stripe') return sendStripe(payout, method.accountId);
      // The host credits the account; its listener must key the credit by the idempotency key.
      const claimed = await find(documentId);
      try {
        await strapi.eventHub.emit(
          'partners.payout.credit',
          payoutEvent(claimed, claimed.partnerId)
        );
      } catch (error) {
        throw new errors.ApplicationError(
          `The site's account-credit listener failed (${(error as Error).message}); the payout stays processing and can be sent again.`
        );
      }
      return markPaid(documentId, `credit:${documentId}`);
    },

    exportCsv: (query: ExportPayoutsQuery) => payoutsCsv(strapi, query),
    exportPaypal: (query: ExportPaypalQuery) => paypalCsv(strapi, query),
    exportEntries: (query: ExportPayoutEntriesQuery) => entriesCsv(strapi, query),
  };
};

export type PayoutsService = ReturnType<typeof createPayoutsService>;
export default createPayoutsService;
