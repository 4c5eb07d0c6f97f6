import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReferenceDataCommands } from '../../reference-data-commands';
import { changeOrganisation } from '../change-organisation';
import { MoveOrganisationalUnitCommand } from './move-organisational-unit.command';

@CommandHandler(MoveOrganisationalUnitCommand)
export class MoveOrganisationalUnitHandler implements ICommandHandler<MoveOrganisationalUnitCommand> {
  constructor(private readonly commands: ReferenceDataCommands) {}

  execute({ code, request, context, expectedVersion }: MoveOrganisationalUnitCommand) {
    return changeOrganisation(
      this.commands,
      { type: 'MoveOrganisationalUnit', code, parentCode: request.parentCode },
      context,
      { reason: request.reason, expectedVersion },
    );
  }
}
