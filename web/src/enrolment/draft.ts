import { useQuery } from '@tanstack/react-query';
import type { Enrolment } from '#shared/enrolment/model.ts';
import { api } from '../api/client.ts';
import { unwrap } from '../api/problem.ts';
import { tabStorageItem } from '../components/tabStorage.ts';

/**
 * The draft being filled in: its id and token live in sessionStorage (this tab only), never in
 * the page URL, so they leak through neither Referer, history nor server logs. The "à modifier"
 * email carries them in the fragment of /enrolement/reprise, which stores them here and drops it.
 */
export interface DraftHandle {
  id: string;
  token: string;
}

const stored = tabStorageItem<DraftHandle>('segur-mss.enrolment-draft');
export const readDraft = stored.read;
export const saveDraft = stored.save;
export const forgetDraft = stored.remove;

/** Path and header parameters of every draft route. */
export const draftParams = (draft: DraftHandle) => ({
  path: { id: draft.id },
  header: { 'X-Draft-Token': draft.token },
});

/**
 * The answers part of GET /v1/enrolments/{id}: the OpenAPI document does not describe it yet,
 * so it is read with the server's own model types.
 */
export type DraftAnswers = Partial<
  Pick<Enrolment, 'referencing' | 'applicant' | 'bank' | 'vat' | 'lookedUpCompany'>
> & {
  lastDecisionComment?: string;
};

export function useDraftView(draft: DraftHandle | undefined) {
  return useQuery({
    queryKey: ['draft', draft?.id],
    enabled: draft !== undefined,
    queryFn: async () => {
      const view = unwrap(
        await api.GET('/v1/enrolments/{id}', { params: draftParams(draft as DraftHandle) }),
      );
      return { ...view, answers: view as unknown as DraftAnswers };
    },
  });
}
export type DraftView = NonNullable<ReturnType<typeof useDraftView>['data']>;
