import {
  documentsBucket,
  draftHeaders,
  draftProblems,
  table,
  tags,
} from '#shared/routes/enrolment-common.ts';
import { enrolmentIdParams } from '#shared/routes/enrolment-schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const deleteEnrolmentRoute = defineRoute({
  id: 'deleteEnrolment',
  method: 'DELETE',
  path: '/v1/enrolments/{id}',
  access: 'draft',
  summary: 'Quitter sans enregistrer : supprime le brouillon et ses fichiers',
  tags,
  request: { params: enrolmentIdParams, headers: draftHeaders },
  responses: { 204: { description: 'Brouillon supprimé' }, ...draftProblems },
  permissions: { table, bucket: documentsBucket },
});
