/** 53-bit string hash (cyrb53): fast, well spread, and pure (plugin/ has no node:crypto). */
const hash53 = (text: string, seed: number) => {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};

/**
 * The id a partner sees for a referred contact: `R-` and 10 base-36 characters hashed from the
 * referral's documentId and the partner's. Stable across requests and exports, so a partner can
 * follow one contact over time, but it reveals neither documentId and differs between partners.
 */
export function anonymousReferralId(referralDocumentId: string, partnerDocumentId: string): string {
  const text = `${partnerDocumentId}:${referralDocumentId}`;
  const high = hash53(text, 1).toString(36).padStart(11, '0').slice(-5);
  const low = hash53(text, 2).toString(36).padStart(11, '0').slice(-5);
  return `R-${high}${low}`.toUpperCase();
}
