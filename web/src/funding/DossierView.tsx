import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { unwrap } from '../api/problem.ts';
import { frenchDate } from '../components/dates.ts';
import { ProblemAlert } from '../components/Form.tsx';

export function useDossier(number: string | null | undefined) {
  return useQuery({
    queryKey: ['dossier', number],
    enabled: Boolean(number),
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/funding/dossiers/{number}', { params: { path: { number: number as string } } }),
      ),
  });
}

function Pair({ label, value }: { label: string; value: string | number | undefined }) {
  return (
    <div className="fr-col-12 fr-col-md-6 fr-mb-1w">
      <dt className="fr-text--bold fr-mb-0">{label}</dt>
      <dd className="fr-ml-0">{value ?? '—'}</dd>
    </div>
  );
}

/** The advance's "Récapitulatif": number, date, status, the request, "Pièces justificatives", "Courriels automatiques envoyés", payment. */
export function DossierView({ number }: { number: string }) {
  const dossier = useDossier(number);
  if (dossier.error) return <ProblemAlert error={dossier.error} />;
  const data = dossier.data;
  if (!data) return <p>Chargement du dossier…</p>;
  const { summary, advance } = data;
  return (
    <>
      <h2>Récapitulatif</h2>
      <dl className="fr-grid-row">
        <Pair label="N°unique de référencement (ANS) :" value={summary.referencingNumber} />
        <Pair label="SIRET :" value={summary.siret} />
        <Pair label="Dénomination sociale :" value={summary.denominationSociale} />
        <Pair label="Adresse :" value={summary.addressLines.join(', ')} />
        <Pair label="Numéro de Dossier :" value={summary.dossierNumber} />
        <Pair label="Déposé le :" value={summary.depositedOn} />
        <div className="fr-col-12 fr-col-md-6 fr-mb-1w">
          <dt className="fr-text--bold fr-mb-0">Statut :</dt>
          <dd className="fr-ml-0">
            <Badge severity="success" noIcon>
              {summary.statusLabel}
            </Badge>
          </dd>
        </div>
      </dl>
      <h2>Information de la demande</h2>
      <dl className="fr-grid-row">
        <Pair label="Taux de TVA applicable :" value={advance.vatRateLabel} />
        <Pair label="Montant fixe éligible pour l'opérateur :" value={advance.fixedEligibleAmount.ttc} />
        <Pair
          label="Nombre de Boîtes Aux Lettres (BAL rattachées à des applications) :"
          value={advance.current.applicatives}
        />
        <Pair
          label="Nombre de BAL applicatives estimées à la date de clôture :"
          value={advance.estimatedAtClosing.applicatives}
        />
        <Pair
          label="Nombre de BAL organisationnelles actuelles :"
          value={advance.current.organisationnelles}
        />
        <Pair
          label="Nombre de BAL organisationnelles estimées à la date de clôture :"
          value={advance.estimatedAtClosing.organisationnelles}
        />
        <Pair label="Nombre de BAL personnelles actuelles :" value={advance.current.personnelles} />
        <Pair
          label="Nombre de BAL personnelles estimées à la date de clôture :"
          value={advance.estimatedAtClosing.personnelles}
        />
        <Pair label="Montant de l'avance décidé (TTC) :" value={advance.decidedAmount.ttc} />
      </dl>
      <Accordion label="Pièces justificatives">
        {data.documents.length === 0 ? (
          <p>La décision d'attribution est en cours de production ; rechargez la page dans un instant.</p>
        ) : (
          <Table
            caption="Pièces justificatives"
            headers={['Nom fichier', 'Type', 'Date de dépôt', 'Consulter']}
            data={data.documents.map((document) => [
              document.fileName,
              document.type,
              document.depositedOn,
              <a
                key={document.fileName}
                className="fr-link fr-icon-download-line fr-link--icon-left"
                href={document.download.url}
              >
                Télécharger<span className="fr-sr-only"> {document.fileName}</span>
              </a>,
            ])}
          />
        )}
      </Accordion>
      <Accordion label="Courriels automatiques envoyés">
        {data.emails.length === 0 ? (
          <p>Aucun courriel envoyé pour l'instant.</p>
        ) : (
          <Table
            caption="Courriels automatiques envoyés"
            headers={['Courriel', 'Objet', 'Destinataire', 'Statut', 'Envoyé le']}
            data={data.emails.map((email) => [
              email.label,
              email.subject,
              email.recipient,
              email.statusLabel,
              frenchDate(email.sentAt),
            ])}
          />
        )}
      </Accordion>
      <h2 className="fr-mt-4w">Statut du paiement</h2>
      <Table
        caption="Paiements"
        headers={['Paiement', 'Statut', 'Montant TTC', 'Compte', 'Date de mise en paiement']}
        data={data.payment.items.map((item) => [
          item.label,
          item.statusLabel,
          item.amount?.ttc ?? '—',
          item.ibanMasked ?? '—',
          frenchDate(item.launchedAt),
        ])}
      />
    </>
  );
}
