import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INSTRUCTOR, DEMO_OPERATOR } from '#infra/local/demo-data.ts';
import { captchaAnswers, expectAccessible, screenshot, tick, usePortal } from '../support/browser.ts';
import {
  BUYER_SIRET,
  completeDraft,
  createDraft,
  DEVELOPER_SIRET,
  type Draft,
  submit,
} from '../support/enrolment.ts';

/**
 * The ASP back office in a real browser: one instructor page for the whole file, the requests
 * and the dossier seeded through the API (as the operator portal would file them).
 */
const portal = usePortal({ environment: { PASSWORD_HASH_LOG_N: '10', FUNDING_CALL_CACHE_SECONDS: '0' } });

const SESSION_KEY = 'segur-mss.session';
let context: BrowserContext;
let page: Page;
/** Four submitted requests, one per decision path (the (referencing, SIRET) pairs must differ). */
const requests: Record<'validate' | 'reject' | 'changes' | 'stale', Draft & { number: string }> = {} as never;

async function submitted(referencingNumber: string, siret: string) {
  const api = portal.local.api;
  const draft = await createDraft(api, referencingNumber);
  await completeDraft(api, draft, { siret, referencingNumber });
  const response = await submit(api, draft);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return { ...draft, number: response.body.number as string };
}

let instructorToken = '';

/** A browser context already logged in (the session the login page stores), to skip the login screens. */
async function loggedIn(token: string, role: 'operator' | 'instructor', identifier: string) {
  const opened = await portal.newPage();
  await opened.context.addInitScript(
    ([key, value]) => sessionStorage.setItem(key as string, value as string),
    [SESSION_KEY, JSON.stringify({ token, role, pendingSteps: [], identifier })],
  );
  return opened;
}

/** Polls the SES store until an email matches (workflows send after the answer). */
async function emailWith(pattern: RegExp, count = 1) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const found = (await portal.local.sentEmails()).filter((email) =>
      pattern.test(`${email.subject}\n${email.body.text ?? ''}`),
    );
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No email matching ${pattern}`);
}

/** Keyboard only: Tab until the focused element is the one wanted (bounded). */
async function tabTo(target: (element: { tag: string; text: string }) => boolean) {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<{ tag: string; text: string }>(
      '({ tag: document.activeElement?.tagName ?? "", text: document.activeElement?.textContent?.trim() ?? "" })',
    );
    if (target(focused)) return;
  }
  throw new Error('Focus never reached the element');
}

async function openFile(request: { number: string; id: string }) {
  await page.goto(`${portal.url}/instruction/enrolements/${request.id}`);
  await page.getByRole('heading', { level: 1, name: `Demande d'enrôlement ${request.number}` }).waitFor();
}

beforeAll(async () => {
  const [validate, reject, changes, stale] = await Promise.all([
    submitted('zbuMSS0046', DEVELOPER_SIRET),
    submitted('abcMSS0112', DEVELOPER_SIRET),
    submitted('abcMSS0112', BUYER_SIRET),
    submitted('zbuMSS0046', BUYER_SIRET),
  ]);
  Object.assign(requests, { validate, reject, changes, stale });
  // Every acknowledgement sent before any test injects SES faults.
  await emailWith(/Accusé de réception|accusé de réception/i, 4);
  const { loginAs } = await import('../support/accounts.ts');
  instructorToken = await loginAs(portal.local, DEMO_INSTRUCTOR.identifier, DEMO_INSTRUCTOR.password);
  ({ context, page } = await loggedIn(instructorToken, 'instructor', DEMO_INSTRUCTOR.identifier));
  // One page for the whole file, on a machine whose 2 cores are shared: a little more patience.
  page.setDefaultTimeout(15_000);
}, 60_000);
afterAll(async () => context?.close());

