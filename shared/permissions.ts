/** What a function may touch; the CDK stack derives least-privilege grants from it. */
export interface Permissions {
  table?: 'read' | 'readwrite';
  /**
   * Key prefixes in the documents bucket, e.g. `enrolments/`; `versions`: also one version named
   * by its VersionId (reading it, and deleting it with `readwrite`), as a scan result names it.
   */
  bucket?: { prefixes: string[]; access: 'read' | 'readwrite'; versions?: boolean };
  ses?: boolean;
  /** Ids of the workflows (see shared/workflows) this function may start or describe. */
  workflows?: string[];
}
