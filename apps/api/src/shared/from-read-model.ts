import { Injectable, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

/**
 * A query with no logic of its own: its controller names the read model's queries it reads and
 * what it asks of them, and this one handler answers it.
 */
export class FromReadModel<Source, Result> extends Query<Result> {
  constructor(
    readonly source: Type<Source>,
    readonly read: (source: Source) => Promise<Result> | Result,
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(FromReadModel)
export class FromReadModelHandler implements IQueryHandler<FromReadModel<unknown, unknown>> {
  constructor(private readonly moduleRef: ModuleRef) {}

  async execute({ source, read }: FromReadModel<unknown, unknown>) {
    return read(this.moduleRef.get(source, { strict: false }));
  }
}
