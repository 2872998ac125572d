/**
 * The plugin's events (SPEC §10): emitted on `strapi.eventHub` after the change commits, and
 * registered with Strapi's webhook store so Settings → Webhooks can send them. Each entry is
 * the webhook store's key and the event's name; docs/webhooks.md documents their payloads.
 */
export const PARTNER_EVENTS = {
  PARTNERS_PARTNER_APPLIED: 'partners.partner.applied',
  PARTNERS_PARTNER_APPROVED: 'partners.partner.approved',
  PARTNERS_REFERRAL_CREATED: 'partners.referral.created',
  PARTNERS_ORDER_ATTRIBUTED: 'partners.order.attributed',
  PARTNERS_COMMISSION_CREATED: 'partners.commission.created',
  PARTNERS_COMMISSION_APPROVED: 'partners.commission.approved',
  PARTNERS_COMMISSION_HELD: 'partners.commission.held',
  PARTNERS_COMMISSION_REVERSED: 'partners.commission.reversed',
  PARTNERS_PAYOUT_CREATED: 'partners.payout.created',
  PARTNERS_PAYOUT_PAID: 'partners.payout.paid',
  PARTNERS_PAYOUT_FAILED: 'partners.payout.failed',
} as const;

export type PartnerEventName = (typeof PARTNER_EVENTS)[keyof typeof PARTNER_EVENTS];

/** The event names, in the order the admin lists them. */
export const PARTNER_EVENT_NAMES: readonly PartnerEventName[] = Object.values(PARTNER_EVENTS);

export const isPartnerEvent = (event: string): event is PartnerEventName =>
  (PARTNER_EVENT_NAMES as readonly string[]).includes(event);

/**
 * A Strapi webhook's events once an editor has picked the plugin's: the partner events chosen, in
 * the listed order, after the webhook's other events (entries, media), which stay as they were.
 */
export const withPartnerEvents = (
  events: readonly string[],
  chosen: readonly string[]
): string[] => [
  ...events.filter((event) => !isPartnerEvent(event)),
  ...PARTNER_EVENT_NAMES.filter((event) => chosen.includes(event)),
];

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * A webhook's headers as an editor types them, one `Name: value` per line (blank lines skipped);
 * null when a line is not of that form, names a header twice, or has an empty value.
 */
export const parseHeaderLines = (text: string): Record<string, string> | null => {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n').map((each) => each.trim())) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    const name = line.slice(0, Math.max(colon, 0)).trim();
    const value = line.slice(colon + 1).trim();
    if (colon < 1 || !HEADER_NAME.test(name) || value === '') return null;
    if (Object.keys(headers).some((known) => known.toLowerCase() === name.toLowerCase()))
      return null;
    headers[name] = value;
  }
  return headers;
};

/** The headers as `parseHeaderLines` reads them back. */
export const headerLines = (headers: Readonly<Record<string, string>>) =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');

/** `partners.partner.*`: the partner and the program enrollment the event is about. */
export interface PartnerEventPayload {
  partner: {
    id: number;
    documentId: string;
    name: string;
    email: string;
    company: string | null;
    website: string | null;
    type: string;
    status: string;
  };
  enrollment: {
    id: number;
    documentId: string;
    status: string;
    program: { id: number; documentId: string; slug: string; name: string } | null;
  };
}

/** The referred contact, only as far as the program's `referralDetail` lets its partner see it. */
export interface EventContact {
  name?: string;
  email?: string;
  externalId?: string;
}

/** `partners.referral.created`. */
export interface ReferralEventPayload {
  referral: {
    id: number;
    documentId: string;
    partnerId: number | null;
    programId: number | null;
    linkId: number | null;
    source: string;
    status: string;
    createdAt: string | null;
    contact: EventContact;
  };
}

/** `partners.order.attributed`: no customer fields (the referral's event carries the contact). */
export interface OrderEventPayload {
  order: {
    id: number;
    documentId: string;
    externalId: string;
    partnerId: number;
    programId: number | null;
    referralId: number | null;
    amount: number;
    refundedAmount: number;
    currency: string;
    status: string;
    paidAt: string | null;
    source: string | null;
    ineligibleReason: string | null;
  };
}
