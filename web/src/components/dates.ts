/** Dates as the guide shows them: 09/11/2022. */
export const frenchDate = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) : '—';
