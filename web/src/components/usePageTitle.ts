import { useEffect } from 'react';

/** Each page has its own title (RGAA 8.6), read first by screen readers after a navigation. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — Portail Ségur Numérique`;
  }, [title]);
}
