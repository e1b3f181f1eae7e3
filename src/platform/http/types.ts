import type { Actor } from '../auth/actor.ts';
import type { AuditContext } from '../audit/audit.ts';
import type { Access } from './access.ts';

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes: import('./guard.ts').DeclaredRoute[];
  }
  interface FastifyContextConfig {
    access?: Access;
    /** A route of the built web app (its files, the single-page fallback): public, not an API route. */
    webAsset?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The cookie session (its key and CSRF token) when the request came with one. */
    sessionInfo: { tokenHash: string; csrfToken: string } | null;
    /** The audit context for this request: who, from where, when (from the clock). */
    auditContext(): AuditContext;
  }
}
