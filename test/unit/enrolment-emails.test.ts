import { describe, expect, it } from 'vitest';
import { acknowledgementEmail } from '#shared/email/templates/enrolment-acknowledgement.ts';
import { changesRequestedEmail } from '#shared/email/templates/enrolment-changes-requested.ts';
import type { EnrolmentEmailSubject } from '#shared/email/templates/enrolment-facts.ts';
import { rejectionEmail } from '#shared/email/templates/enrolment-rejection.ts';
import { validationEmail } from '#shared/email/templates/enrolment-validation.ts';
import { expectSameFacts, wellFormednessErrors } from '../support/email-checks.ts';

const subject: EnrolmentEmailSubject = {
  number: 'ENR0011M0',
  submittedAt: '2022-11-09T10:15:00.000Z',
  referencingNumber: 'zbuMSS0046',
  denominationSociale: 'PROCIVIS IMMOBILIER',
  siret: '39177919600040',
  recipient: { prenom: 'Élise', nom: "D'Arc <Durand>" },
};
const decidedAt = '2022-11-15T08:00:00.000Z';
const resumeUrl = 'https://portail.test/enrolement/reprise#demande=abc&jeton=T0k3n';

const emails = {
  acknowledgement: acknowledgementEmail(subject),
  validation: validationEmail({
    ...subject,
    validatedAt: decidedAt,
    loginUrl: 'https://portail.test/connexion',
  }),
  changesRequested: changesRequestedEmail({
    ...subject,
    comment: 'Le RIB est illisible.\nMerci de joindre un Kbis <récent> & signé.',
    requestedAt: decidedAt,
    resumeUrl,
  }),
  rejection: rejectionEmail({
    ...subject,
    reason: "Solution non référencée en tant qu'opérateur MSS.",
    rejectedAt: decidedAt,
  }),
};

describe.each(Object.entries(emails))('%s email', (_name, email) => {
  it('is well-formed HTML whose text part carries the same facts', () => {
    expectSameFacts(email);
  });

  it("states the portal, the request number, the submission date and the applicant's identity", () => {
    expect(email.subject).toMatch(/^Portail Ségur Numérique — .*ENR0011M0/);
    for (const fact of [
      'Numéro de la demande\u00a0: ENR0011M0',
      'Date de dépôt\u00a0: 09/11/2022',
      'N° unique de référencement (ANS)\u00a0: zbuMSS0046',
      'SIRET\u00a0: 39177919600040',
    ])
      expect(email.text).toContain(fact);
    expect(email.text).toContain('Bonjour Élise D’Arc <Durand>,');
    expect(email.html).toContain('Bonjour Élise D’Arc &lt;Durand&gt;,');
  });
});

describe('each email says what it is for, and nothing secret beyond its purpose', () => {
  it('acknowledgement: received, to be instructed, keep the number', () => {
    expect(emails.acknowledgement.subject).toContain('Accusé de réception');
    expect(emails.acknowledgement.text).toContain('Nous avons bien reçu votre demande');
    expect(emails.acknowledgement.text).toContain('conserver le numéro');
    expect(emails.acknowledgement.text).not.toMatch(/mot de passe|jeton|http/i);
  });

  it('validation: decision date, credentials announced in two separate emails, no credential', () => {
    expect(emails.validation.text).toContain('Date de validation\u00a0: 15/11/2022');
    expect(emails.validation.text).toContain('dans deux courriels distincts');
    expect(emails.validation.text).not.toMatch(/Identifiant\s:|Mot de passe provisoire\s:/);
  });

  it("changes requested: the instructor's comment, escaped, and the personal resume link", () => {
    const email = emails.changesRequested;
    expect(email.text).toContain('Le RIB est illisible.');
    expect(email.text).toContain('Merci de joindre un Kbis <récent> & signé.');
    expect(email.html).toContain('>Merci de joindre un Kbis &lt;récent&gt; &amp; signé.</p>');
    expect(email.text).toContain(`Reprendre ma demande\u00a0: ${resumeUrl}`);
    expect(email.text).toContain('elle conservera le numéro ENR0011M0');
    expect(email.text).toContain('Date de la demande de modification\u00a0: 15/11/2022');
  });

  it('rejection: the reason and the date', () => {
    expect(emails.rejection.subject).toContain('rejetée');
    expect(emails.rejection.text).toContain(
      'Motif du rejet\u00a0:\n\nSolution non référencée en tant qu’opérateur MSS.',
    );
    expect(emails.rejection.text).toContain('Date du rejet\u00a0: 15/11/2022');
    expect(emails.rejection.text).not.toMatch(/jeton|mot de passe/i);
  });
});

describe('the well-formedness check itself', () => {
  it('finds unclosed tags, stray brackets and bad entities', () => {
    expect(wellFormednessErrors('<!DOCTYPE html><html><p>a</html>')).not.toEqual([]);
    expect(wellFormednessErrors('<!DOCTYPE html><html><p>a < b</p></html>')).not.toEqual([]);
    expect(wellFormednessErrors('<!DOCTYPE html><html><p>R&D</p></html>')).not.toEqual([]);
    expect(wellFormednessErrors('<!DOCTYPE html><html><p>a<br>b &amp; c</p></html>')).toEqual([]);
  });

  it('finds a fact the text part states and the HTML part does not', () => {
    const email = emails.acknowledgement;
    expect(() => expectSameFacts({ ...email, text: `${email.text}\n- Montant\u00a0: 8 000,00 €` })).toThrow();
  });
});
