import {
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';

/**
 * On SIGTERM Nest stops accepting connections and waits for the requests in flight before it
 * closes the database. A client's keep-alive connection would then hold the process until its
 * idle timeout: each connection is closed as soon as it has nothing in flight.
 */
@Injectable()
export class GracefulHttpShutdown implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private closing = false;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const server = this.server();
    server?.on('request', (_request, response) => {
      if (this.closing) response.setHeader('Connection', 'close');
      response.on('finish', () => {
        if (this.closing) setImmediate(() => server.closeIdleConnections());
      });
    });
  }

  beforeApplicationShutdown(): void {
    this.closing = true;
    this.server()?.closeIdleConnections();
  }

  private server(): Server | undefined {
    return this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
  }
}
