import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_OPERATOR } from '#infra/local/demo-data.ts';
import { localVoice, SPOKEN_SAMPLE_RATE, spellAsWav } from '#shared/captcha/audio.ts';
import { bearer, loginAsDemoInstructor } from '../support/accounts.ts';
import {
  captchaAnswers,
  cspViolationsOf,
  expectAccessible,
  screenshot,
  tick,
  usePortal,
} from '../support/browser.ts';
import { BNP_BIC, BNP_IBAN, DEVELOPER_SIRET, PDF, PNG } from '../support/enrolment.ts';

const portal = usePortal();
/** Set by the enrolment test, validated by the next one (the file's tests run in order). */
let enrolmentNumber = '';
/** The operator account of that request, once its first login is done (the reset test uses it). */
let operatorIdentifier = '';
const local = {
  get cloud() {
    return portal.local.cloud;
  },
};

describe('portal: public pages, login, recovery (browser)', () => {
  it('shows the public home with the guide’s actions, header and footer, accessible', async () => {
    const { context, page } = await portal.newPage();
    await page.goto(portal.url);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Portail Ségur Numérique',
    );
    await page.getByRole('link', { name: "Effectuer ma demande d'inscription" }).waitFor();
    await page.getByRole('heading', { name: "Qu'est-ce que le Ségur du numérique en santé ?" }).waitFor();
    for (const domain of ['legifrance.gouv.fr', 'gouvernement.fr', 'service-public.fr', 'data.gouv.fr'])
      await page
        .getByRole('link', { name: new RegExp(domain) })
        .first()
        .waitFor();
    for (const name of ['Plan du site', /Accessibilité/, 'Mentions légales', 'CGU'])
      await page.getByRole('contentinfo').getByRole('link', { name }).first().waitFor();
    await expectAccessible(page, 'home');
    await screenshot(page, 'accueil');
    for (const [path, title] of [
      ['/plan-du-site', 'Plan du site'],
      ['/accessibilite', 'Accessibilité'],
      ['/mentions-legales', 'Mentions légales'],
      ['/cgu', "Conditions générales d'utilisation (CGU)"],
      ['/aide', "Besoin d'aide ?"],
    ] as const) {
      await page.goto(`${portal.url}${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await expectAccessible(page, path);
    }
    // The guide's support link ("contacter le support de l'ASP via le lien suivant").
    await expect(page.getByRole('link', { name: /contacter-assistance/ }).getAttribute('href')).resolves.toBe(
      'https://segurnum.asp-public.fr/segurnum/contacter-assistance',
    );
    await context.close();
  });

  it('logs the demo operator in and out; a wrong password is shown in an alert', async () => {
    const { context, page } = await portal.newPage();
    await page.goto(portal.url);
    await page.getByRole('link', { name: 'Se connecter' }).first().click();
    await page.getByRole('heading', { name: 'Accéder à mon espace personnel' }).waitFor();
    await expectAccessible(page, 'login');
    await screenshot(page, 'connexion');
    await page.getByLabel('Votre identifiant').fill(DEMO_OPERATOR.identifier);
    await page.getByLabel('Votre mot de passe').fill('Mauvais-mot-de-passe#1');
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/identifiant ou mot de passe/i);
    await expectAccessible(page, 'login error');
    await page.getByLabel('Votre mot de passe').fill(DEMO_OPERATOR.password);
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.waitForURL(`${portal.url}/espace`);
    await page.getByText(DEMO_OPERATOR.denominationSociale).first().waitFor();
    await expectAccessible(page, 'private home');
    await screenshot(page, 'espace-accueil');
    await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
    await page.getByText('Vous êtes déconnecté.').waitFor();
    await context.close();
  });

  it('serves deep links to the single-page app (SPA fallback)', async () => {
    const { context, page } = await portal.newPage();
    await page.goto(`${portal.url}/mot-de-passe-oublie`);
    await page.getByRole('heading', { name: "J'ai oublié mon mot de passe" }).waitFor();
    await expectAccessible(page, 'forgotten password');
    await page.goto(`${portal.url}/identifiant-oublie`);
    await page.getByRole('heading', { name: "J'ai oublié mon identifiant" }).waitFor();
    await expectAccessible(page, 'forgotten identifier');
    // The pages run under the deployed CSP (every expectAccessible checks none was violated):
    // an inline script, which the app never uses, is refused and reported.
    await page.addScriptTag({ content: 'window.inlineRan = true;' }).catch(() => undefined);
    await expect.poll(() => cspViolationsOf(page).length).toBe(1);
    expect(await page.evaluate('window.inlineRan === true')).toBe(false);
    await context.close();
  });
});

const file = (name: string, mimeType: string, buffer: Buffer) => ({ name, mimeType, buffer });

async function uploadDocument(
  page: Page,
  label: string | RegExp,
  upload: { name: string; mimeType: string; buffer: Buffer },
) {
  await page.getByLabel(label).setInputFiles(upload);
  await page.getByText(`Fichier déposé : ${upload.name}`).waitFor();
}

/** DSFR radios and checkboxes are drawn by their label, which is what a user clicks. */
/** The error message DSFR shows under a field (linked to it by aria-describedby). */
async function fieldError(page: Page, label: string | RegExp) {
  const field = page.getByLabel(label, { exact: typeof label === 'string' });
  const described = (await field.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    described
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

describe('portal: the operator journey (browser)', () => {
  it('enrols in five steps with uploads, keyboard-friendly and accessible, meeting the bad-input paths', async () => {
    const { context, page } = await portal.newPage();
    const captcha = captchaAnswers(page);
    await page.goto(portal.url);
    await page.getByRole('link', { name: "Effectuer ma demande d'inscription" }).click();
    // The guide's "← Retour" of step 1 leads back to the public home.
    await page.getByRole('button', { name: 'Retour', exact: true }).click();
    await page.getByRole('link', { name: "Effectuer ma demande d'inscription" }).click();

    // Étape 1 — Référencement
    await page.getByLabel(/N° unique de référencement/).fill('zbuMSS0046');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByText(/MSS Opérateurs/).waitFor();
    await expectAccessible(page, 'enrolment step 1');
    await uploadDocument(page, /Certificat de référencement/, file('certificat.pdf', 'application/pdf', PDF));
    // Wrong file type: the presigned POST is refused, the server's message lands under the field.
    await page
      .getByLabel(/Contrat opérateur V2/)
      .setInputFiles(file('contrat.txt', 'text/plain', Buffer.from('texte')));
    await page.getByText(/Fichier de type .png, .jpg, .jpeg ou .pdf attendu/).waitFor();
    await uploadDocument(page, /Contrat opérateur V2/, file('contrat.pdf', 'application/pdf', PDF));
    await screenshot(page, 'enrolement-etape-1');
    await page.getByRole('button', { name: 'Étape suivante' }).click();

    // Étape 2 — Demandeur: bad SIRET, then a wrong captcha, then the lookup.
    await page.getByLabel(/Numéro de SIRET/).fill('39177919600041');
    await captcha.fill(page);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => fieldError(page, /Numéro de SIRET/), { timeout: 8_000 }).toMatch(/SIRET/);
    await expectAccessible(page, 'enrolment step 2, bad SIRET');
    await page.getByLabel(/Numéro de SIRET/).fill(DEVELOPER_SIRET);
    await captcha.skip();
    await page.getByLabel('Captcha *').fill('faux');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => fieldError(page, 'Captcha *'), { timeout: 8_000 }).toMatch(/captcha/i);
    // The audio alternative (RGAA) spells the very code of the image, in the local French voice:
    // the sound the page plays lasts exactly as long as that code spelled.
    const answer = await captcha.fill(page);
    const spelled = spellAsWav(answer, localVoice());
    const sound = page.waitForResponse((response) => /\/v1\/captchas\/[^/]+\/audio$/.test(response.url()));
    await page.getByRole('button', { name: 'Écouter le code' }).click();
    const heard = await page.request.get((await sound).url());
    expect((await heard.body()).equals(spelled)).toBe(true);
    const player = page.getByLabel('Code de sécurité épelé');
    await expect
      .poll(() => player.evaluate((audio) => (audio as unknown as { duration: number }).duration), {
        timeout: 8_000,
      })
      .toBeCloseTo((spelled.length - 44) / SPOKEN_SAMPLE_RATE, 2);
    await expectAccessible(page, 'captcha with its audio alternative');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByLabel(/Dénomination sociale/).waitFor();
    expect(await page.getByLabel(/Dénomination sociale/).inputValue()).toBe('PROCIVIS IMMOBILIER');
    await page.getByLabel(/Nom commercial/).fill('Procivis Messagerie');
    await tick(page, /^Oui$/);
    await page.getByLabel(/Nom du représentant/).fill('Martin');
    await page.getByLabel(/Prénom du représentant/).fill('Camille');
    await page.getByLabel(/^Email du représentant/).fill('camille.martin@procivis.example');
    await page.getByLabel(/Confirmation email du représentant/).fill('camille.martin@procivis.example');
    await page.getByLabel(/Téléphone du représentant/).fill('01 02 03 04 05');
    await uploadDocument(
      page,
      /CNI, passeport ou titre de séjour du représentant/,
      file('cni.png', 'image/png', PNG),
    );
    await expectAccessible(page, 'enrolment step 2 filled');
    await screenshot(page, 'enrolement-etape-2');
    await page.getByRole('button', { name: 'Étape suivante' }).click();

    // Étape 3 — Coordonnées bancaires: a bad IBAN first.
    await page.getByLabel(/^IBAN/).fill('FR76 3000 4000 0312 3456 7890 000');
    await page.getByLabel(/BIC/).fill(BNP_BIC);
    await page.getByLabel(/Titulaire/).fill('PROCIVIS IMMOBILIER');
    await uploadDocument(page, /RIB/, file('rib.pdf', 'application/pdf', PDF));
    await page.getByRole('button', { name: 'Étape suivante' }).click();
    await expect.poll(() => fieldError(page, /^IBAN/), { timeout: 8_000 }).toMatch(/IBAN/);
    await expectAccessible(page, 'enrolment step 3, bad IBAN');
    await page.getByLabel(/^IBAN/).fill(BNP_IBAN);
    await page.getByLabel(/^IBAN/).press('Tab');
    // The guide's form marks the domiciliation mandatory ("Domiciliation * :").
    await expect
      .poll(() => page.getByLabel(/^Domiciliation \* :/).inputValue(), { timeout: 8_000 })
      .toMatch(/BNP/);
    await page.getByRole('button', { name: 'Étape suivante' }).click();

    // Étape 4 — Taux TVA: HT asks for the attestation the guide names, then 20 % with the keyboard alone.
    await page.getByLabel(/Taux TVA/).selectOption({ label: 'HT' });
    await page.getByText('délivrée par la Direction des Finances Publiques', { exact: false }).waitFor();
    await page.getByLabel(/Attestation de non-assujettissement/).waitFor();
    await page.getByLabel(/Taux TVA/).focus();
    await page.getByLabel(/Taux TVA/).selectOption({ label: 'TTC - 20%' });
    await page.keyboard.press('Tab');
    await page.getByRole('button', { name: 'Étape suivante' }).focus();
    await page.keyboard.press('Enter');

    // Étape 5 — Récapitulatif: the domiciliation was filled in from the IBAN.
    await page.getByRole('heading', { name: "Récapitulatif de votre demande d'enrôlement" }).waitFor();
    await page.getByText('BNP PARIBAS', { exact: false }).first().waitFor();
    await captcha.fill(page);
    await page.getByRole('button', { name: 'Terminer' }).click();
    await page
      .getByText(/Vous devez lire et accepter les CGU/)
      .first()
      .waitFor();
    await tick(page, "J'ai lu et j'accepte les CGU");
    await tick(page, /article 441-7/);
    await tick(page, /sincères et véritables/);
    await captcha.fill(page);
    await expectAccessible(page, 'enrolment summary');
    await screenshot(page, 'enrolement-recapitulatif');
    await page.getByRole('button', { name: 'Terminer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirmation' });
    await dialog.getByText(/Le numéro de votre demande est le ENR\d{4}M\d/).waitFor();
    enrolmentNumber = /ENR\d{4}M\d/.exec((await dialog.textContent()) ?? '')?.[0] ?? '';
    await expectAccessible(page, 'confirmation pop-in');
    await screenshot(page, 'enrolement-confirmation');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.waitForURL(`${portal.url}/`);
    // The draft token never appeared in a URL.
    expect(page.url()).not.toMatch(/jeton|token/);
    await context.close();
  }, 90_000);
});

describe('portal: the credentials emails lead to the first login (browser)', () => {
  it('validates the request (instructor API), follows the emailed link, changes the password and sets the secret question', async () => {
    expect(enrolmentNumber).toMatch(/^ENR/);
    const instructor = bearer(await loginAsDemoInstructor(portal.local));
    const listed = await portal.local.api.get('/v1/admin/enrolments?status=DEPOSEE', instructor);
    const request = listed.body.items.find((item: { number: string }) => item.number === enrolmentNumber);
    const detail = await portal.local.api.get(`/v1/admin/enrolments/${request.id}`, instructor);
    const decided = await portal.local.api.post(
      `/v1/admin/enrolments/${request.id}/decision`,
      { action: 'validate', expectedVersion: detail.body.version },
      instructor,
    );
    expect(decided.status).toBe(200);
    await portal.local.cloud.settleWorkflows();
    const emails = await portal.local.sentEmails();
    const text = (subject: string) =>
      emails.find((email) => email.subject.endsWith(subject))?.body.text ?? '';
    const identifier = /- Identifiant\s:\s(\S+)/.exec(text('Votre identifiant de connexion'))?.[1] ?? '';
    const temporary =
      /- Mot de passe provisoire\s:\s(\S+)/.exec(text('Votre mot de passe provisoire'))?.[1] ?? '';
    const link = new RegExp(`${portal.url}/\\S*`).exec(text('Votre identifiant de connexion'))?.[0] ?? '';
    expect(link).toBe(`${portal.url}/connexion`);

    const { context, page } = await portal.newPage();
    await page.goto(link);
    await page.getByLabel('Votre identifiant').fill(identifier);
    await page.getByLabel('Votre mot de passe').fill(temporary);
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByRole('heading', { name: `Changement du mot de passe pour ${identifier}` }).waitFor();
    await page.getByLabel("Entrez l'ancien mot de passe :").fill(temporary);
    await page.getByLabel('Entrez le nouveau mot de passe :').fill('Nouveau-Mot2passe!');
    await page
      .getByText('8 caractères minimum : respecté', { exact: false })
      .first()
      .waitFor({ state: 'attached' });
    await page.getByLabel('Confirmez le nouveau mot de passe :').fill('Autre-Mot2passe!');
    await page.getByRole('button', { name: 'Changement du mot de passe' }).click();
    await page.getByRole('alert').first().waitFor();
    await expectAccessible(page, 'password change error');
    await screenshot(page, 'changement-mot-de-passe');
    await page.getByLabel('Confirmez le nouveau mot de passe :').fill('Nouveau-Mot2passe!');
    await page.getByRole('button', { name: 'Changement du mot de passe' }).click();
    await page.getByRole('heading', { name: /Positionnement de la question secrète/ }).waitFor();
    await expectAccessible(page, 'secret question');
    await page.getByLabel('Entrez la question secrète :').fill('Ville de naissance de ma grand-mère ?');
    await page.getByLabel('Entrez la réponse :').fill('Saint-Étienne');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.waitForURL(`${portal.url}/espace`);
    await page.getByRole('link', { name: 'Enrôlement' }).first().click();
    await page.getByRole('cell', { name: enrolmentNumber }).waitFor();
    await page.getByText('Validée').first().waitFor();
    await expectAccessible(page, "suivi des demandes d'enrôlement");
    await screenshot(page, 'suivi-enrolements');
    await context.close();
    operatorIdentifier = identifier;
  }, 60_000);

  it('resets a forgotten password from the emailed link: secret question, new password, login', async () => {
    expect(operatorIdentifier).not.toBe('');
    const { context, page } = await portal.newPage();
    await page.goto(`${portal.url}/connexion`);
    await page.getByRole('link', { name: "J'ai oublié mon mot de passe" }).click();
    // The login page has a field of the same label: fill the request's once its lazy page is shown.
    await page.getByRole('heading', { name: "J'ai oublié mon mot de passe" }).waitFor();
    await page.getByLabel('Votre identifiant').fill(operatorIdentifier);
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText('Si un compte correspond aux informations saisies', { exact: false }).waitFor();
    await expectAccessible(page, 'password reset requested');
    let link = '';
    await expect
      .poll(
        async () => {
          const emails = await portal.local.sentEmails();
          const email = emails.find((each) =>
            each.subject.endsWith('Réinitialisation de votre mot de passe'),
          );
          link =
            new RegExp(`${portal.url}/mot-de-passe-oublie#jeton=\\S+`).exec(email?.body.text ?? '')?.[0] ??
            '';
          return link;
        },
        { timeout: 8_000 },
      )
      .not.toBe('');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Réinitialisation du mot de passe' }).waitFor();
    await page.getByLabel(/Question secrète : Ville de naissance de ma grand-mère/).fill('Lyon');
    await page.getByLabel('Entrez le nouveau mot de passe :').fill('Encore-Nouveau3mot!');
    await page.getByLabel('Confirmez le nouveau mot de passe :').fill('Encore-Nouveau3mot!');
    await page.getByRole('button', { name: 'Changement du mot de passe' }).click();
    await page.getByRole('alert').first().waitFor();
    await expectAccessible(page, 'password reset, wrong secret answer');
    await screenshot(page, 'reinitialisation-mot-de-passe');
    await page.getByLabel(/Question secrète/).fill('Saint-Étienne');
    await page.getByRole('button', { name: 'Changement du mot de passe' }).click();
    await page.waitForURL(`${portal.url}/connexion`);
    await page.getByText('Votre mot de passe a été réinitialisé.', { exact: false }).waitFor();
    await page.getByLabel('Votre identifiant').fill(operatorIdentifier);
    await page.getByLabel('Votre mot de passe').fill('Encore-Nouveau3mot!');
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.waitForURL(`${portal.url}/espace`);
    await context.close();
  }, 60_000);
});

