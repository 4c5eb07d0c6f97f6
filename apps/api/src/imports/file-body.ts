import { BadRequestException, RequestMethod, type MiddlewareConsumer } from '@nestjs/common';
import { raw } from 'express';

/** Room for 50,000 rows of long texts. */
const LARGEST_FILE = '50mb';

/** Import bodies are the file's bytes, whatever type they are sent as (JSON is not a file). */
export function takeFileBodies(consumer: MiddlewareConsumer): void {
  consumer
    .apply(raw({ type: () => true, limit: LARGEST_FILE }))
    .forRoutes({ path: 'imports/*path', method: RequestMethod.POST });
}

export function fileBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new BadRequestException(
      'the body must be the file itself, CSV or XLSX, sent as text/csv, ' +
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/octet-stream',
    );
  }
  return body;
}
