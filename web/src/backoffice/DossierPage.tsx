import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { fieldErrorsOf, unwrap } from '../api/problem.ts';
import { ProblemAlert, TextField } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { EmailsTable, FailuresTable } from './FollowUps.tsx';
import { dateTime, euros } from './format.ts';
import type { Dossier } from './types.ts';

const dossierKey = (number: string) => ['admin-dossier', number];
/** Decision PDF links live 5 minutes: read the dossier again before they expire. */
const LINK_REFRESH_MS = 4 * 60_000;

/** A funding dossier as the instructor follows it: counts, amounts, decisions, emails, payments. */
export default function DossierPage() {
  const { number = '' } = useParams();
  usePageTitle(`Dossier ${number}`);
  const queryClient = useQueryClient();
  const dossier = useQuery({
    queryKey: dossierKey(number),
    queryFn: async () =>
      unwrap(await api.GET('/v1/funding/dossiers/{number}', { params: { path: { number } } })),
    refetchInterval: LINK_REFRESH_MS,
  });
  const data = dossier.data;
  return (
    <>
      <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/instruction/financement">
        Retour aux dossiers
      </Link>
      <h1 className="fr-mt-2w">Dossier de financement {number}</h1>
      <ProblemAlert error={dossier.error} />
      {data && (
        <>
          <p>
            <Badge noIcon severity="success">
              {data.statusLabel}
            </Badge>{' '}
            Déposé le {dateTime(data.summary.depositedAt)} · version {data.version}
          </p>
          <Summary dossier={data} />
          <Counts dossier={data} />
          <Amounts dossier={data} />
          <Decisions dossier={data} />
          <Payments
            dossier={data}
            onChanged={(updated) => queryClient.setQueryData(dossierKey(number), updated)}
          />
          <section aria-labelledby="courriels">
            <h2 id="courriels">Courriels automatiques envoyés</h2>
            <EmailsTable emails={data.emails} />
          </section>
          <section aria-labelledby="echecs">
            <h2 id="echecs">Suites de décision en échec</h2>
            <FailuresTable
              failures={data.workflowFailures ?? []}
              retry={async (executionName) => {
                unwrap(
                  await api.POST('/v1/admin/dossiers/{number}/workflow-failures/{executionName}/retry', {
                    params: { path: { number, executionName } },
                  }),
                );
                await queryClient.invalidateQueries({ queryKey: dossierKey(number) });
              }}
            />
          </section>
        </>
      )}
    </>
  );
}

