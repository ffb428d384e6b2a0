import { Button } from '@codegouvfr/react-dsfr/Button';
import type { useCursorPages } from './useCursorPages.ts';

/** "Page précédente" / "Page suivante" under a list paged by the API's cursor. */
export function Pager({
  pages,
  nextCursor,
  label,
}: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | undefined;
  label: string;
}) {
  if (pages.pageNumber === 1 && !nextCursor) return null;
  return (
    <nav className="fr-btns-group fr-btns-group--inline fr-mt-2w" aria-label={`Pagination : ${label}`}>
      <p className="fr-mb-0 fr-mr-2w">Page {pages.pageNumber}</p>
      <Button priority="secondary" disabled={pages.pageNumber === 1} onClick={pages.previous}>
        Page précédente
      </Button>
      <Button
        priority="secondary"
        disabled={!nextCursor}
        onClick={() => nextCursor && pages.next(nextCursor)}
      >
        Page suivante
      </Button>
    </nav>
  );
}
