import { buildRedirectUrl } from './build-redirect-url';
import { Url } from './web-url';

/**
 * The link builder of the portal (SPEC §8): a page on the program's landing host with the
 * partner's `ref` code added, which the tracker script turns into a click. Null when `to` would
 * leave the landing host (same rules as the redirect's `to`) or the program has no landing URL.
 */
export function buildDeepLink(input: {
  landingUrl: string | null | undefined;
  to: string;
  code: string;
}): string | null {
  const target = buildRedirectUrl({ landingUrl: input.landingUrl, to: input.to, referral: null });
  if (!target || target.refusedTo) return null;
  const url = new Url(target.url);
  url.searchParams.set('ref', input.code);
  return url.toString();
}
