/**
 * The shapes the portal reads, as agreed for the portal API (docs/portal.md). Replaced by the
 * inferred types of plugin/contracts/portal.ts where that file names them.
 */
export interface Money {
  amount: number;
  currency: string;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface Listed<T> {
  data: T[];
  meta?: { pagination?: Pagination; recruitUrl?: string | null };
}

export interface PortalProgram {
  slug: string;
  name: string;
  currency: string;
  tierMode: string;
  referralDetail: string;
  showDeclinedCharges: boolean;
  showPurchaseHistory: boolean;
  termsVersion?: string | null;
  enrollmentStatus: string;
}

export interface Me {
  partner: {
    documentId: string;
    name: string;
    email: string | null;
    company?: string | null;
    website?: string | null;
    type?: string | null;
    tier?: string | null;
    status: string;
  };
  user: { email: string };
  programs: PortalProgram[];
  recruitUrl: string | null;
  portal: { title: string; logoUrl?: string | null; primaryColor: string };
}

export interface ProgramRef {
  slug: string;
  name: string;
}

export interface PortalLink {
  documentId: string;
  code: string;
  label?: string | null;
  path?: string | null;
  program: ProgramRef;
  url: string;
  clicks: number;
}

export type StatsRange = '7d' | '4w' | '6m';

export interface Stats {
  range: StatsRange;
  interval: 'day' | 'week';
  totals: { clicks: number; referrals: number; customers: number; unpaidEarnings: Money[] };
  series: { start: string; clicks: number; referrals: number; customers: number }[];
}

export interface Purchase {
  date: string;
  amount: number;
  currency: string;
  status: string;
}

export interface DeclinedCharge {
  date: string;
  amount: number;
  currency: string;
  reason?: string | null;
}

/** A referral as the partner may see it: the optional fields exist only when the program allows. */
export interface PortalReferral {
  id: string;
  status: string;
  source?: string | null;
  program?: ProgramRef | string | null;
  createdAt?: string | null;
  signedUpAt?: string | null;
  convertedAt?: string | null;
  name?: string | null;
  email?: string | null;
  externalId?: string | null;
  purchases?: Purchase[];
  declinedCharges?: DeclinedCharge[];
}

export interface PortalCommission {
  documentId: string;
  createdAt: string;
  kind: string;
  level: number;
  status: string;
  amount: number;
  currency: string;
  availableAt?: string | null;
  paidAt?: string | null;
  explanation?: { summary?: string; steps?: string[] } | string | null;
  program?: ProgramRef | null;
  referral?: string | { id?: string; name?: string | null } | null;
}

export interface StatementMonth {
  month: string;
  currency: string;
}

export interface StatementLine {
  type?: string;
  at?: string;
  date?: string;
  kind?: string;
  amount: number;
  summary?: string | null;
  description?: string | null;
}

export interface StatementPayout {
  at?: string;
  paidAt?: string | null;
  amount: number;
  reference?: string | null;
}

export interface StatementDetail {
  month: string;
  currency: string;
  openingBalance: number;
  entries?: StatementLine[];
  lines?: StatementLine[];
  payouts: StatementPayout[];
  closingBalance: number;
}

export interface PortalPayout {
  documentId: string;
  amount: number;
  currency: string;
  status: string;
  periodStart?: string | null;
  periodEnd?: string | null;
  paidAt?: string | null;
  method?: { type: string } | null;
  reference?: string | null;
}

export type PayoutMethod =
  | { type: 'paypal'; email: string }
  | { type: 'bank'; holder: string; last4: string }
  | { type: 'credit' };

export type PayoutMethodInput =
  | { type: 'paypal'; email: string }
  | { type: 'bank'; holder: string; routingNumber: string; accountNumber: string }
  | { type: 'credit' };

export interface PortalAsset {
  documentId: string;
  title: string;
  description?: string | null;
  type?: string | null;
  url?: string | null;
  fileUrl?: string | null;
  program?: ProgramRef | null;
}

export interface PortalDeal {
  documentId: string;
  company: string;
  contactName: string;
  contactEmail: string;
  estimatedValue: number;
  currency: string;
  status: string;
  expiresAt?: string | null;
  decisionNote?: string | null;
}

export interface SubPartner {
  name: string;
  joinedAt: string;
  earnings: Money[];
}

export interface TeamMember {
  id: number;
  email: string;
  username?: string;
  isYou: boolean;
  invitedAt?: string | null;
}

export interface ApplicationProgram {
  slug: string;
  name: string;
  applicationMode: 'open' | 'approval' | 'invite-only';
  terms?: string | null;
  termsVersion?: string | null;
  landingUrl?: string | null;
}

export interface Invitation {
  email: string;
  partnerName: string;
  programs: { slug: string; name: string; terms?: string | null; termsVersion?: string | null }[];
}

export interface AuthResult {
  jwt: string;
  user: { id: number; email: string; username: string };
}
