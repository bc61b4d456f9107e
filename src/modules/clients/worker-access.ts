import type { Queryable } from '../../db/pool.js';

/**
 * Which clients and properties a worker may see (PRODUCT §5): those of the cleaning jobs they are
 * assigned to. Cleaning jobs do not exist yet, so no worker is assigned to anything and the answer is
 * no (404); the cleaning-jobs module provides the real check and app.ts wires it in place of this one.
 */
export interface WorkerAccess {
  canSeeClient(q: Queryable, workerId: number, clientId: number): Promise<boolean>;
  canSeeProperty(q: Queryable, workerId: number, propertyId: number): Promise<boolean>;
}

export const noJobAssignments: WorkerAccess = {
  canSeeClient: async () => false,
  canSeeProperty: async () => false,
};
