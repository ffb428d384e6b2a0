import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { ApiProblem, unwrap } from '../api/problem.ts';
import type { paths } from '../api/schema.d.ts';
import { type DraftHandle, draftParams } from './draft.ts';

type UploadRequest = NonNullable<
  paths['/v1/enrolments/{id}/documents']['post']['requestBody']
>['content']['application/json'];

export const FILE_RULES = 'Fichier de type .png, .jpg, .jpeg ou .pdf. Taille maximum : 4 Mo';

/** Posts the file straight to the presigned POST (S3), reporting progress; resolves on S3's 2xx. */
function postToStorage(
  target: { url: string; fields: Record<string, string> },
  file: File,
  onProgress: (percent: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
    form.append('file', file);
    const request = new XMLHttpRequest();
    request.open('POST', target.url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => (request.status < 300 ? resolve() : reject(new Error(String(request.status))));
    request.onerror = () => reject(new Error('network'));
    request.send(form);
  });
}

/**
 * One justificatif: the DSFR upload field with the allowed types and the 4 Mo limit, the file
 * already deposited (from the draft's `documents`), a progress bar while the file goes to storage,
 * and the server's verdict on the field (the presigned POST's refusal at once, the content check
 * when the step is saved: `errors['documents.<field>']`).
 */
type DraftDocuments = Partial<Record<string, { fileName: string }>> | undefined;

/**
 * A step's uploads all share its draft, its deposited documents and its server errors: bound once
 * here, each upload is then named by its field and label only.
 */
export const bindDocumentUpload =
  (draft: DraftHandle, documents: DraftDocuments, errors: Record<string, string>) =>
  (field: string, label: string) => (
    <DocumentUpload draft={draft} field={field} label={label} documents={documents} errors={errors} />
  );

export function DocumentUpload({
  draft,
  field,
  label,
  documents,
  errors,
}: {
  draft: DraftHandle;
  field: string;
  label: string;
  documents: DraftDocuments;
  errors: Record<string, string>;
}) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const [uploaded, setUploaded] = useState<string>();

  async function upload(file: File) {
    setError(undefined);
    setUploaded(undefined);
    setProgress(0);
    try {
      const target = unwrap(
        await api.POST('/v1/enrolments/{id}/documents', {
          params: draftParams(draft),
          // The type is the server's to judge: a wrong one comes back as a 422 on `contentType`.
          body: { field, fileName: file.name, contentType: file.type } as UploadRequest,
        }),
      );
      await postToStorage(target, file, setProgress);
      setUploaded(file.name);
      await queryClient.invalidateQueries({ queryKey: ['draft', draft.id] });
    } catch (failure) {
      setError(
        failure instanceof ApiProblem
          ? (Object.values(failure.fields)[0] ?? failure.detail)
          : "Le fichier n'a pas pu être déposé. Vérifiez son type et sa taille (4 Mo maximum), puis réessayez.",
      );
    } finally {
      setProgress(undefined);
    }
  }

  const message = error ?? errors[`documents.${field}`];
  const shown = uploaded ?? documents?.[field]?.fileName;
  return (
    <div className="fr-mb-4w">
      <Upload
        label={`${label} *`}
        hint={FILE_RULES}
        state={message ? 'error' : shown ? 'success' : 'default'}
        stateRelatedMessage={message ?? (shown ? `Fichier déposé : ${shown}` : undefined)}
        nativeInputProps={{
          id: `document-${field}`,
          name: `documents.${field}`,
          accept: '.png,.jpg,.jpeg,.pdf,application/pdf,image/png,image/jpeg',
          onChange: (event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
          },
        }}
      />
      {progress !== undefined && (
        <progress className="fr-mt-1w" max={100} value={progress} aria-label={`Envoi de « ${label} »`}>
          {progress} %
        </progress>
      )}
    </div>
  );
}
