/** The back office's header navigation (the header lives in the shared Layout, this list here). */
export const INSTRUCTOR_NAVIGATION = [
  { text: "Demandes d'enrôlement", to: '/instruction', exact: true },
  { text: 'Dossiers de financement', to: '/instruction/financement' },
  { text: 'Appel à financement', to: '/instruction/appel' },
] as const;
