import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidValueError } from '@riskledger/domain';
import { ReferencedRecords } from '../../access/referenced-records';
import { CommandExecutor } from '../../shared/command-executor';
import { incidentWrite } from '../../shared/stream-writes';
import { LinkIncidentToRiskCommand } from './link-incident-to-risk.command';

@CommandHandler(LinkIncidentToRiskCommand)
export class LinkIncidentToRiskHandler implements ICommandHandler<LinkIncidentToRiskCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: ReferencedRecords,
  ) {}

  async execute({ id: incidentId, request, context, expectedVersion }: LinkIncidentToRiskCommand) {
    // A link to a risk that does not exist would make the incident untraceable to it.
    if (!(await this.records.existFor('risk', request.riskId, context.visibility))) {
      throw new InvalidValueError('riskId', `there is no risk ${request.riskId}`);
    }
    const { streamVersion } = await this.executor.execute(
      incidentWrite(
        {
          type: 'LinkIncidentToRisk',
          incidentId,
          riskId: request.riskId,
          relation: request.relation,
        },
        context,
        { expectedVersion },
      ),
    );
    return { version: streamVersion };
  }
}
