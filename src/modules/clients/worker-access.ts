import type { Queryable } from '../../db/pool.js';

/**
 * Which clients and properties a worker may see (PRODUCT §5): those of the cleaning jobs they are
 * assigned to. The cleaning-jobs module implements it over its assignments and app.ts wires it in.
 */
export interface WorkerAccess {
  canSeeClient(q: Queryable, workerId: number, clientId: number): Promise<boolean>;
  canSeeProperty(q: Queryable, workerId: number, propertyId: number): Promise<boolean>;
  /**
   * Whether the worker may read the property's access instructions now (one of their jobs there is
   * within its access window), recording the view in the audit log when they may.
   */
  openAccessInstructions(q: Queryable, workerId: number, propertyId: number): Promise<boolean>;
}
