import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api/client';

export type Goal = Schemas['GoalRegisterEntryResponse'];

/** The goals of a year, of one area or all the caller may see. */
export function useGoals(year: number, area: string) {
  return useQuery({
    queryKey: ['goals', 'list', year, area],
    queryFn: () =>
      unwrap(api.GET('/goals', { params: { query: { year, area: area || undefined } } })),
  });
}
