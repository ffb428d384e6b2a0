/**
 * The portal's email layout: every email has the same header, signature and footer, in HTML
 * and in plain text carrying the same facts. Templates give paragraphs; values are escaped.
 */
export const PORTAL_NAME = 'Portail Ségur Numérique';

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export interface EmailContent {
  subject: string;
  greeting: string;
  /** Plain-text paragraphs; rendered as <p> in HTML. */
  paragraphs: string[];
  /** Key facts shown as a list (label → value), e.g. the request number and the date. */
  facts?: [label: string, value: string][];
  /** A call to action (link). */
  action?: { label: string; url: string };
}

export function renderEmail(content: EmailContent): { subject: string; html: string; text: string } {
  const facts = content.facts ?? [];
  const subject = `${PORTAL_NAME} — ${content.subject}`;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="fr"><head><meta charset="utf-8"><title>',
    escapeHtml(subject),
    '</title></head><body style="font-family:Arial,sans-serif;color:#1e1e1e">',
    `<h1 style="font-size:18px;color:#000091">${escapeHtml(PORTAL_NAME)}</h1>`,
    `<p>${escapeHtml(content.greeting)}</p>`,
    ...content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    facts.length > 0
      ? `<ul>${facts.map(([label, value]) => `<li>${escapeHtml(label)} : <strong>${escapeHtml(value)}</strong></li>`).join('')}</ul>`
      : '',
    content.action
      ? `<p><a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.label)}</a></p>`
      : '',
    "<p>Cordialement,<br>L'Agence de Services et de Paiement (ASP)</p>",
    '<p style="font-size:12px;color:#666">Ce courriel est envoyé automatiquement, merci de ne pas y répondre directement.</p>',
    '</body></html>',
  ].join('');
  const text = [
    PORTAL_NAME,
    '',
    content.greeting,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...facts.map(([label, value]) => `- ${label} : ${value}`),
    ...(facts.length > 0 ? [''] : []),
    ...(content.action ? [`${content.action.label} : ${content.action.url}`, ''] : []),
    'Cordialement,',
    "L'Agence de Services et de Paiement (ASP)",
    '',
    'Ce courriel est envoyé automatiquement, merci de ne pas y répondre directement.',
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
