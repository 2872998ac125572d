import { Url, type WebUrl } from '../tracking/web-url';

const AD_CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid', 'ttclid', 'twclid'];
const AD_REFERRERS = [
  'googleadservices.com',
  'googlesyndication.com',
  'doubleclick.net',
  'ads.google.com',
  'ads.microsoft.com',
  'bat.bing.com',
];

/**
 * The paid-ad marker a click carries (`gclid`, `fbclid`, `msclkid`… in its landing URL, or an ad
 * network's referrer), or null for organic traffic. Unparseable URLs count as no marker.
 */
export function paidTrafficSource(
  landingUrl: string | null | undefined,
  referrer: string | null | undefined
): string | null {
  const params = new Set(parse(landingUrl)?.searchParams.keys() ?? []);
  const param = AD_CLICK_IDS.find((name) => params.has(name));
  if (param) return param;
  const host = parse(referrer)?.hostname.toLowerCase();
  const network = host
    ? AD_REFERRERS.find((domain) => host === domain || host.endsWith(`.${domain}`))
    : undefined;
  return network ? `referrer ${network}` : null;
}

function parse(value: string | null | undefined): WebUrl | null {
  if (!value) return null;
  try {
    return new Url(value, 'https://placeholder.invalid');
  } catch {
    return null;
  }
}
