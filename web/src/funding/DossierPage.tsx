import { useParams } from 'react-router';
import { RequireSession } from '../auth/RequireSession.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { DossierView } from './DossierView.tsx';
import { FundingTabs } from './FundingTabs.tsx';

/** `/financement/dossiers/FINMSS…`: the link of the decision and payment emails. */
export default function DossierPage() {
  const { number = '' } = useParams();
  usePageTitle(`Dossier ${number}`);
  return (
    <RequireSession>
      <FundingTabs />
      <DossierView number={number} />
    </RequireSession>
  );
}
