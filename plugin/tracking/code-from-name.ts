import { REFERRAL_CODE_PATTERN } from './referral-code';

const MAX_CODE_LENGTH = 64;
/** Room left for a "-NNN" suffix when the name is taken. */
const MAX_BASE_LENGTH = 56;

/**
 * A partner's default link code from its name (or company): lower-case ASCII letters and digits
 * joined by "-", accents folded ("Zoë Müller" → "zoe-muller"), at most 56 characters so a
 * "-2", "-3"… still fits. Names with fewer than two usable characters give `partner-<id>`.
 */
export function codeFromName(name: string | null | undefined, partnerId: number): string {
  const slug = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_BASE_LENGTH)
    .replace(/-+$/, '');
  return slug.length >= 2 && REFERRAL_CODE_PATTERN.test(slug) ? slug : `partner-${partnerId}`;
}

/** The n-th candidate for a generated code: `base`, then `base-2`, `base-3`… */
export function codeCandidate(base: string, attempt: number): string {
  if (attempt <= 1) return base;
  const suffix = `-${attempt}`;
  return `${base.slice(0, MAX_CODE_LENGTH - suffix.length)}${suffix}`;
}

/** The first candidate of `base` that no code in `taken` has (codes compared in stored form). */
export function nextFreeCode(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let attempt = 1; ; attempt += 1) {
    const candidate = codeCandidate(base, attempt);
    if (!used.has(candidate)) return candidate;
  }
}
