import { modelDocumentFiles } from '#model-documents';
import { MODEL_DOCUMENTS } from '#shared/enrolment/model-documents.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { getModelDocumentRoute } from './route.ts';

export const handler = httpHandler(getModelDocumentRoute, async ({ params }) => ({
  status: 200,
  body: modelDocumentFiles[params.model],
  headers: {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${MODEL_DOCUMENTS[params.model].fileName}"`,
    'cache-control': 'public, max-age=86400',
  },
}));
