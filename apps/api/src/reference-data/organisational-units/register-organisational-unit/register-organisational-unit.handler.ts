import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReferenceDataCommands } from '../../reference-data-commands';
import { changeOrganisation } from '../change-organisation';
import { RegisterOrganisationalUnitCommand } from './register-organisational-unit.command';

@CommandHandler(RegisterOrganisationalUnitCommand)
export class RegisterOrganisationalUnitHandler implements ICommandHandler<RegisterOrganisationalUnitCommand> {
  constructor(private readonly commands: ReferenceDataCommands) {}

  execute({ request, context, expectedVersion }: RegisterOrganisationalUnitCommand) {
    return changeOrganisation(
      this.commands,
      { type: 'RegisterOrganisationalUnit', ...request },
      context,
      { expectedVersion },
    );
  }
}
