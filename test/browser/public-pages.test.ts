import { describe, expect, it } from 'vitest';
import { DEMO_OPERATOR } from '../../infra/local/demo-data.ts';
import { expectAccessible, screenshot, usePortal } from '../support/browser.ts';

const portal = usePortal();

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
    await context.close();
  });
});
