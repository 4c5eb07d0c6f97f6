import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  assembleCaseFile,
  describeSelection,
  type CaseFile,
  type CaseFilePhase,
  type CaseFileSelection,
} from '@riskledger/case-file';
import type { Principal } from '@riskledger/domain';
import JSZip from 'jszip';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RestrictedReads } from '../../access/restricted-reads';
import { Clock } from '../../platform/clock';

export type CaseFileStatus = 'RUNNING' | 'DONE' | 'FAILED';

export interface CaseFileJob {
  id: string;
  /** Only who asked for it may follow and download it. */
  requestedBy: string;
  selection: string;
  startedAt: Date;
  status: CaseFileStatus;
  /** After the case file's own phases, packing it: seconds for tens of thousands of events. */
  phase: CaseFilePhase | 'zip';
  done: number;
  total: number;
  /** When DONE. */
  zip?: Buffer;
  fileName?: string;
  eventsSha256?: string;
  events?: number;
  logIntact?: boolean;
  /** When FAILED. */
  failure?: string;
}

/** A finished case file waits this long to be downloaded, then is forgotten. */
const KEPT_FOR_MS = 30 * 60_000;

/**
 * Case files being made, in this API process's memory: verifying the whole log takes seconds to
 * minutes on a large log, so the file is made in the background while its progress is read.
 * Nothing is written; a restart forgets them (the caller asks again), and behind a load balancer
 * the progress and download must reach the same instance (sticky sessions).
 */
@Injectable()
export class CaseFileJobs {
  private readonly jobs = new Map<string, CaseFileJob>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly restrictedReads: RestrictedReads,
  ) {}

  /**
   * Starts one; answers once the selected events are read (an unknown stream is refused then),
   * while the log's verification goes on.
   */
  async start(selection: CaseFileSelection, caller: Principal): Promise<CaseFileJob> {
    this.forgetOld();
    const now = this.clock.now();
    const job: CaseFileJob = {
      id: randomUUID(),
      requestedBy: caller.subject,
      selection: describeSelection(selection),
      startedAt: now,
      status: 'RUNNING',
      phase: 'events',
      done: 0,
      total: 0,
    };
    let eventsRead: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (eventsRead = resolve));
    const made = assembleCaseFile(this.dataSource, selection, {
      now,
      onProgress: (phase, done, total) => {
        Object.assign(job, { phase, done, total });
        if (phase === 'log') eventsRead();
      },
    });
    made
      .then(async (caseFile) => {
        // Like every view that shows restricted risks, recorded before it can be downloaded.
        await this.restrictedReads.record(caller, restrictedRiskIds(caseFile), 'POST /case-files');
        Object.assign(job, await zipped(job, caseFile, now));
      })
      .catch((error: Error) => Object.assign(job, { status: 'FAILED', failure: error.message }));
    await Promise.race([ready, made]);
    this.jobs.set(job.id, job);
    return job;
  }

  find(id: string, requestedBy: string): CaseFileJob | undefined {
    const job = this.jobs.get(id);
    return job?.requestedBy === requestedBy ? job : undefined;
  }

  private forgetOld() {
    const before = this.clock.now().getTime() - KEPT_FOR_MS;
    for (const [id, job] of this.jobs) {
      if (job.startedAt.getTime() < before) this.jobs.delete(id);
    }
  }
}

/** The restricted (säkerhetsskydd) risks whose events the case file holds. */
const restrictedRiskIds = (caseFile: CaseFile) =>
  caseFile.events
    .filter((e) => e.streamType === 'risk' && e.metadata.classification === 'RESTRICTED')
    .map((e) => e.streamId);

async function zipped(
  job: CaseFileJob,
  caseFile: CaseFile,
  at: Date,
): Promise<Partial<CaseFileJob>> {
  const zip = new JSZip();
  // A fixed date inside the archive: the same case file gives the same bytes.
  for (const [name, content] of Object.entries(caseFile.files)) {
    zip.file(name, content, { date: at });
  }
  Object.assign(job, { phase: 'zip', done: 0, total: 100 });
  const packed = await zip.generateAsync(
    { type: 'nodebuffer', compression: 'DEFLATE' },
    ({ percent }) => (job.done = Math.floor(percent)),
  );
  return {
    status: 'DONE',
    done: 100,
    zip: packed,
    fileName: `akt-${at.toISOString().replace(/[:.]/g, '-')}.zip`,
    eventsSha256: caseFile.manifest.eventsSha256,
    events: caseFile.manifest.events,
    logIntact: caseFile.manifest.logIntegrity.intact,
  };
}
