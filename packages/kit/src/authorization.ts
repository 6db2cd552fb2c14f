import type { SubgraphContext } from './context';
import { forbidden, unauthenticated } from './errors';

/**
 * Throws unless the caller is signed in and `allowed` says yes. `roles` names who may, for the error:
 * a refused write says which roles would have been accepted.
 */
export function authorize(ctx: Pick<SubgraphContext, 'identity'>, roles: string[], allowed: boolean): void {
  if (ctx.identity.isAnonymous) throw unauthenticated();
  if (!allowed) throw forbidden(`This operation needs one of the roles: ${roles.join(', ')}`, roles);
}
