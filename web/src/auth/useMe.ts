import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { unwrap } from '../api/problem.ts';

/** The logged-in account and its operator identity (`GET /v1/me`). */
export function useMe(enabled = true) {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => unwrap(await api.GET('/v1/me')),
    enabled,
    staleTime: 60_000,
  });
}

/** The name shown in the header: the operator's dénomination, else the account's identifier. */
export function useOperatorName(enabled: boolean): string | undefined {
  const me = useMe(enabled).data;
  return me?.operator?.denominationSociale ?? me?.account.identifier;
}
