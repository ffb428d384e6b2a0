/**
 * The portal's email layout: every email has the same greeting, header, signature and footer, in
 * HTML (tables and inline styles, which every common mail client renders) and in plain text
 * carrying the same facts. Templates give paragraphs; values are escaped. French typography is
 * applied here once for all (README, "Emails").
 */
export const PORTAL_NAME = 'Portail Ségur Numérique';
export const ISSUER_NAME = 'Agence de Services et de Paiement (ASP)';
const AUTOMATIC_NOTICE = 'Ce courriel est envoyé automatiquement, merci de ne pas y répondre directement.';

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const NBSP = '\u00a0';

/**
 * French typography of the prose (not of values such as identifiers, passwords or links):
 * typographic apostrophe ’, a non-breaking space (U+00A0, which every mail client's font has)
 * before : ; ! ? and inside « ». Only an existing space is made non-breaking: "10:30" or a
 * "https://" stay as they are.
 */
export const frenchTypography = (text: string) =>
  text
    .replace(/'/g, '’')
    .replace(/ ([:;!?])/g, `${NBSP}$1`)
    .replace(/« /g, `«${NBSP}`)
    .replace(/ »/g, `${NBSP}»`);

export interface EmailContent {
  subject: string;
  /** Who the email is addressed to, when the portal knows them by name: "Bonjour Prénom Nom,". */
  recipient?: { prenom: string; nom: string };
  /** Plain-text paragraphs; rendered as <p> in HTML. */
  paragraphs: string[];
  /** Key facts shown as a list (label → value), e.g. the request number and the date. */
  facts?: [label: string, value: string][];
  /** A call to action (link). */
  action?: { label: string; url: string };
}

/** One greeting everywhere: "Bonjour Camille Martin," or, without a name, "Bonjour,". */
export const greeting = (recipient?: { prenom: string; nom: string }) => {
  const name = recipient ? `${recipient.prenom} ${recipient.nom}`.replace(/\s+/g, ' ').trim() : '';
  return name ? `Bonjour ${name},` : 'Bonjour,';
};

const BLUE = '#000091';
const FONT = 'font-family:Arial,Helvetica,sans-serif;';

export function renderEmail(content: EmailContent): { subject: string; html: string; text: string } {
  const subject = frenchTypography(`${PORTAL_NAME} — ${content.subject}`);
  const hello = frenchTypography(greeting(content.recipient));
  const paragraphs = content.paragraphs.map(frenchTypography);
  const facts = (content.facts ?? []).map(([label, value]) => [frenchTypography(label), value] as const);
  const action = content.action && { label: frenchTypography(content.action.label), url: content.action.url };
  const signature = ['Cordialement,', frenchTypography(`L'${ISSUER_NAME}`)];
  const notice = frenchTypography(AUTOMATIC_NOTICE);
  const paragraph = (text: string) =>
    `<p style="margin:0 0 16px;${FONT}font-size:15px;line-height:22px;color:#1e1e1e">${text}</p>`;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>',
    escapeHtml(subject),
    '</title></head>',
    `<body style="margin:0;padding:0;background-color:#f6f6f6">`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f6f6f6"><tr><td align="center" style="padding:24px 8px">',
    '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background-color:#ffffff;border:1px solid #dddddd">',
    `<tr><td style="background-color:${BLUE};padding:20px 32px;${FONT}font-size:20px;font-weight:bold;color:#ffffff">${escapeHtml(PORTAL_NAME)}</td></tr>`,
    '<tr><td style="padding:32px 32px 16px">',
    paragraph(escapeHtml(hello)),
    ...paragraphs.map((text) => paragraph(escapeHtml(text))),
    facts.length > 0
      ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px">${facts
          .map(
            ([label, value]) =>
              `<tr><td style="padding:2px 0;${FONT}font-size:15px;line-height:22px;color:#1e1e1e">${escapeHtml(label)}${NBSP}: <strong>${escapeHtml(value)}</strong></td></tr>`,
          )
          .join('')}</table>`
      : '',
    action
      ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px"><tr><td style="background-color:${BLUE};padding:12px 20px"><a href="${escapeHtml(action.url)}" style="${FONT}font-size:15px;font-weight:bold;color:#ffffff;text-decoration:none">${escapeHtml(action.label)}</a></td></tr></table>`
      : '',
    paragraph(signature.map(escapeHtml).join('<br>')),
    '</td></tr>',
    `<tr><td style="background-color:#eeeeee;padding:16px 32px;${FONT}font-size:12px;line-height:18px;color:#666666">${escapeHtml(notice)}<br>${escapeHtml(PORTAL_NAME)} — ${escapeHtml(ISSUER_NAME)}</td></tr>`,
    '</table></td></tr></table></body></html>',
  ].join('');
  const text = [
    PORTAL_NAME,
    '',
    hello,
    '',
    ...paragraphs.flatMap((text) => [text, '']),
    ...facts.map(([label, value]) => `- ${label}${NBSP}: ${value}`),
    ...(facts.length > 0 ? [''] : []),
    ...(action ? [`${action.label}${NBSP}: ${action.url}`, ''] : []),
    ...signature,
    '',
    notice,
    `${PORTAL_NAME} — ${ISSUER_NAME}`,
  ].join('\n');
  return { subject, html, text };
}

/** Dates as the guide shows them: 09/11/2022 (Europe/Paris). */
export const formatDate = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
