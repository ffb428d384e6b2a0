import { NavLink } from 'react-router';

/** "Ma demande de financement" with its two sub-tabs, as links (each is a page of its own). */
export function FundingTabs() {
  const tab = ({ isActive }: { isActive: boolean }) => `fr-tag fr-mr-1w${isActive ? ' fr-text--bold' : ''}`;
  return (
    <>
      <h1>Ma demande de financement</h1>
      <nav aria-label="Ma demande de financement" className="fr-mb-4w">
        <NavLink to="/financement" end className={tab}>
          1 - Ma demande d'avance
        </NavLink>
        <NavLink to="/financement/solde" className={tab}>
          2 - Ma demande de solde
        </NavLink>
      </nav>
    </>
  );
}
