import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ENROLMENT_STATUS_LABELS, type EnrolmentStatus } from '#shared/enrolment/status.ts';
import { VAT_REGIMES, type VatRegime } from '#shared/enrolment/vat.ts';
import { api } from '../api/client.ts';
import { unwrap } from '../api/problem.ts';
import { ProblemAlert } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { type DecisionOutcome, DecisionPanel } from './DecisionPanel.tsx';
import { EmailsTable, FailuresTable } from './FollowUps.tsx';
import { dateTime } from './format.ts';
import { EnrolmentStatusBadge } from './StatusBadge.tsx';
import type { EnrolmentFile } from './types.ts';

/** Download links live 1 minute: the file is read again before they expire while the page is open. */
const LINK_REFRESH_MS = 50_000;

export const enrolmentFileKey = (id: string) => ['admin-enrolment', id];

/** An enrolment request's file: every answer of the five steps, documents, history, emails, decision. */
export default function EnrolmentFilePage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<DecisionOutcome>();
  const file = useQuery({
    queryKey: enrolmentFileKey(id),
    queryFn: async () => unwrap(await api.GET('/v1/admin/enrolments/{id}', { params: { path: { id } } })),
    refetchInterval: LINK_REFRESH_MS,
  });
  usePageTitle(file.data?.number ? `Demande ${file.data.number}` : "Demande d'enrôlement");
  const data = file.data;
  return (
    <>
      <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/instruction">
        Retour aux demandes
      </Link>
      <ProblemAlert error={file.error} />
      {data && (
        <>
          <h1 className="fr-mt-2w">Demande d'enrôlement {data.number}</h1>
          <p>
            <EnrolmentStatusBadge status={data.status} label={data.statusLabel} /> Déposée le{' '}
            {dateTime(data.submittedAt)} · mise à jour le {dateTime(data.updatedAt)} · version {data.version}
          </p>
          {outcome && <OutcomeAlert outcome={outcome} statusLabel={data.statusLabel} />}
          {data.status === 'DEPOSEE' ? (
            <DecisionPanel
              enrolment={data}
              onDecided={async (result) => {
                await queryClient.invalidateQueries({ queryKey: enrolmentFileKey(id) });
                setOutcome(result);
              }}
            />
          ) : (
            data.lastDecision && <LastDecision decision={data.lastDecision} />
          )}
          <Answers file={data} />
          <Documents file={data} />
          <History file={data} />
          <section aria-labelledby="courriels">
            <h2 id="courriels">Courriels automatiques envoyés</h2>
            <EmailsTable emails={data.emails} />
          </section>
          <section aria-labelledby="echecs">
            <h2 id="echecs">Envois en échec</h2>
            <FailuresTable
              failures={data.workflowFailures}
              retry={async (executionName) => {
                unwrap(
                  await api.POST('/v1/admin/enrolments/{id}/workflow-failures/{executionName}/retry', {
                    params: { path: { id, executionName } },
                  }),
                );
                await queryClient.invalidateQueries({ queryKey: enrolmentFileKey(id) });
              }}
            />
          </section>
        </>
      )}
    </>
  );
}

const ACTION_LABELS: Record<string, string> = {
  submit: 'Dépôt de la demande',
  validate: 'Validation',
  requestChanges: 'Demande de modifications',
  reject: 'Rejet',
};

function OutcomeAlert({ outcome, statusLabel }: { outcome: DecisionOutcome; statusLabel: string }) {
  return outcome === 'stale' ? (
    <Alert
      className="fr-mb-3w"
      severity="warning"
      title="Cette demande a été modifiée entre-temps"
      description={`Votre décision n'a pas été enregistrée : la demande affichée est son état actuel (statut « ${statusLabel} »).`}
    />
  ) : (
    <Alert
      className="fr-mb-3w"
      severity="success"
      title="Décision enregistrée"
      description={`La demande est désormais « ${statusLabel} ». Le demandeur en est informé par courriel.`}
    />
  );
}

function LastDecision({ decision }: { decision: NonNullable<EnrolmentFile['lastDecision']> }) {
  return (
    <div className="fr-callout fr-mb-4w">
      <h2 className="fr-callout__title fr-h6">Dernière décision : {ACTION_LABELS[decision.action]}</h2>
      <p className="fr-callout__text">
        Le {dateTime(decision.at)}
        {decision.comment ? ` — « ${decision.comment} »` : ''}
      </p>
    </div>
  );
}

