import {
  ORGANISATION_STREAM_ID,
  organisationDecider,
  type OrganisationalUnitCommand,
} from '@riskledger/domain';
import { OrganisationalUnitsProjection } from '@riskledger/read-models';
import type { CommandContext } from '../../shared/command-context';
import type { ReferenceDataCommands } from '../reference-data-commands';

/** Every change to the organisation goes through its one stream; answers the unit and the version. */
export async function changeOrganisation(
  commands: ReferenceDataCommands,
  command: OrganisationalUnitCommand,
  context: CommandContext,
  options: { reason?: string | null; expectedVersion?: number } = {},
): Promise<{ code: string; version: number }> {
  const { streamVersion } = await commands.execute({
    decider: organisationDecider,
    streamType: 'organisation',
    streamId: ORGANISATION_STREAM_ID,
    command,
    projection: new OrganisationalUnitsProjection(),
    context,
    ...options,
  });
  return { code: command.code, version: streamVersion };
}
