import type { AgeingBucketsDto } from '@contracts/accounts';

/** The ageing buckets in the order they are shown: youngest first. */
export const AGEING_KEYS = ['days0to30Cents', 'days31to60Cents', 'days61to90Cents', 'over90Cents'] as const satisfies readonly (keyof AgeingBucketsDto)[];
