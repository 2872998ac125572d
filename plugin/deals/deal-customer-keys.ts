/**
 * The keys by which two deal registrations name the same customer: the contact's e-mail, the
 * company (compared without case, punctuation, spacing or a legal suffix, so "ACME, Inc." and
 * "Acme" are one customer) and the company's web domain.
 */
export interface DealCustomerKeys {
  email: string;
  companyKey: string;
  domain: string | null;
}

const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'sarl',
  'bv',
  'nv',
  'plc',
  'pty',
  'srl',
  'oy',
  'ab',
  'as',
]);

export function companyKeyOf(company: string): string {
  const words = company
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) words.pop();
  return words.join('');
}

/** `https://www.Acme.com/about` → `acme.com`; null when nothing host-like is given. */
export function domainOf(value: string | null | undefined): string | null {
  const text = value?.trim().toLowerCase();
  if (!text) return null;
  // Scheme, credentials, port, path, query and fragment are not part of the domain.
  let host = text
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^/?#]*@/, '')
    .split(/[/?#]/)[0]
    .replace(/:\d*$/, '');
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
}

export function dealCustomerKeys(input: {
  contactEmail: string;
  company: string;
  domain?: string | null;
}): DealCustomerKeys {
  return {
    email: input.contactEmail.trim().toLowerCase(),
    companyKey: companyKeyOf(input.company),
    domain: domainOf(input.domain),
  };
}
