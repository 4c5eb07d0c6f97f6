import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { recordsWithDrafts } from '../forms/drafts';
import { followLive, type LiveChange, type LiveConnection, type LiveLag } from './live-stream';

/** Which queries show each kind of record: their keys start with this. */
const QUERY_ROOTS: Record<LiveChange['streamType'], string> = {
  risk: 'risks',
  incident: 'incidents',
  goal: 'goals',
};

/** Changes are gathered this long, so that a burst reads each page again once. */
const GATHER_MS = 250;

export interface LiveState {
  connection: LiveConnection;
  /** When a change made elsewhere was last shown. */
  updatedAt: Date | null;
  lag: LiveLag | null;
}

/**
 * While signed in, the open page follows the read models: a change to a risk, incident or goal
 * reads again the shown queries about that kind of record. A record with a typed draft is left
 * as it is: its form keeps the version it was opened on, so that saving still meets "someone
 * else changed it" (409) instead of overwriting a change its author never saw.
 */
export function useLiveUpdates(signedIn: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>({
    connection: 'connecting',
    updatedAt: null,
    lag: null,
  });
  useEffect(() => {
    if (!signedIn) return;
    let pending: LiveChange[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** Reads again the shown queries about these kinds of record, but none a draft holds. */
    const refresh = async (roots: ReadonlySet<string>) => {
      const held = recordsWithDrafts();
      const predicate = (query: Query) =>
        roots.has(String(query.queryKey[0])) &&
        !query.queryKey.some((part) => held.has(String(part)));
      // Only a page that shows such a record says it was updated.
      const shown = queryClient.getQueryCache().findAll({ predicate, type: 'active' }).length > 0;
      await queryClient.invalidateQueries({ predicate });
      if (shown) setState((s) => ({ ...s, updatedAt: new Date() }));
    };
    const flush = () => {
      const roots = new Set(pending.map((c) => QUERY_ROOTS[c.streamType]));
      pending = [];
      timer = undefined;
      void refresh(roots);
    };
    const stop = followLive({
      change(changes) {
        pending.push(...changes);
        timer ??= setTimeout(flush, GATHER_MS);
      },
      resync: () => void refresh(new Set(Object.values(QUERY_ROOTS))),
      lag: (lag) => setState((s) => ({ ...s, lag })),
      connection: (connection) => setState((s) => ({ ...s, connection })),
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [signedIn, queryClient]);
  return state;
}
