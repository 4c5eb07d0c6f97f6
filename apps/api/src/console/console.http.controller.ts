import {
  Controller,
  Get,
  Logger,
  NotFoundException,
  Param,
  Req,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig } from '@riskledger/config';
import type { Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { Public } from '../access/requires.decorator';
import { CONSOLE_PAGES } from './console-routes';

/**
 * Serves the web console on the API's own origin, through the same guards, headers and rate limit
 * as every request: index.html for `/` and every console page (so an address can be reloaded or
 * shared), and the build's hashed assets. The console is a client of the public API only.
 */
@ApiExcludeController()
@Controller()
export class ConsoleController {
  private readonly dir: string;

  constructor(config: AppConfig) {
    this.dir = resolve(config.CONSOLE_DIR);
    if (!existsSync(join(this.dir, 'index.html'))) {
      new Logger('Console').warn(
        `no built console in ${this.dir}: run npm run build:web (npm start does)`,
      );
    }
  }

  /** Declared before the pages, so that it wins over `inloggning/*rest`. */
  @Public()
  @Get('inloggning/tyst')
  silentSignIn(@Res() response: Response): void {
    this.send(response, 'silent-sign-in.html');
  }

  @Public()
  @Get(['', ...CONSOLE_PAGES.flatMap((page) => [page, `${page}/*rest`])])
  page(@Res() response: Response): void {
    this.send(response, 'index.html');
  }

  private send(response: Response, page: string): void {
    const index = join(this.dir, page);
    if (!existsSync(index)) {
      throw new ServiceUnavailableException(
        'The web console is not built: run npm run build:web (npm start does)',
      );
    }
    // A page names this build's hashed assets: never cached, so that a new build shows at once.
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  }

  @Public()
  @Get('assets/:file')
  asset(@Param('file') file: string, @Req() request: Request, @Res() response: Response): void {
    const path = join(this.dir, 'assets', file);
    if (!/^[\w.-]+$/.test(file) || !existsSync(path)) {
      throw new NotFoundException(`no console asset ${file}`);
    }
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.setHeader('Vary', 'Accept-Encoding');
    // The build writes a gzip copy of each script and style sheet (apps/web/scripts).
    if (existsSync(`${path}.gz`) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      response.setHeader('Content-Encoding', 'gzip');
      response.type(extname(file));
      response.sendFile(`${path}.gz`);
      return;
    }
    response.sendFile(path);
  }
}
