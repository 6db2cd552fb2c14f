import { PersonRole } from '@county/domain';
import { badInput, type SubgraphContext } from '@county/kit';
import { isWithin } from '../within';
import { requireDirectoryPerson } from '../person/directory-person';

/**
 * The mediator must be in the directory, hold the role MEDIATOR and work for an organisation of the
 * dispute's region or above it (a township's mediator does not mediate in another township).
 */
export async function requireMediatorOf(
  ctx: SubgraphContext,
  field: string,
  mediatorId: string,
  regionCode: string,
): Promise<void> {
  const person = await requireDirectoryPerson(ctx, field, mediatorId, PersonRole.MEDIATOR);
  const home = person.organization?.region.code;
  if (!home || !isWithin(regionCode, home)) {
    throw badInput(
      field,
      'same-region',
      `mediates in ${home ?? 'no region'}, not in the dispute's region ${regionCode}`,
    );
  }
}