function Summary({ dossier }: { dossier: Dossier }) {
  const { summary } = dossier;
  return (
    <section aria-labelledby="recapitulatif">
      <h2 id="recapitulatif">Récapitulatif</h2>
      <dl className="fr-grid-row">
        {(
          [
            ['N° de référencement', summary.referencingNumber],
            ['SIRET', summary.siret],
            ['Dénomination sociale', summary.denominationSociale],
            ['Adresse', summary.addressLines.join(', ')],
            ['Taux TVA', dossier.advance.vatRateLabel],
            ['Date de clôture', dateTime(`${dossier.advance.closingDate}T12:00:00Z`).split(' à ')[0]],
          ] as const
        ).map(([term, value]) => (
          <div key={term} className="fr-col-12 fr-col-md-6 fr-mb-2w">
            <dt className="fr-text--bold fr-mb-0">{term}</dt>
            <dd className="fr-ml-0">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const KINDS = [
  ['applicatives', 'BAL applicatives'],
  ['organisationnelles', 'BAL organisationnelles'],
  ['personnelles', 'BAL personnelles'],
] as const;

function Counts({ dossier }: { dossier: Dossier }) {
  const { advance, balance } = dossier;
  return (
    <section aria-labelledby="comptes">
      <h2 id="comptes">Nombre de boîtes aux lettres</h2>
      <Table
        caption="Nombre de boîtes aux lettres déclarées"
        headers={[
          '',
          'Actuelles (avance)',
          'Estimées à la clôture (avance)',
          'Atteintes à la clôture (solde)',
        ]}
        data={KINDS.map(([kind, label]) => [
          label,
          String(advance.current[kind]),
          String(advance.estimatedAtClosing[kind]),
          balance ? String(balance.reachedAtClosing[kind]) : '—',
        ])}
      />
    </section>
  );
}

type Amount = Dossier['advance']['decidedAmount'];
const amountRow = (label: string, amount: Amount | undefined) => [
  label,
  amount ? euros(amount.htCents) : '—',
  amount ? euros(amount.tvaCents) : '—',
  amount ? euros(amount.ttcCents) : '—',
];

function Amounts({ dossier }: { dossier: Dossier }) {
  const { advance, balance } = dossier;
  return (
    <section aria-labelledby="montants">
      <h2 id="montants">Montants</h2>
      <Table
        caption="Montants du dossier"
        headers={['', 'HT', 'TVA', 'TTC']}
        data={[
          amountRow('Total estimé à la clôture', advance.estimatedTotal),
          amountRow('Avance décidée (montant fixe éligible)', advance.decidedAmount),
          amountRow('Total au solde (date de clôture)', balance?.total),
          amountRow('Solde décidé', balance?.decidedAmount),
        ]}
      />
    </section>
  );
}

/** Each decision, its date and the version of the funding call it applied, and its PDF. */
function Decisions({ dossier }: { dossier: Dossier }) {
  const { advance, balance } = dossier;
  const pdfOf = (kind: string) => dossier.documents.find((document) => document.kind === kind);
  const rows: [string, string, number | undefined, ReturnType<typeof pdfOf>][] = [
    [
      "Décision d'attribution (avance)",
      advance.decidedAt,
      dossier.callVersion,
      pdfOf('DECISION_ATTRIBUTION'),
    ],
    ...(balance
      ? [['Décision de solde', balance.decidedAt, balance.callVersion, pdfOf('DECISION_SOLDE')] as const]
      : []),
  ] as [string, string, number | undefined, ReturnType<typeof pdfOf>][];
  return (
    <section aria-labelledby="decisions">
      <h2 id="decisions">Décisions</h2>
      <Table
        caption="Décisions du dossier"
        headers={['Décision', 'Décidée le', "Version de l'appel appliquée", 'Document']}
        data={rows.map(([label, at, callVersion, pdf]) => [
          label,
          dateTime(at),
          <Link key={`${label}-version`} to={`/instruction/appel#version-${callVersion}`}>
            Version {callVersion}
          </Link>,
          pdf ? (
            <a
              key={label}
              className="fr-link"
              href={pdf.download.url}
              target="_blank"
              rel="noopener noreferrer"
              title={`${pdf.fileName} — nouvelle fenêtre`}
            >
              {pdf.fileName}
            </a>
          ) : (
            'PDF en cours de production'
          ),
        ])}
      />
    </section>
  );
}

function Payments({ dossier, onChanged }: { dossier: Dossier; onChanged: (dossier: Dossier) => void }) {
  return (
    <section aria-labelledby="paiement">
      <h2 id="paiement">Paiement</h2>
      <Table
        caption="État du paiement"
        headers={['Paiement', 'Statut', 'Montant TTC', 'IBAN', 'Mis en paiement le', 'Référence']}
        data={dossier.payment.items.map((item) => [
          item.label,
          item.statusLabel,
          item.amount ? euros(item.amount.ttcCents) : '—',
          item.ibanMasked ?? '—',
          dateTime(item.launchedAt),
          item.reference ?? '—',
        ])}
      />
      <p>Total payé TTC : {euros(dossier.payment.paidTtcCents)}</p>
      {dossier.payment.items
        .filter((item) => item.status === 'A_PAYER')
        .map((item) => (
          <LaunchPayment key={item.kind} dossier={dossier} item={item} onLaunched={onChanged} />
        ))}
    </section>
  );
}

type PaymentItem = Dossier['payment']['items'][number];

/** "Mettre en paiement" one part (avance or solde) with the payment reference. */
function LaunchPayment({
  dossier,
  item,
  onLaunched,
}: {
  dossier: Dossier;
  item: PaymentItem;
  onLaunched: (dossier: Dossier) => void;
}) {
  const launch = useMutation({
    mutationFn: async (reference: string) =>
      unwrap(
        await api.POST('/v1/admin/dossiers/{number}/payments', {
          params: { path: { number: dossier.number } },
          body: { kind: item.kind, ...(reference ? { reference } : {}) },
        }),
      ),
    onSuccess: onLaunched,
  });
  const formId = `paiement-${item.kind.toLowerCase()}`;
  return (
    <form
      id={formId}
      aria-label={`Mettre en paiement : ${item.label}`}
      className="fr-mt-3w"
      onSubmit={(event) => {
        event.preventDefault();
        launch.mutate(String(new FormData(event.currentTarget).get('reference') ?? '').trim());
      }}
    >
      <h3 className="fr-h6">{item.label}</h3>
      <ProblemAlert error={launch.error} />
      <TextField
        label={`Référence de mise en paiement (${item.label.toLowerCase()})`}
        hint="1 à 40 lettres, chiffres ou signes . / - _"
        name="reference"
        id={`${formId}-reference`}
        errors={fieldErrorsOf(launch.error)}
      />
      <Button type="submit" disabled={launch.isPending}>
        Mettre en paiement : {item.label.toLowerCase()}
      </Button>
    </form>
  );
}
