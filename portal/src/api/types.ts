/**
 * The shapes the portal reads: the contracts of the portal (plugin/contracts/portal.ts) and of
 * the partner lifecycle (plugin/contracts/partners.ts).
 */
import type {
  LinksResponse,
  MeResponse,
  Pagination,
  PortalPayoutMethod,
  StatementResponse,
  StatementsResponse,
  StatsResponse,
  SubPartnersResponse,
} from '../../../plugin/contracts/portal';

export type {
  ApplyListingRequest,
  PortalListing,
  PortalListingResponse,
} from '../../../plugin/contracts/directory';
export type {
  Money,
  Pagination,
  PayoutMethodInput,
  PayoutMethodsResponse,
  PortalAsset,
  PortalAgreements,
  PortalFile,
  PortalCommission,
  PortalDeal,
  PortalLink,
  PortalLinkProgram,
  PortalPayout,
  PortalProfile,
  PortalProgram,
  PortalReferral,
  ProgramRef,
  SavedPayoutMethod,
  StatsRange,
  UpdateProfileRequest,
} from '../../../plugin/contracts/portal';
import type {
  AcceptInvitationResponse,
  ApplicationPage,
  InvitationView,
  TeamMember,
} from '../../../plugin/contracts/partners';

export type { ApplicationPage, InvitationView, TeamMember };
export type AcceptedInvitation = AcceptInvitationResponse['data'];

export type { LinksResponse };
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
