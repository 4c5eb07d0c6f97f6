import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReferenceDataCommands } from '../../reference-data-commands';
import { changeOrganisation } from '../change-organisation';
import { RenameOrganisationalUnitCommand } from './rename-organisational-unit.command';

@CommandHandler(RenameOrganisationalUnitCommand)
export class RenameOrganisationalUnitHandler implements ICommandHandler<RenameOrganisationalUnitCommand> {
  constructor(private readonly commands: ReferenceDataCommands) {}

  execute({ code, request, context, expectedVersion }: RenameOrganisationalUnitCommand) {
    return changeOrganisation(
      this.commands,
      { type: 'RenameOrganisationalUnit', code, name: request.name },
      context,
      { reason: request.reason, expectedVersion },
    );
  }
}