describe('back office (browser)', { timeout: 60_000 }, () => {
  it("refuses an operator's session with a message; an instructor's login leads to the back office", async () => {
    const { loginAs } = await import('../support/accounts.ts');
    const operator = await loggedIn(
      await loginAs(portal.local, DEMO_OPERATOR.identifier, DEMO_OPERATOR.password),
      'operator',
      DEMO_OPERATOR.identifier,
    );
    await operator.page.goto(`${portal.url}/instruction/financement`);
    await operator.page.getByRole('heading', { name: "Accès réservé aux instructeurs de l'ASP" }).waitFor();
    await operator.page.getByText('Vous êtes connecté avec un compte opérateur.').waitFor();
    await expectAccessible(operator.page, 'back office refused to an operator');
    await operator.context.close();

    const login = await portal.newPage();
    await login.page.goto(`${portal.url}/connexion`);
    await login.page.getByLabel('Votre identifiant').fill(DEMO_INSTRUCTOR.identifier);
    await login.page.getByLabel('Votre mot de passe').fill(DEMO_INSTRUCTOR.password);
    await login.page.getByRole('button', { name: 'Valider' }).click();
    await login.page.waitForURL(`${portal.url}/instruction`);
    await login.context.close();
    await page.goto(`${portal.url}/instruction`);
    await page.getByRole('heading', { level: 1, name: "Instruction des demandes d'enrôlement" }).waitFor();
    for (const request of Object.values(requests))
      await page.getByRole('link', { name: request.number, exact: true }).waitFor();
    await expectAccessible(page, 'enrolments by status');
    await screenshot(page, 'instruction-demandes');
    await page.getByRole('link', { name: 'Validées' }).click();
    await page.getByRole('link', { name: DEMO_OPERATOR.enrolmentNumber, exact: true }).waitFor();
    await page.getByLabel('Rechercher par numéro de SIRET').fill(BUYER_SIRET);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('heading', { name: `Demandes du SIRET ${BUYER_SIRET}` }).waitFor();
    await page.getByRole('link', { name: requests.stale.number, exact: true }).waitFor();
    await expect(
      page.getByRole('link', { name: requests.validate.number, exact: true }).count(),
    ).resolves.toBe(0);
    await expectAccessible(page, 'search by SIRET');
  });

  it('shows every answer and opens the documents; validates with the keyboard alone', async () => {
    await openFile(requests.validate);
    for (const text of [
      DEVELOPER_SIRET,
      'FR7630004000031234567890143',
      'TTC - 20%',
      'zbuMSS0046',
      'Le demandeur',
    ])
      await page.getByText(text, { exact: true }).first().waitFor();
    const link = page.getByRole('link', { name: /^Ouvrir/ }).first();
    const document = await page.request.get((await link.getAttribute('href')) as string);
    expect(document.status()).toBe(200);
    expect((await document.body()).subarray(0, 5).toString()).toMatch(/%PDF-|\uFFFDPNG|\uFFFD\uFFFD/);
    await expectAccessible(page, 'enrolment file');
    await screenshot(page, 'instruction-dossier-demande');

    await page.locator('#contenu').focus();
    await tabTo(({ text }) => text === 'Valider la demande');
    await page.keyboard.press('Enter');
    const modal = page.getByRole('dialog', { name: 'Valider la demande' });
    await modal.waitFor();
    await expectAccessible(page, 'validation modal');
    await tabTo(({ tag }) => tag === 'TEXTAREA');
    await page.keyboard.type('Dossier complet.');
    await tabTo(({ text }) => text === 'Confirmer la validation');
    await page.keyboard.press('Enter');
    await page.getByText('La demande est désormais « Validée ».').waitFor();
    await modal.waitFor({ state: 'hidden' });
    await expectAccessible(page, 'validated');
    await emailWith(/Identifiant de connexion|identifiant/i);
  });

  it('requires a reason to reject; a failed email sequence is re-run with « Relancer »', async () => {
    await openFile(requests.reject);
    await portal.local.injectSesFaults({ always: true });
    await page.getByRole('button', { name: 'Rejeter la demande' }).click();
    const modal = page.getByRole('dialog', { name: 'Rejeter la demande' });
    await modal.getByRole('button', { name: 'Confirmer le rejet' }).click();
    await modal.getByText(/obligatoire pour rejeter la demande/).waitFor();
    await expectAccessible(page, 'rejection without a reason');
    await modal.getByLabel('Motif du rejet (obligatoire)').fill('Le RIB ne correspond pas au titulaire.');
    await modal.getByRole('button', { name: 'Confirmer le rejet' }).click();
    await page.getByText('La demande est désormais « Rejetée ».').waitFor();
    // The rejection email fails after its retries: the failure appears in the file.
    const relaunch = page.getByRole('button', { name: /^Relancer/ });
    for (let attempt = 0; attempt < 50 && (await relaunch.count()) === 0; attempt += 1) {
      await page.waitForTimeout(200);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
    }
    await expectAccessible(page, 'failed email sequence');
    await portal.local.clearSesFaults();
    await relaunch.click();
    await page.getByText('Relancé', { exact: true }).waitFor();
    await emailWith(/Le RIB ne correspond pas au titulaire/);
  });

  it('shows the current state when someone decided meanwhile (409), not an error page', async () => {
    await openFile(requests.stale);
    const api = portal.local.api;
    const headers = { authorization: `Bearer ${instructorToken}` };
    const current = await api.get(`/v1/admin/enrolments/${requests.stale.id}`, headers);
    const decided = await api.post(
      `/v1/admin/enrolments/${requests.stale.id}/decision`,
      { action: 'validate', expectedVersion: current.body.version },
      headers,
    );
    expect(decided.status).toBe(200);
    await page.getByRole('button', { name: 'Demander des modifications' }).click();
    const modal = page.getByRole('dialog', { name: 'Demander des modifications' });
    await modal.getByLabel(/Commentaire pour le demandeur/).fill('Merci de joindre le Kbis.');
    await modal.getByRole('button', { name: 'Confirmer la demande de modifications' }).click();
    await page.getByText('Cette demande a été modifiée entre-temps').waitFor();
    await page.getByText(/statut « Validée »/).waitFor();
    await expect(page.getByRole('button', { name: 'Demander des modifications' }).isVisible()).resolves.toBe(
      false,
    );
    await expectAccessible(page, 'stale decision');
  });

  it('asks for changes; the emailed link resumes the draft and the re-submission keeps the number', async () => {
    await openFile(requests.changes);
    await page.getByRole('button', { name: 'Demander des modifications' }).click();
    const modal = page.getByRole('dialog', { name: 'Demander des modifications' });
    await modal.getByRole('button', { name: 'Confirmer la demande de modifications' }).click();
    await modal.getByText(/obligatoire pour demander des modifications/).waitFor();
    await modal.getByLabel(/Commentaire pour le demandeur/).fill('Le Kbis doit dater de moins de 3 mois.');
    await modal.getByRole('button', { name: 'Confirmer la demande de modifications' }).click();
    await page.getByText('La demande est désormais « À modifier ».').waitFor();
    await expectAccessible(page, 'changes requested');

    // The operator's side, on the portal's pages: the emailed link resumes the draft at its
    // récapitulatif with the instructor's comment; "Terminer" re-submits under the same number.
    const [email] = await emailWith(/Le Kbis doit dater de moins de 3 mois/);
    const link = /https?:\/\/\S+\/enrolement\/reprise#\S+/.exec(email?.body.text ?? '')?.[0] ?? '';
    expect(link.startsWith(`${portal.url}/enrolement/reprise#demande=${requests.changes.id}&jeton=`)).toBe(
      true,
    );
    const operator = await portal.newPage();
    operator.page.setDefaultTimeout(15_000);
    const captcha = captchaAnswers(operator.page);
    await operator.page.goto(link);
    await operator.page
      .getByRole('heading', { name: "Récapitulatif de votre demande d'enrôlement" })
      .waitFor();
    await operator.page.getByText('Le Kbis doit dater de moins de 3 mois.').waitFor();
    expect(operator.page.url()).not.toMatch(/jeton/);
    await tick(operator.page, "J'ai lu et j'accepte les CGU");
    await tick(operator.page, /article 441-7/);
    await tick(operator.page, /sincères et véritables/);
    await captcha.fill(operator.page);
    await operator.page.getByRole('button', { name: 'Terminer' }).click();
    await operator.page
      .getByRole('dialog', { name: 'Confirmation' })
      .getByText(`Le numéro de votre demande est le ${requests.changes.number}`)
      .waitFor();
    await operator.context.close();

    await page.reload();
    await page
      .getByRole('heading', { level: 1, name: `Demande d'enrôlement ${requests.changes.number}` })
      .waitFor();
    await page.getByRole('button', { name: 'Valider la demande' }).waitFor();
    await expect(page.getByRole('cell', { name: 'Dépôt de la demande' }).count()).resolves.toBe(2);
  });

  it('launches the advance payment, corrects the call, shows the version each decision applied', async () => {
    const { bearer, loginAs } = await import('../support/accounts.ts');
    const api = portal.local.api;
    const ownerToken = await loginAs(portal.local, DEMO_OPERATOR.identifier, DEMO_OPERATOR.password);
    const owner = bearer(ownerToken);
    const counts = { applicatives: 10, organisationnelles: 20, personnelles: 30 };
    const advance = await api.post(
      '/v1/funding/advance',
      { current: counts, estimatedAtClosing: counts },
      owner,
    );
    expect(advance.status, JSON.stringify(advance.body)).toBe(201);
    const number = advance.body.number as string;

    await page.goto(`${portal.url}/instruction/financement`);
    await page.getByRole('link', { name: number }).waitFor();
    await expectAccessible(page, 'dossiers by status');
    await page.getByRole('link', { name: number }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier de financement ${number}` }).waitFor();
    const pdf = page.getByRole('link', { name: `decision_attribution_${number}.pdf` });
    for (let attempt = 0; attempt < 50 && (await pdf.count()) === 0; attempt += 1) {
      await page.waitForTimeout(200);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
    }
    const file = await page.request.get((await pdf.getAttribute('href')) as string);
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('link', { name: 'Version 1' }).waitFor();
    await expectAccessible(page, 'dossier');
    await page.getByLabel('Référence de mise en paiement (avance)').fill('VIR-2026-0001');
    await page.getByRole('button', { name: 'Mettre en paiement : avance' }).click();
    await page.getByRole('cell', { name: 'VIR-2026-0001' }).waitFor();
    await page.getByRole('cell', { name: /^Mis en paiement le/ }).waitFor();
    await expectAccessible(page, 'advance paid');
    await screenshot(page, 'instruction-dossier-financement');

    // The call: a correction that breaks a rule is refused under its field, then the closing
    // date moves to yesterday so that balances open today.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await page.getByRole('link', { name: 'Version 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Appel à financement' }).waitFor();
    await page.getByLabel('Plafond par opérateur (€ HT)').fill('100');
    await page.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await page.getByText('Le plafond ne peut pas être inférieur à la part fixe.').first().waitFor();
    await expectAccessible(page, 'call correction refused');
    await page.getByLabel('Plafond par opérateur (€ HT)').fill('250000');
    await page.getByLabel('Date de clôture').fill(day(-1));
    await page.getByLabel("Demandes d'avance : fermeture").fill(day(-1));
    await page.getByLabel('Demandes de solde : ouverture').fill(day(0));
    await page.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await page.getByText(/L'appel à financement est corrigé : version 2/).waitFor();
    await page.getByRole('cell', { name: 'Version 2' }).waitFor();
    await page.getByRole('cell', { name: 'Version 1' }).waitFor();
    await expectAccessible(page, 'call corrected');
    await screenshot(page, 'instruction-appel');

    // The operator's side: "2 - Ma demande de solde", now open, in the portal.
    const operator = await loggedIn(ownerToken, 'operator', DEMO_OPERATOR.identifier);
    operator.page.setDefaultTimeout(15_000);
    await operator.page.goto(`${portal.url}/financement`);
    await operator.page.getByRole('link', { name: '2 - Ma demande de solde' }).click();
    await operator.page.getByLabel(/BAL applicatives à la date de clôture/).fill('abc');
    await operator.page.getByRole('button', { name: 'Valider' }).click();
    await operator.page.getByRole('alert').first().waitFor();
    await expectAccessible(operator.page, 'balance form, bad count');
    for (const [kind, value] of Object.entries(counts))
      await operator.page.getByLabel(new RegExp(`BAL ${kind} à la date de clôture`)).fill(String(value));
    await screenshot(operator.page, 'demande-solde');
    await operator.page.getByRole('button', { name: 'Valider' }).click();
    await operator.page.getByRole('heading', { name: 'Solde décidé' }).waitFor();
    await expectAccessible(operator.page, 'balance decided');
    await operator.context.close();

    await page.goto(`${portal.url}/instruction/financement/dossiers/${number}`);
    await page.getByRole('row', { name: /Décision de solde.*Version 2/ }).waitFor();
    await page.getByRole('row', { name: /Décision d'attribution.*Version 1/ }).waitFor();
    await expectAccessible(page, 'dossier after the balance');
    await page.getByLabel('Référence de mise en paiement (solde)').fill('VIR-2026-0002');
    await page.getByRole('button', { name: 'Mettre en paiement : solde' }).click();
    await page.getByRole('cell', { name: 'VIR-2026-0002' }).waitFor();
    await expectAccessible(page, 'balance paid');
  });
});
