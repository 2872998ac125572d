/**
 * The English possessive of a name, for e-mail subjects and bodies: "Acme's", "Acme Affiliates'"
 * (a name ending in s takes the apostrophe alone), and a name already possessive
 * ("McDonald's") stays as it is.
 */
export function possessive(name: string): string {
  const trimmed = name.trim();
  if (/['’]s$/i.test(trimmed)) return trimmed;
  return /s$/i.test(trimmed) ? `${trimmed}'` : `${trimmed}'s`;
}
