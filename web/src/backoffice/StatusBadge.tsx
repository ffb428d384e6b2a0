import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { EnrolmentStatus } from './types.ts';

const SEVERITY = {
  BROUILLON: 'info',
  DEPOSEE: 'new',
  A_MODIFIER: 'warning',
  VALIDEE: 'success',
  REJETEE: 'error',
} as const satisfies Record<EnrolmentStatus, string>;

export const EnrolmentStatusBadge = ({ status, label }: { status: EnrolmentStatus; label: string }) => (
  <Badge noIcon severity={SEVERITY[status]}>
    {label}
  </Badge>
);
