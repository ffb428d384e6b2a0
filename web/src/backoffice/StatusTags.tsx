import { Link } from 'react-router';

/** The statuses a list can show, as links (the current one marked for screen readers too). */
export function StatusTags<Status extends string>({
  label,
  statuses,
  current,
  href,
}: {
  label: string;
  statuses: readonly (readonly [Status, string])[];
  current: Status;
  href: (status: Status) => string;
}) {
  return (
    <nav aria-label={label}>
      <ul className="fr-tags-group">
        {statuses.map(([value, text]) => (
          <li key={value}>
            <Link className="fr-tag" to={href(value)} aria-current={value === current ? 'page' : undefined}>
              {text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
