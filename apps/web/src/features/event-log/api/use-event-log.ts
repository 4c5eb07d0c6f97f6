import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap, type Schemas } from '../../../lib/api/client';
import type { paths } from '../../../lib/api/schema';
import { exportFileName, saveFile, type ExportFormat } from '../../../lib/api/save-file';

export type LogEntry = Schemas['TraceabilityEntryResponse'];
export type LoggedEvent = Schemas['TraceabilityEventResponse'];
export type EventLogQuery = Omit<
  NonNullable<paths['/traceability']['get']['parameters']['query']>,
  'after' | 'limit'
>;

export const PAGE_SIZE = 100;

interface LogPage {
  entries: LogEntry[];
  /** How many entries the search finds in all (the API says so on the first page). */
  total?: number;
  /** The cursor of the next page: the last position of this one, when it was full. */
  next?: number;
}

/** The log in order, a page at a time, each next page after the last entry shown. */
export function useEventLog(query: EventLogQuery) {
  return useInfiniteQuery({
    queryKey: ['event-log', query],
    initialPageParam: undefined as number | undefined,
    queryFn: async ({ pageParam }): Promise<LogPage> => {
      const { data, error, response } = await api.GET('/traceability', {
        params: { query: { ...query, after: pageParam, limit: PAGE_SIZE } },
      });
      if (!response.ok || !data) throw await ApiError.from(response, error);
      const total = response.headers.get('X-Total-Count');
      return {
        entries: data,
        total: total === null ? undefined : Number(total),
        next: data.length === PAGE_SIZE ? data[data.length - 1].position : undefined,
      };
    },
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
  });
}

/** One entry with its event as the store holds it. */
export function useLoggedEvent(position: number) {
  return useQuery({
    queryKey: ['event-log', 'event', position],
    queryFn: () => unwrap(api.GET('/traceability/{position}', { params: { path: { position } } })),
  });
}

/** The search's entries as CSV or a spreadsheet, in the console's language. */
export function useExportEventLog() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async ({ query, format }: { query: EventLogQuery; format: ExportFormat }) => {
      const blob = await unwrap<Blob>(
        api.GET('/traceability/export', {
          params: { query: { ...query, format, lang: i18n.language === 'en' ? 'en' : 'sv' } },
          parseAs: 'blob',
        }),
      );
      saveFile(blob, exportFileName('handelselogg', format));
    },
  });
}
