const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const;

/**
 * A US bank routing number (ABA RTN): nine digits whose weighted sum (3, 7, 1 repeated) is a
 * multiple of ten. Catches every single-digit typo and most transpositions before money is sent.
 */
export function isAbaRoutingNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  return sum % 10 === 0 && value !== '000000000';
}
