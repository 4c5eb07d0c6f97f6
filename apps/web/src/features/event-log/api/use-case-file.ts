import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../lib/api/client';
import { saveFile } from '../../../lib/api/save-file';

export type CaseFileSelection = Schemas['StartCaseFileRequest'];
export type CaseFileJob = Schemas['CaseFileJobResponse'];

/** How often a case file being made is asked about: often enough for the bar to move. */
const FOLLOW_EVERY_MS = 500;

/**
 * An Akt: started, followed while the API reads the events and verifies the log, then saved as
 * its zip once, by itself. The job answers what the page shows: progress, then the SHA-256.
 */
export function useCaseFile() {
  const [jobId, setJobId] = useState<string>();
  const saved = useRef<string | undefined>(undefined);
  const start = useMutation({
    mutationFn: (body: CaseFileSelection) => unwrap(api.POST('/case-files', { body })),
    onSuccess: (job) => setJobId(job.id),
  });
  const job = useQuery({
    queryKey: ['case-files', jobId],
    queryFn: () => unwrap(api.GET('/case-files/{id}', { params: { path: { id: jobId! } } })),
    enabled: jobId !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'RUNNING' ? FOLLOW_EVERY_MS : false),
  });
  const download = useMutation({
    mutationFn: async ({ id, fileName }: CaseFileJob) => {
      const blob = await unwrap<Blob>(
        api.GET('/case-files/{id}/zip', { params: { path: { id } }, parseAs: 'blob' }),
      );
      saveFile(blob, fileName ?? 'akt.zip');
    },
  });
  const current = job.data ?? start.data;
  useEffect(() => {
    if (current?.status === 'DONE' && saved.current !== current.id) {
      saved.current = current.id;
      download.mutate(current);
    }
  }, [current, download]);
  return {
    start: (selection: CaseFileSelection) => {
      setJobId(undefined);
      start.mutate(selection);
    },
    job: current,
    pending: start.isPending || current?.status === 'RUNNING',
    saved: download.isSuccess,
    error: start.error ?? job.error ?? download.error,
    saveAgain: () => current && download.mutate(current),
  };
}
