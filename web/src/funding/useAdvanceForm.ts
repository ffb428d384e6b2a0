import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { unwrap } from '../api/problem.ts';

/** Cache key of the operator's advance form, refreshed once the advance is requested. */
export const ADVANCE_FORM_KEY = ['advance-form'];

/** The operator's advance form: prefilled values, the dossier number once requested, the closing date. */
export const useAdvanceForm = () =>
  useQuery({
    queryKey: ADVANCE_FORM_KEY,
    queryFn: async () => unwrap(await api.GET('/v1/funding/advance')),
  });
