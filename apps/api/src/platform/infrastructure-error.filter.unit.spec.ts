import { BadRequestException, Logger, type ArgumentsHost } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import { InfrastructureErrorFilter } from './infrastructure-error.filter';

/** A response that records what the filter sends. */
function fakeHost() {
  const sent: { status?: number; headers: Record<string, string>; body?: unknown } = {
    headers: {},
  };
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    getType: () => 'http',
    getArgs: () => [{}, response],
    getArgByIndex: (index: number) => [{}, response][index],
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({}) }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

/** The HTTP adapter Nest's own handling replies through. */
function fakeAdapter() {
  const replies: { body: unknown; status: number }[] = [];
  const adapter = {
    isHeadersSent: () => false,
    reply: (_: unknown, body: unknown, status: number) => void replies.push({ body, status }),
    end: () => undefined,
  } as unknown as AbstractHttpAdapter;
  return { adapter, replies };
}

describe('InfrastructureErrorFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('answers a database outage with 503, a clear message and Retry-After, without a stack', () => {
    const { adapter } = fakeAdapter();
    const { host, sent } = fakeHost();
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });

    new InfrastructureErrorFilter(adapter).catch(outage, host);

    expect(sent).toEqual({
      status: 503,
      headers: { 'Retry-After': '2' },
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database is not reachable at the moment; try again shortly.',
        retryAfterSeconds: 2,
      },
    });
    expect(JSON.stringify(sent.body)).not.toContain('ECONNREFUSED');
  });

  it("leaves an HttpException to Nest's own handling, as it was", () => {
    const { adapter, replies } = fakeAdapter();
    const { host } = fakeHost();

    new InfrastructureErrorFilter(adapter).catch(
      new BadRequestException('likelihood is wrong'),
      host,
    );

    expect(replies).toEqual([
      {
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: 'likelihood is wrong' },
      },
    ]);
  });

  it('answers anything else with a bare 500: no message of the error, no stack', () => {
    const { adapter, replies } = fakeAdapter();
    const { host } = fakeHost();
    const filter = new InfrastructureErrorFilter(adapter);

    filter.catch(new TypeError("Cannot read properties of undefined (reading 'x')"), host);

    expect(replies).toEqual([
      { status: 500, body: { statusCode: 500, message: 'Internal server error' } },
    ]);
  });
});
