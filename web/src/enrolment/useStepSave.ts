import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorsOf } from '../api/problem.ts';
import type { StepKey } from './EnrolmentPage.tsx';

interface SavedView {
  id: string;
  steps: Record<StepKey, { complete: boolean; missing: { path: string; message: string }[] }>;
}

/**
 * Saves a step; moves on only when the server says the step is complete, else shows what it
 * lists as missing (`missing[].path` under the fields, e.g. `documents.rib`). The rules that
 * decide it stay on the server.
 */
export function useStepSave<Body>(step: StepKey, next: () => void, send: (body: Body) => Promise<SavedView>) {
  const queryClient = useQueryClient();
  const [missing, setMissing] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: send,
    onMutate: () => setMissing({}),
    onSuccess: async (view) => {
      await queryClient.invalidateQueries({ queryKey: ['draft', view.id] });
      const status = view.steps[step];
      if (status.complete) next();
      else setMissing(Object.fromEntries(status.missing.map((item) => [item.path, item.message])));
    },
  });
  return { mutation, missing, errors: { ...missing, ...fieldErrorsOf(mutation.error) } };
}
