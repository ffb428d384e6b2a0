import type { ReactNode } from 'react';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** A page of text only (footer pages, help). */
export function StaticPage({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="fr-col-12 fr-col-md-9">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
