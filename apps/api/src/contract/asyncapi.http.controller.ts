import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@riskledger/config';
import { buildAsyncApiDocument, EVENT_CONTRACTS } from '@riskledger/contracts';
import { topicFor } from '@riskledger/messaging';
import { renderAsyncApiPage } from './asyncapi-page';
import { Public } from '../access/requires.decorator';

/** The event contract for integrators, generated from the registry the code validates with. */
@ApiTags('integrations')
@Controller()
export class AsyncApiController {
  constructor(private readonly config: AppConfig) {}

  @Public()
  @Get('asyncapi.json')
  @ApiOperation({ summary: 'The AsyncAPI 3 document of every Kafka topic and event version' })
  @ApiOkResponse({ description: 'AsyncAPI 3.0 document' })
  document() {
    return buildAsyncApiDocument({
      topicFor: (streamType) => topicFor(this.config.KAFKA_TOPIC_PREFIX, streamType),
      brokers: this.config.kafkaBrokers,
      partitions: this.config.KAFKA_PARTITIONS,
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
      version: '0.1.0',
    });
  }

  @Public()
  @Get('asyncapi')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The event contract as a page a person can read' })
  page() {
    return renderAsyncApiPage((streamType) => topicFor(this.config.KAFKA_TOPIC_PREFIX, streamType));
  }

  @Public()
  @Get('schemas/:name')
  @ApiOperation({ summary: 'The JSON Schema of one event version, e.g. RiskAssessed.v1.json' })
  schema(@Param('name') name: string) {
    const contract = EVENT_CONTRACTS.find((c) => `${c.type}.v${c.version}.json` === name);
    if (!contract) throw new NotFoundException(`no published schema ${name}`);
    return contract.schema;
  }
}
