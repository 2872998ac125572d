/**
 * The admin panel's HTTP API (SPEC §9), mounted at `/partners/...` with the admin JWT. Bodies are
 * `{ data }`, answers `{ data, meta }`, lists take `page`/`pageSize` and answer `meta.pagination`.
 * Ids are documentIds. Money is integer minor units with its currency beside it. One file per
 * area; import from here.
 */
export * from './admin-common';
export * from './admin-overview';
export * from './admin-programs';
export * from './admin-partners';
export * from './admin-deals';
export * from './admin-links';
export * from './admin-ledger';
export * from './admin-settings';
export * from './admin-stripe';
