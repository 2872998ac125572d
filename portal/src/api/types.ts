/**
 * The shapes the portal reads: the inferred types of the portal contracts
 * (plugin/contracts/portal.ts), and the public partner routes as agreed in docs/portal.md.
 */
import type {
  MeResponse,
  Pagination,
  PortalPayoutMethod,
  StatementResponse,
  StatementsResponse,
  StatsResponse,
  SubPartnersResponse,
} from '../../../plugin/contracts/portal';

export type {
  Money,
  Pagination,
  PayoutMethodInput,
  PortalAsset,
  PortalCommission,
  PortalDeal,
  PortalLink,
  PortalPayout,
  PortalProgram,
  PortalReferral,
  ProgramRef,
  StatsRange,
} from '../../../plugin/contracts/portal';

export type Me = MeResponse['data'];
export type Stats = StatsResponse['data'];
export type StatementMonth = StatementsResponse['data'][number];
export type StatementDetail = StatementResponse['data'];
export type PayoutMethod = NonNullable<PortalPayoutMethod>;
export type SubPartner = SubPartnersResponse['data'][number];

export interface Listed<T> {
  data: T[];
  meta?: { pagination?: Pagination; recruitUrl?: string | null };
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
