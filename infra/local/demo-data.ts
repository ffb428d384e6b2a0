/**
 * Demo data seeded by `npm start` (idempotently). Referenced solutions are normally imported
 * from the ANS list by an admin command; these few let the whole flow be tried offline.
 */
export const demoReferencings = [
  {
    number: 'zbuMSS0046',
    solutionName: 'Messagerie sécurisée PROCIVIS',
    couloir: 'MSS',
    dsrLabel: 'MSS Opérateurs',
    typeLogiciel: 'Opérateur MSS',
    vague: 'Vague 1',
    developerSiret: '39177919600040',
    developerName: 'PROCIVIS IMMOBILIER',
  },
  {
    number: 'abcMSS0112',
    solutionName: 'MédiMail Pro',
    couloir: 'MSS',
    dsrLabel: 'MSS Opérateurs',
    typeLogiciel: 'Opérateur MSS',
    vague: 'Vague 1',
    developerSiret: '47992882200069',
    developerName: 'ASSOCIATION SERVICES MEDIATION',
  },
  {
    number: 'xyzDMP0007',
    solutionName: 'Logiciel de cabinet DMP',
    couloir: 'MED',
    dsrLabel: 'Médecin de ville',
    typeLogiciel: 'LGC',
    vague: 'Vague 1',
    developerSiret: '39177919600040',
    developerName: 'PROCIVIS IMMOBILIER',
  },
] as const;

/**
 * The demo instructor of the local stack (`npm start` and tests). Its password is fixed and
 * already "changed" (secret question set) so that demos and other test files can log in as
 * an instructor in one call; real instructor accounts come from `npm run admin:create-instructor`,
 * which always issues a temporary password to change at first login.
 */
export const DEMO_INSTRUCTOR = {
  identifier: 'instructeur.demo',
  password: 'Demo-Instructeur#2026',
  email: 'instructeur.demo@asp.local',
  secretQuestion: 'Quel est le nom de mon organisme ?',
  secretAnswer: 'Agence de Services et de Paiement',
} as const;

/**
 * The demo operator of `npm start`: a validated enrolment (n° ENR9000M2, far above the numbers
 * the local counter gives) and its account, already set up, with no advance requested yet, so
 * the portal's private area can be tried at once. Its SIRET is used by no test fixture.
 */
export const DEMO_OPERATOR = {
  identifier: 'operateur.demo',
  password: 'Demo-Operateur#2026',
  secretQuestion: 'Quel est le nom de ma messagerie ?',
  secretAnswer: 'Marianne',
  enrolmentId: '0de30000-0000-4000-8000-000000000001',
  enrolmentNumber: 'ENR9000M2',
  siret: '88123456700009',
  denominationSociale: 'MSS DÉMO SANTÉ',
  contact: {
    prenom: 'Operateur',
    nom: 'Demo',
    email: 'operateur.demo@mss-demo.local',
    telephone: '0102030405',
  },
} as const;
