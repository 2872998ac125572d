import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Delivery } from '../../../plugin/contracts/notifications';
import type { PayoutMethodInput, SavedPayoutMethod } from '../../../plugin/contracts/portal';
import { uid } from '../../../plugin/model';
import { decidePayoutMethodRemoval } from '../../../plugin/partners';
import type { PortalPartner } from '../portal/is-partner';
import { lockRow } from '../platform/database';
import { getService } from '../platform/plugin-context';
import { seal } from '../platform/secrets';
import { portalPayoutMethodOf } from './partner-account';
import type { StoredPayoutMethod } from './partner-repository';
import { conflict } from './status-errors';

const PARTNER = uid('partner');
const USER = 'plugin::users-permissions.user';

/** One saved method in `partner.payoutMethods`; the active one is copied to `payoutMethod`. */
interface SavedMethod {
  id: string;
  addedAt: string | null;
  method: StoredPayoutMethod & { id?: string };
}

export const WRONG_PASSWORD_MESSAGE =
  'The password is not correct; the payout details are unchanged.';
export const ACTIVE_METHOD_MESSAGE =
  'This is your active payout method: make another method active before removing it.';

const parseJson = (value: unknown): unknown => {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
};

const newId = () => `pm_${randomBytes(8).toString('hex')}`;

/** How the notice names a method: never a full number. */
const describe = (method: StoredPayoutMethod) => {
  switch (method.type) {
    case 'paypal':
      return `PayPal (${method.email})`;
    case 'bank':
      return `the US bank account ending ${method.last4 ?? '…'}`;
    case 'stripe':
      return `the Stripe account ${method.accountId}`;
    case 'credit':
      return 'account credit';
  }
};

/**
 * A partner's payout methods (SPEC §8): several saved (PayPal, US bank, account credit, Stripe
 * Connect), exactly one active. The active one is also kept in `partner.payoutMethod`, the field
 * payout runs snapshot and the exports read, so they work as before. Every change asks for the
 * login's password again and e-mails the partner a notice; the answer says whether it went.
 * Bank numbers are sealed (platform/secrets.ts), only the last four kept in clear.
 */
const createPayoutMethodsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const load = async (partnerId: number) => {
    const row = await strapi.db.query(PARTNER).findOne({
      where: { id: partnerId },
      select: ['payoutMethods', 'payoutMethod'],
    });
    const saved = parseJson(row?.payoutMethods);
    const active = parseJson(row?.payoutMethod) as SavedMethod['method'] | null;
    const list: SavedMethod[] = Array.isArray(saved) ? (saved as SavedMethod[]) : [];
    // A method saved before there were several: it becomes the first saved one.
    if (list.length === 0 && active?.type)
      list.push({ id: active.id ?? 'pm_legacy', addedAt: null, method: active });
    const activeId = active?.type ? (active.id ?? list[0]?.id) : null;
    return { list, activeId };
  };

  const view = (list: SavedMethod[], activeId: string | null): SavedPayoutMethod[] =>
    list.map((entry) => ({
      id: entry.id,
      active: entry.id === activeId,
      addedAt: entry.addedAt,
      method: portalPayoutMethodOf(entry.method) ?? { type: 'credit' },
    }));

  const checkPassword = async (userId: number, password: string) => {
    const user = await strapi.db
      .query(USER)
      .findOne({ where: { id: userId }, select: ['password'] });
    const valid =
      typeof user?.password === 'string' &&
      (await strapi
        .plugin('users-permissions')
        .service('user')
        .validatePassword(password, user.password));
    if (!valid) throw new errors.ValidationError(WRONG_PASSWORD_MESSAGE);
  };

  const stored = (input: PayoutMethodInput): StoredPayoutMethod => {
    switch (input.type) {
      case 'paypal':
        return { type: 'paypal', email: input.email };
      case 'credit':
        return { type: 'credit' };
      case 'stripe':
        return { type: 'stripe', accountId: input.accountId };
      case 'bank':
        return {
          type: 'bank',
          accountHolder: input.holder,
          last4: input.accountNumber.slice(-4),
          country: 'US',
          sealed: seal(
            strapi,
            JSON.stringify({
              routingNumber: input.routingNumber,
              accountNumber: input.accountNumber,
            })
          ),
        };
    }
  };

  /** Writes the list and the active copy together, the partner row locked. */
  const change = async (
    partner: PortalPartner,
    work: (current: { list: SavedMethod[]; activeId: string | null }) => {
      list: SavedMethod[];
      activeId: string | null;
      notice: string;
    }
  ) => {
    const result = await strapi.db.transaction(async () => {
      await lockRow(strapi, PARTNER, partner.id);
      const next = work(await load(partner.id));
      const active = next.list.find((entry) => entry.id === next.activeId);
      await strapi.db.query(PARTNER).update({
        where: { id: partner.id },
        data: {
          payoutMethods: next.list,
          payoutMethod: active ? { ...active.method, id: active.id } : null,
        },
      });
      return next;
    });
    const notice: Delivery = await getService('notifications', { strapi }).payoutDetailsChanged(
      partner.id,
      result.notice,
      new Date()
    );
    return { data: view(result.list, result.activeId), meta: { notice } };
  };

  return {
    async list(partner: PortalPartner) {
      const { list, activeId } = await load(partner.id);
      return { data: view(list, activeId), meta: {} };
    },

    /** Saves another method; it becomes active only when it is the partner's first. */
    async add(
      partner: PortalPartner,
      userId: number,
      input: PayoutMethodInput,
      password: string,
      activate = false
    ) {
      await checkPassword(userId, password);
      const method = stored(input);
      return change(partner, ({ list, activeId }) => {
        const entry: SavedMethod = { id: newId(), addedAt: new Date().toISOString(), method };
        const nowActive = activate || activeId === null ? entry.id : activeId;
        return {
          list: [...list, entry],
          activeId: nowActive,
          notice:
            nowActive === entry.id
              ? `${describe(method)} was added and is now your payout method`
              : `${describe(method)} was added to your payout methods; your active method is unchanged`,
        };
      });
    },

    /** The explicit switch: another saved method becomes the active one. */
    async activate(partner: PortalPartner, userId: number, id: string, password: string) {
      const { list } = await load(partner.id);
      if (!list.some((entry) => entry.id === id))
        throw new errors.NotFoundError('No such payout method');
      await checkPassword(userId, password);
      return change(partner, (current) => {
        const entry = current.list.find((saved) => saved.id === id);
        if (!entry) throw new errors.NotFoundError('No such payout method');
        return {
          list: current.list,
          activeId: id,
          notice: `${describe(entry.method)} is now your payout method`,
        };
      });
    },

    /**
     * Removes a saved method that is not the active one (the partner switches first); the
     * payouts already made keep their own snapshot of the method they were paid with.
     */
    async remove(partner: PortalPartner, userId: number, id: string, password: string) {
      /** The method to remove, or the refusal (checked again under the partner's lock). */
      const removable = (current: { list: SavedMethod[]; activeId: string | null }) => {
        const decision = decidePayoutMethodRemoval({
          savedIds: current.list.map((entry) => entry.id),
          activeId: current.activeId,
          targetId: id,
        });
        const entry = current.list.find((saved) => saved.id === id);
        if (decision === 'active') throw conflict(ACTIVE_METHOD_MESSAGE);
        if (decision === 'not-found' || !entry)
          throw new errors.NotFoundError('No such payout method');
        return entry;
      };
      removable(await load(partner.id));
      await checkPassword(userId, password);
      return change(partner, (current) => {
        const entry = removable(current);
        return {
          list: current.list.filter((saved) => saved.id !== entry.id),
          activeId: current.activeId,
          notice: `${describe(entry.method)} was removed from your payout methods; your active method is unchanged`,
        };
      });
    },
  };
};

export type PayoutMethodsService = ReturnType<typeof createPayoutMethodsService>;
export default createPayoutMethodsService;
