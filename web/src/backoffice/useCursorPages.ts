import { useState } from 'react';

/**
 * Pages of a list the API pages with an opaque cursor: the cursors of the pages seen are kept so
 * "Page précédente" goes back without the API knowing about pages.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: cursors.at(-1),
    pageNumber: cursors.length,
    next: (cursor: string) => setCursors((seen) => [...seen, cursor]),
    previous: () => setCursors((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen)),
    reset: () => setCursors([undefined]),
  };
}
