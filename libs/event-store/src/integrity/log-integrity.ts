import type { DataSource } from 'typeorm';
import { LogSealer, type LogSeal } from './log-sealer';
import { LogVerifier, type IntegrityReport, type VerifyOptions } from './log-verifier';

/** The log's tamper evidence as investigators use it: seal what is new, then check everything. */
export class LogIntegrity {
  readonly sealer: LogSealer;
  readonly verifier: LogVerifier;

  constructor(dataSource: DataSource) {
    this.sealer = new LogSealer(dataSource);
    this.verifier = new LogVerifier(dataSource);
  }

  seal(): Promise<LogSeal[]> {
    return this.sealer.sealPending();
  }

  /**
   * Seals the events committed since the last seal (unless `seal` is false, e.g. on a copy of the
   * database under investigation), then verifies the whole log against hashes and seals.
   */
  async check(options: VerifyOptions & { seal?: boolean } = {}): Promise<IntegrityReport> {
    if (options.seal !== false) await this.sealer.sealPending();
    return this.verifier.verify(options);
  }
}
