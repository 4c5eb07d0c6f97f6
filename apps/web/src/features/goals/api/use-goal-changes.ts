import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, ifMatch, unwrap, type Schemas } from '../../../lib/api/client';

/**
 * The goal register follows the store through Kafka: a change counts as done once the register
 * shows it, so that the list shows it and the next change sends the right version.
 */
async function untilRegistered(id: string, version: number): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      const goal = await unwrap(api.GET('/goals/{id}', { params: { path: { id } } }));
      if (goal.version >= version) return;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function useGoalChange<Input>(change: (input: Input) => Promise<{ id: string; version: number }>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: Input) => {
      const { id, version } = await change(input);
      await untilRegistered(id, version);
      return id;
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['goals'] }),
  });
}

export function useSetGoal() {
  return useGoalChange(async (body: Schemas['SetGoalRequest']) => {
    const { id } = await unwrap(api.POST('/goals', { body }));
    return { id, version: 1 };
  });
}

export function useMeasureIndicator(id: string) {
  return useGoalChange(async (body: Schemas['MeasureIndicatorRequest']) => {
    const { version } = await unwrap(
      api.POST('/goals/{id}/measurements', { params: { path: { id } }, body }),
    );
    return { id, version };
  });
}

export function useReviseGoal(id: string) {
  return useGoalChange(
    async ({ version, body }: { version: number; body: Schemas['ReviseGoalRequest'] }) => {
      const answer = await unwrap(
        api.POST('/goals/{id}/revisions', {
          params: { path: { id }, header: ifMatch(version) },
          body,
        }),
      );
      return { id, version: answer.version };
    },
  );
}

export function useWithdrawGoal(id: string) {
  return useGoalChange(
    async ({ version, body }: { version: number; body: Schemas['WithdrawGoalRequest'] }) => {
      const answer = await unwrap(
        api.POST('/goals/{id}/withdrawal', {
          params: { path: { id }, header: ifMatch(version) },
          body,
        }),
      );
      return { id, version: answer.version };
    },
  );
}
