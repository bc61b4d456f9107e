/**
 * Portuguese tax number (NIF/NIPC): nine digits whose last one is a mod-11 check digit over the first
 * eight (weights 9…2; a remainder below 2 gives 0). The first digit says what kind of entity it is;
 * only the prefixes the tax authority issues are accepted.
 */
const VALID_PREFIX = /^(?:[123568]|45|7[0124579]|9[0189])/;

export function isValidNif(input: string): boolean {
  const nif = input.replace(/\s/g, '');
  if (!/^\d{9}$/.test(nif) || !VALID_PREFIX.test(nif)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(nif[i]) * (9 - i);
  const remainder = sum % 11;
  const check = remainder < 2 ? 0 : 11 - remainder;
  return check === Number(nif[8]);
}

/** The check digit that makes the first eight digits a valid NIF (used to build demo and test data). */
export function nifCheckDigit(firstEight: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(firstEight[i]) * (9 - i);
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}
