import type { Actor } from '../lib/request-context.js';

/** What a signed-in session holds. `principal` ("user:12" / "client:7") lets us end every session of an account. */
export interface SessionAuth {
  principal: string;
  type: 'user' | 'client';
  id: number;
  role: Actor['role'];
  name: string;
  mustChangePassword: boolean;
  authenticatedAt: number;
  locale: 'pt' | 'en';
}

declare global {
  namespace Express {
    interface Request {
      actor?: Actor;
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    auth?: SessionAuth;
  }
}
