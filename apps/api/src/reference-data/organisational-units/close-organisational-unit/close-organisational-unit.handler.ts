import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReferenceDataCommands } from '../../reference-data-commands';
import { changeOrganisation } from '../change-organisation';
import { CloseOrganisationalUnitCommand } from './close-organisational-unit.command';

@CommandHandler(CloseOrganisationalUnitCommand)
export class CloseOrganisationalUnitHandler implements ICommandHandler<CloseOrganisationalUnitCommand> {
  constructor(private readonly commands: ReferenceDataCommands) {}

  execute({ code, request, context, expectedVersion }: CloseOrganisationalUnitCommand) {
    return changeOrganisation(
      this.commands,
      { type: 'CloseOrganisationalUnit', code, reason: request.reason },
      context,
      { reason: request.reason, expectedVersion },
    );
  }
}
