/** What a function may touch; the CDK stack derives least-privilege grants from it. */
export interface Permissions {
  table?: 'read' | 'readwrite';
  /** Key prefixes in the documents bucket, e.g. `enrolments/`. */
  bucket?: { prefixes: string[]; access: 'read' | 'readwrite' };
  ses?: boolean;
  /** Ids of the workflows (see shared/workflows) this function may start or describe. */
  workflows?: string[];
}
