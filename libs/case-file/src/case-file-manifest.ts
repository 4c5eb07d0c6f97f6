import type { IntegrityReport } from '@riskledger/event-store';

/** manifest.json: the selection, counts, integrity and checksums of a case file. */
export interface CaseFileManifest {
  caseFile: string;
  selection: string;
  exportedAt: string;
  database: string;
  events: number;
  streams: number;
  firstPosition: number | null;
  lastPosition: number | null;
  eventsSha256: string;
  eventHashesHold: boolean;
  eventsWhoseHashDoesNotHold: number[];
  logIntegrity: {
    intact: boolean;
    checkedEvents: number;
    firstBreak: IntegrityReport['firstBreak'];
    head: IntegrityReport['head'];
    unsealedEvents: number;
  };
}
