import {
  Injectable,
  Logger,
  ServiceUnavailableException,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import { accessSync, constants } from 'node:fs';
import type { Browser } from 'playwright-core';

export interface PrintOptions {
  /** Chromium's header and footer templates: `pageNumber` and `totalPages` spans are filled in. */
  headerTemplate: string;
  footerTemplate: string;
}

/**
 * Prints an HTML document to a tagged (accessible) PDF with Chromium, driven by playwright-core:
 * the same HTML the API serves, so both forms say the same. One browser is started on the first
 * print and kept; each print gets a fresh context with scripts off (the HTML needs none). Only
 * PDF needs Chromium: where it is missing the request answers 503 saying how to install it.
 */
@Injectable()
export class PdfPrinter implements OnModuleDestroy {
  private readonly logger = new Logger(PdfPrinter.name);
  private browser: Promise<Browser> | null = null;

  constructor(private readonly config: AppConfig) {}

  async print(html: string, options: PrintOptions): Promise<Buffer> {
    const browser = await this.started();
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        ...options,
        margin: { top: '22mm', bottom: '20mm', left: '18mm', right: '18mm' },
      });
    } finally {
      await context.close();
    }
  }

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    await browser?.then((b) => b.close()).catch(() => undefined);
  }

  private started(): Promise<Browser> {
    if (!this.browser) {
      const executablePath = this.config.CHROMIUM_PATH;
      try {
        accessSync(executablePath, constants.X_OK);
      } catch {
        throw new ServiceUnavailableException(
          `PDF needs Chromium at ${executablePath}, and it is not there. Install it ` +
            '(Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or ' +
            'Chrome executable. The same document is available as HTML (Accept: text/html).',
        );
      }
      this.browser = this.launch(executablePath);
    }
    return this.browser;
  }

  private async launch(executablePath: string): Promise<Browser> {
    try {
      // Loaded on the first print: the module costs the API 70 MB of memory it rarely needs.
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath,
        headless: true,
        // The same flags as the browser tests (ARCHITECTURE.md): no sandbox as root, and no
        // background connections, which a closed network refuses.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      browser.on('disconnected', () => {
        this.browser = null;
      });
      return browser;
    } catch (error) {
      this.browser = null;
      this.logger.error(`Chromium at ${executablePath} did not start: ${(error as Error).message}`);
      throw new ServiceUnavailableException(
        `Chromium at ${executablePath} did not start, so no PDF can be printed: ${(error as Error).message}`,
      );
    }
  }
}
