import { describe, expect, it } from 'vitest';
import { forgottenIdentifierEmail, identifierEmail } from '#shared/accounts/emails.ts';
import { frenchTypography, greeting, renderEmail } from '#shared/email/layout.ts';
import { acknowledgementEmail } from '#shared/email/templates/enrolment-acknowledgement.ts';
import { expectSameFacts } from '../support/email-checks.ts';

const NBSP = '\u00a0';

describe('the portal email layout', () => {
  it('one greeting everywhere: the name when the portal knows it, else "Bonjour,"', () => {
    expect(greeting({ prenom: 'Camille', nom: 'Martin' })).toBe('Bonjour Camille Martin,');
    expect(greeting({ prenom: ' Jean-Noël ', nom: ' de  La Fontaine ' })).toBe(
      'Bonjour Jean-Noël de La Fontaine,',
    );
    expect(greeting()).toBe('Bonjour,');
    expect(greeting({ prenom: '', nom: '' })).toBe('Bonjour,');
    const identifier = identifierEmail({
      identifier: 'camille.martin',
      recipient: { prenom: 'Camille', nom: 'Martin' },
      portalUrl: 'https://portail.test',
    });
    expect(identifier.text.split('\n')[2]).toBe('Bonjour Camille Martin,');
    const recovery = forgottenIdentifierEmail({
      identifiers: ['camille.martin'],
      portalUrl: 'https://portail.test',
    });
    expect(recovery.text.split('\n')[2]).toBe('Bonjour,');
    expect(recovery.html).not.toContain('Madame, Monsieur');
  });

  it('French typography: ’, and a non-breaking space before : ; ! ? and inside « »', () => {
    expect(frenchTypography("Merci : l'ASP a reçu « votre demande » ; à bientôt ! Des questions ?")).toBe(
      `Merci${NBSP}: l’ASP a reçu «${NBSP}votre demande${NBSP}»${NBSP}; à bientôt${NBSP}! Des questions${NBSP}?`,
    );
    // Only an existing space becomes non-breaking: times and links are left alone.
    expect(frenchTypography('à 10:30 sur https://portail.test')).toBe('à 10:30 sur https://portail.test');
  });

  it('renders the text part line by line, typography applied to prose only, values kept as they are', () => {
    const email = renderEmail({
      subject: "Votre demande d'essai",
      recipient: { prenom: 'Élise', nom: "D'Arc" },
      paragraphs: ["Votre demande d'essai est enregistrée : merci !"],
      facts: [["Numéro d'essai", "ESS'01 : a"]],
      action: { label: 'Ouvrir le portail', url: 'https://portail.test/?a=1&b=2' },
    });
    expect(email.subject).toBe('Portail Ségur Numérique — Votre demande d’essai');
    expect(email.text).toBe(
      [
        'Portail Ségur Numérique',
        '',
        'Bonjour Élise D’Arc,',
        '',
        `Votre demande d’essai est enregistrée${NBSP}: merci${NBSP}!`,
        '',
        `- Numéro d’essai${NBSP}: ESS'01 : a`,
        '',
        `Ouvrir le portail${NBSP}: https://portail.test/?a=1&b=2`,
        '',
        'Cordialement,',
        'L’Agence de Services et de Paiement (ASP)',
        '',
        'Ce courriel est envoyé automatiquement, merci de ne pas y répondre directement.',
        'Portail Ségur Numérique — Agence de Services et de Paiement (ASP)',
      ].join('\n'),
    );
    expectSameFacts(email);
  });

  it('HTML for mail clients: nested tables, inline styles only, a branded header and footer', () => {
    const { html } = acknowledgementEmail({
      number: 'ENR0011M0',
      submittedAt: '2022-11-09T10:15:00.000Z',
      recipient: { prenom: 'Camille', nom: 'Martin' },
    });
    expect(html).not.toMatch(/<style|class=|<div|<ul|<h1/);
    expect(html).toContain('<table role="presentation" width="600"');
    expect(html).toContain(
      '<tr><td style="background-color:#000091;padding:20px 32px;font-family:Arial,Helvetica,sans-serif;font-size:20px;font-weight:bold;color:#ffffff">Portail Ségur Numérique</td></tr>',
    );
    expect(html).toContain(
      'Ce courriel est envoyé automatiquement, merci de ne pas y répondre directement.<br>Portail Ségur Numérique — Agence de Services et de Paiement (ASP)</td></tr>',
    );
    expect(html).toContain(`Numéro de la demande${NBSP}: <strong>ENR0011M0</strong>`);
    expect(html).toContain('>Bonjour Camille Martin,</p>');
  });
});