/** Term / value rows of one step. */
function Facts({ rows }: { rows: [string, string | undefined][] }) {
  return (
    <dl className="fr-grid-row">
      {rows.map(([term, value]) => (
        <div key={term} className="fr-col-12 fr-col-md-6 fr-mb-2w">
          <dt className="fr-text--bold fr-mb-0">{term}</dt>
          <dd className="fr-ml-0">{value && value.trim() !== '' ? value : '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

const yesNo = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'Oui' : 'Non');
type Person = NonNullable<NonNullable<EnrolmentFile['applicant']>['depositaire']>;
const personRows = (who: string, person: Person | undefined): [string, string | undefined][] =>
  person
    ? [
        [`Nom du ${who}`, person.nom],
        [`Prénom du ${who}`, person.prenom],
        [`Email du ${who}`, person.email],
        [`Téléphone du ${who}`, person.telephone],
      ]
    : [];
const CAPACITIES = { CENTRE_DE_GESTION: 'Centre de gestion / expert-comptable', EMPLOYE: 'Employé' } as const;

function Answers({ file }: { file: EnrolmentFile }) {
  const { referencing, applicant, bank, vat } = file;
  const address = applicant?.address;
  return (
    <>
      <section aria-labelledby="etape-1">
        <h2 id="etape-1">1. Référencement</h2>
        <Facts
          rows={[
            ['N° unique de référencement (ANS)', referencing?.number],
            ['DSR concerné', referencing?.dsr.label],
            ['Couloir', referencing?.dsr.couloir],
            ['Type de logiciel', referencing?.dsr.typeLogiciel],
            ['Vague', referencing?.dsr.vague],
            ['Solution référencée', referencing?.solutionName],
            ['SIRET de l’éditeur', referencing?.developerSiret],
            ['Éditeur', referencing?.developerName],
          ]}
        />
      </section>
      <section aria-labelledby="etape-2">
        <h2 id="etape-2">2. Demandeur</h2>
        <Facts
          rows={[
            ['Numéro de SIRET', applicant?.siret],
            ['Dénomination sociale', applicant?.denominationSociale],
            ['Dénomination de l’annuaire des entreprises', applicant?.registeredDenomination],
            ['Nom commercial', applicant?.nomCommercial],
            ['Identité du destinataire / service', address?.destinataire],
            ['Entrée / Bât / Immeuble', address?.entreeBatiment],
            [
              'Adresse',
              address &&
                [address.numero, address.extension, address.typeVoie, address.nomVoie]
                  .filter(Boolean)
                  .join(' '),
            ],
            ["Complément d'adresse", address?.complement],
            ['Code postal', address?.codePostal],
            ['Commune', address?.commune],
            ['Opérateur acheteur (bon de commande)', yesNo(applicant?.isBuyerOperator)],
            ['Je suis le représentant légal du fournisseur', yesNo(applicant?.isLegalRepresentative)],
            ...personRows('représentant', applicant?.representative),
            ...personRows('dépositaire', applicant?.depositaire),
            [
              'Qualité de tiers déclarant',
              applicant?.tiersDeclarantCapacity && CAPACITIES[applicant.tiersDeclarantCapacity],
            ],
          ]}
        />
      </section>
      <section aria-labelledby="etape-3">
        <h2 id="etape-3">3. Coordonnées bancaires</h2>
        <Facts
          rows={[
            ['IBAN', bank?.iban],
            ['BIC', bank?.bic],
            ['Titulaire', bank?.titulaire],
            ['Domiciliation', bank?.domiciliation],
          ]}
        />
      </section>
      <section aria-labelledby="etape-4">
        <h2 id="etape-4">4. Taux de TVA</h2>
        <Facts rows={[['Taux TVA', vat && VAT_REGIMES[vat.regime as VatRegime].label]]} />
      </section>
      <section aria-labelledby="etape-5">
        <h2 id="etape-5">5. Récapitulatif</h2>
        <Facts
          rows={[
            ['CGU lues et acceptées', yesNo(file.declarations?.cgu)],
            [
              'Informé(e) des dispositions de l’article 441-7 du code pénal',
              yesNo(file.declarations?.article4417),
            ],
            ['Éléments certifiés sincères et véritables', yesNo(file.declarations?.sincerity)],
            ['Déclarations acceptées le', file.declarations && dateTime(file.declarations.acceptedAt)],
          ]}
        />
      </section>
    </>
  );
}

const FILE_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

function Documents({ file }: { file: EnrolmentFile }) {
  const documents = Object.entries(file.documents);
  return (
    <section aria-labelledby="pieces">
      <h2 id="pieces">Pièces justificatives</h2>
      {documents.length === 0 ? (
        <p>Aucune pièce.</p>
      ) : (
        <Table
          caption="Pièces justificatives de la demande"
          headers={['Pièce', 'Nom du fichier', 'Type', 'Déposée le', 'Ouvrir']}
          data={documents.map(([field, document]) => [
            document.label,
            document.fileName,
            FILE_TYPES[document.contentType] ?? document.contentType,
            dateTime(document.uploadedAt),
            document.download ? (
              <a
                key={field}
                className="fr-link"
                href={document.download.url}
                target="_blank"
                rel="noopener noreferrer"
                title={`Ouvrir ${document.label} — nouvelle fenêtre`}
              >
                Ouvrir<span className="fr-sr-only"> {document.label}</span>
              </a>
            ) : (
              'Non vérifiée'
            ),
          ])}
        />
      )}
    </section>
  );
}

function History({ file }: { file: EnrolmentFile }) {
  return (
    <section aria-labelledby="historique">
      <h2 id="historique">Historique</h2>
      <Table
        caption="Historique de la demande"
        headers={['Date', 'Événement', 'Statut', 'Par', 'Commentaire']}
        data={file.audit.map((event) => [
          dateTime(event.at),
          ACTION_LABELS[event.action] ?? event.action,
          `${event.fromStatus ? `${statusLabelOf(event.fromStatus)} → ` : ''}${statusLabelOf(event.toStatus)}`,
          event.who === 'applicant' ? 'Le demandeur' : `Instructeur ASP (${event.who.slice(0, 8)})`,
          event.comment ?? '—',
        ])}
      />
    </section>
  );
}

const statusLabelOf = (status: string) => ENROLMENT_STATUS_LABELS[status as EnrolmentStatus] ?? status;