describe('portal: the advance request of the demo operator (browser)', () => {
  it('fills the prefilled form, sees the estimate update while typing, validates, reads the récapitulatif and downloads the decision', async () => {
    const { context, page } = await portal.newPage();
    await page.goto(`${portal.url}/connexion`);
    await page.getByLabel('Votre identifiant').fill(DEMO_OPERATOR.identifier);
    await page.getByLabel('Votre mot de passe').fill(DEMO_OPERATOR.password);
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.waitForURL(`${portal.url}/espace`);
    await page.getByRole('link', { name: 'Demande de financement' }).first().click();
    await page.getByRole('heading', { name: 'Information de la demande' }).waitFor();
    expect(await page.getByLabel("Montant fixe éligible pour l'opérateur :").inputValue()).toBe('8000.00');
    const counts = [
      [/BAL rattachées à des applications/, '10'],
      [/BAL applicatives estimées/, '10'],
      [/BAL organisationnelles actuelles/, '10'],
      [/BAL organisationnelles estimées/, '10'],
      [/BAL personnelles actuelles/, '10'],
    ] as const;
    for (const [label, value] of counts) await page.getByLabel(label).fill(value);
    await page.getByLabel(/BAL personnelles estimées/).fill('10');
    const estimate = page.locator('.fr-callout');
    await expect.poll(() => estimate.textContent(), { timeout: 8_000 }).toMatch(/\d[\d.]* € TTC/);
    const first = await estimate.textContent();
    await page.getByLabel(/BAL personnelles estimées/).fill('5000');
    await expect.poll(() => estimate.textContent(), { timeout: 8_000 }).not.toBe(first);
    await expectAccessible(page, 'advance form');
    await screenshot(page, 'demande-avance');
    await page.getByRole('button', { name: 'Valider' }).click();
    await page
      .getByText(/FINMSS\d+/)
      .first()
      .waitFor();
    await page.getByText('Décidée').first().waitFor();
    await local.cloud.settleWorkflows();
    await page.reload();
    await page.getByRole('button', { name: 'Pièces justificatives' }).click();
    const download = page.getByRole('link', { name: /Télécharger/ });
    await download.waitFor();
    const href = (await download.getAttribute('href')) ?? '';
    const pdf = await fetch(href);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await page.getByRole('button', { name: 'Courriels automatiques envoyés' }).click();
    await expectAccessible(page, 'advance récapitulatif');
    await screenshot(page, 'recapitulatif-avance');
    await context.close();
  }, 60_000);
});
