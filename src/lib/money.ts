/**
 * Money is integer cents everywhere (PRODUCT §3). These are the only rounding rules: half-up to the
 * cent, on non-negative amounts, computed in integers so no float ever decides a cent.
 */

/** round-half-up(numerator / denominator) for non-negative integers. */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RangeError(`divideHalfUp needs non-negative safe integers (got ${numerator}/${denominator})`);
  }
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** VAT in cents on a net amount; the rate is in basis points (2300 = 23 %). */
export function vatCents(netCents: number, rateBasisPoints: number): number {
  return divideHalfUp(netCents * rateBasisPoints, 10_000);
}

export function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be whole cents (got ${value})`);
}
