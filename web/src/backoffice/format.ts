/** Display formats of the back office (French, Paris time). */
const money = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** 666667 → "6 666,67 €" (the API counts in integer cents). */
export const euros = (cents: number) => money.format(cents / 100);

/** "09/11/2022 à 14:05", Paris time. */
export const dateTime = (iso: string | null | undefined) =>
  iso
    ? new Date(iso)
        .toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' })
        .replace(' ', ' à ')
    : '—';
