import { beforeAll, describe, expect, it, vi } from 'vitest';
import { routeTable } from '#functions/route-table.ts';
import * as enrolmentClient from '../support/enrolment.ts';
import { type SentEmail, useLocalCloud } from '../support/harness.ts';

// Info-level logs on for this file, to prove they carry no secret (see the last test).
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
});

/** Lower scrypt cost on the local stage only (N = 2^14) so the many hashes stay fast. */
const local = useLocalCloud({
  environment: { PASSWORD_HASH_LOG_N: '14', RECOVERY_SOURCE_LIMIT: '100/900' },
});

const captured: string[] = [];
/** Every secret or personal value seen in the file: none may appear in the captured logs. */
const secrets = new Set<string>();
const keep = (value: string) => {
  secrets.add(value);
  return value;
};
const bearer = (token: string) => ({ authorization: `Bearer ${keep(token)}` });

const textOf = (email: SentEmail) => email.body.text ?? '';
async function emailsTo(address: string) {
  return (await local.sentEmails()).filter((email) => email.destination.to.includes(address));
}
const lastEmailTo = async (address: string) => (await emailsTo(address)).at(-1);
const resetTokenIn = (email: SentEmail | undefined) => /#jeton=([\w-]+)/.exec(textOf(email!))?.[1] as string;

let support: typeof import('../support/accounts.ts');
let fixtures: typeof import('../support/enrolment-fixtures.ts');
let provisioning: typeof import('#shared/accounts/provisioning.ts');
let emails: typeof import('#shared/accounts/emails.ts');
let sendEmail: typeof import('#shared/email/send.ts').sendEmail;

beforeAll(async () => {
  const write = (original: typeof process.stdout.write) =>
    ((chunk: unknown, ...rest: unknown[]) => {
      captured.push(String(chunk));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = write(process.stdout.write.bind(process.stdout));
  process.stderr.write = write(process.stderr.write.bind(process.stderr));
  support = await import('../support/accounts.ts');
  fixtures = await import('../support/enrolment-fixtures.ts');
  provisioning = await import('#shared/accounts/provisioning.ts');
  emails = await import('#shared/accounts/emails.ts');
  sendEmail = (await import('#shared/email/send.ts')).sendEmail;
});

const SIRET_A = '39177919600040';
const SIRET_B = '47992882200069';
/** The legal representative that test/support/enrolment.ts fills in. */
const CONTACT_A = { nom: 'Martin', prenom: 'Camille', email: keep('representant@example.fr') };
const PORTAL = 'http://localhost:5173';
/** Operator A's validated enrolment, submitted through the enrolment API. */
let validated: import('#shared/enrolment/model.ts').Enrolment;

describe('operator account: provisioning, first login, private home', () => {
  let identifier = '';
  let temporary = '';
  let token = '';
  const newPassword = keep('Messagerie.Sure42');

  it('provisions one account per operator, idempotently, and emails the credentials separately', async () => {
    const draft = await enrolmentClient.createDraft(local.api);
    await enrolmentClient.completeDraft(local.api, draft, { siret: SIRET_A });
    expect((await enrolmentClient.submit(local.api, draft)).status).toBe(200);
    await local.cloud.settleWorkflows();
    // The instructor's decision (issue 6) is applied through the repository until it lands.
    const { getEnrolment, saveEnrolment } = await import('#shared/enrolment/repository.ts');
    const submitted = (await getEnrolment(draft.id))!;
    expect(submitted.number).toMatch(/^ENR\d{4}M\d$/);
    await expect(provisioning.provisionOperatorAccount(submitted)).rejects.toThrow(/not validated/);
    const enrolment = await saveEnrolment({ ...submitted, status: 'VALIDEE' });
    validated = enrolment;
    const first = await provisioning.provisionOperatorAccount(enrolment);
    expect(first).toMatchObject({
      identifier: 'camille.martin',
      created: true,
      credentialsPending: true,
    });
    const retry = await provisioning.provisionOperatorAccount(enrolment);
    expect(retry).toEqual({ ...first, created: false });
    const { getItem } = await import('#shared/storage/store.ts');
    const keys = await import('#shared/storage/keys.ts');
    const stored = await getItem<{ accountId: string; version: number }>(keys.enrolment(enrolment.id));
    expect(stored).toMatchObject({ accountId: first.accountId, version: enrolment.version + 1 });
    expect((await provisioning.findOperatorAccount(SIRET_A))?.id).toBe(first.accountId);
    identifier = first.identifier;

    await sendEmail(
      CONTACT_A.email,
      emails.identifierEmail({ identifier, enrolmentNumber: validated.number, portalUrl: PORTAL }),
    );
    const outcome = await provisioning.issueTemporaryPasswordAndSend(
      first.accountId,
      async (password, expiresAt) => {
        await sendEmail(
          CONTACT_A.email,
          emails.temporaryPasswordEmail({ password, expiresAt, portalUrl: PORTAL }),
        );
      },
    );
    expect(outcome.issued).toBe(true);
    const received = await emailsTo(CONTACT_A.email);
    const identifierMail = received.find((email) => email.subject.endsWith('Votre identifiant de connexion'));
    const passwordMail = received.find((email) => email.subject.endsWith('Votre mot de passe provisoire'));
    expect(textOf(identifierMail!)).toContain(`Identifiant\u00a0: ${identifier}`);
    expect(textOf(identifierMail!)).not.toContain('Mot de passe provisoire\u00a0:');
    temporary = keep(/Mot de passe provisoire\u00a0: (\S+)/.exec(textOf(passwordMail!))?.[1] as string);
    expect(temporary).toMatch(/^.{16}$/);
    expect(textOf(passwordMail!)).not.toContain(identifier);
  });

  it('refuses a wrong password and an unknown identifier with the same problem', async () => {
    const wrong = await local.api.post('/v1/sessions', { identifier, password: 'Pas-le-bon-1' });
    const unknown = await local.api.post('/v1/sessions', {
      identifier: 'personne.inconnue',
      password: 'Pas-le-bon-1',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('logs in with the temporary password, which only opens the first-login steps', async () => {
    const login = await local.api.post('/v1/sessions', {
      identifier: identifier.toUpperCase(),
      password: temporary,
    });
    expect(login.status).toBe(201);
    expect(login.body).toMatchObject({
      passwordChangeRequired: true,
      pendingSteps: ['password', 'secretQuestion'],
      role: 'operator',
    });
    // `<accountId>.<256 random bits>`: the account names the revocation mark the authorizer reads.
    expect(login.body.token).toMatch(/^[\w-]{1,64}\.[\w-]{43}$/);
    token = login.body.token;
    for (const path of ['/v1/me', '/v1/me/enrolments']) {
      const blocked = await local.api.get(path, bearer(token));
      expect(blocked.status).toBe(403);
      expect(blocked.body.code).toBe('password_change_required');
    }
  });

  it('names every violated password rule in French, then accepts a good password', async () => {
    const attempt = (candidate: string, confirmation = candidate, currentPassword = temporary) =>
      local.api.put(
        '/v1/me/password',
        { currentPassword, newPassword: candidate, confirmation },
        bearer(token),
      );
    const cases: [string, string, string][] = [
      ['Court1!', 'minLength', '8 caractères minimum'],
      ['SansChiffre!', 'digit', 'au moins 1 chiffre'],
      ['SansSpecial12', 'specialCharacter', 'caractère spécial'],
      ['Éléphant-rose1', 'noAccentedCharacters', 'caractères accentués'],
      ['Azerty123!', 'notCommon', 'trop courant'],
      [`${'a'.repeat(127)}1!`, 'maxLength', '128 caractères maximum'],
      [temporary, 'differentFromPrevious', 'différent du précédent'],
    ];
    for (const [candidate, rule, words] of cases) {
      const response = await attempt(candidate);
      expect(response.status, rule).toBe(422);
      expect(response.body.code).toBe('password_policy');
      expect(response.body.violatedRules).toEqual([rule]);
      expect(response.body.errors).toEqual([
        { path: 'body.newPassword', message: expect.stringContaining(words) },
      ]);
    }
    const sameAsIdentifier = await attempt(identifier);
    expect(sameAsIdentifier.body.violatedRules).toContain('differentFromIdentifier');
    expect(sameAsIdentifier.body.errors.map((e: { message: string }) => e.message)).toContain(
      "Le mot de passe doit être différent de l'identifiant.",
    );
    const mismatch = await attempt(newPassword, 'Autre-chose-42');
    expect(mismatch.body.errors).toEqual([
      { path: 'body.confirmation', message: 'La confirmation ne correspond pas au nouveau mot de passe.' },
    ]);
    const wrongCurrent = await attempt(newPassword, newPassword, 'Mauvais-ancien-1');
    expect(wrongCurrent.status).toBe(422);
    expect(wrongCurrent.body.code).toBe('invalid_current_password');

    const accepted = await attempt(newPassword);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ passwordChangeRequired: true, pendingSteps: ['secretQuestion'] });
    const previousToken = token;
    token = accepted.body.token;
    expect((await local.api.get('/v1/me', bearer(previousToken))).status).toBe(401);
    const stillBlocked = await local.api.get('/v1/me', bearer(token));
    expect(stillBlocked.body.code).toBe('password_change_required');
    const oldPassword = await local.api.post('/v1/sessions', { identifier, password: temporary });
    expect(oldPassword.status).toBe(401);
  });

  it('sets the secret question, after which the private home opens', async () => {
    const tooShort = await local.api.put(
      '/v1/me/secret-question',
      { question: 'Q ?', answer: 'x' },
      bearer(token),
    );
    expect(tooShort.status).toBe(422);
    expect(tooShort.body.errors[0]).toEqual({
      path: 'body.question',
      message: 'La question secrète doit comporter au moins 5 caractères.',
    });
    const set = await local.api.put(
      '/v1/me/secret-question',
      { question: 'Nom de mon premier animal ?', answer: keep('  Médor le Chien ') },
      bearer(token),
    );
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ passwordChangeRequired: false, pendingSteps: [] });

    const me = await local.api.get('/v1/me', bearer(token));
    expect(me.status).toBe(200);
    expect(me.body.account).toMatchObject({
      identifier,
      role: 'operator',
      secretQuestion: 'Nom de mon premier animal ?',
      passwordChangeRequired: false,
      // The first login's date, carried by the session (no read of the credentials item).
      lastLoginAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(me.body.operator).toEqual({
      siret: SIRET_A,
      denominationSociale: validated.applicant?.denominationSociale,
      nomCommercial: 'MédiMail',
      referencingNumber: 'zbuMSS0046',
      solutionName: validated.referencing?.solutionName,
    });
    expect(me.body.operator.denominationSociale).toEqual(expect.stringMatching(/\S/));
  });

  it('lists the operator’s enrolment requests, without drafts nor other operators’ requests', async () => {
    const second = await fixtures.storeEnrolment({ siret: SIRET_A, status: 'DEPOSEE', number: 'ENR0012M0' });
    await fixtures.storeEnrolment({ siret: SIRET_A, status: 'BROUILLON' });
    await fixtures.storeEnrolment({ siret: SIRET_B, status: 'DEPOSEE', number: 'ENR0013M0' });
    const list = await local.api.get('/v1/me/enrolments', bearer(token));
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { number: string }) => item.number)).toEqual([
      validated.number,
      'ENR0012M0',
    ]);
    expect(list.body.items[0]).toMatchObject({ id: validated.id, status: 'VALIDEE', statusLabel: 'Validée' });
    expect(list.body.items[1]).toMatchObject({ id: second.id, status: 'DEPOSEE', statusLabel: 'Déposée' });
    expect(list.body.items[1].submittedAt).toEqual(expect.any(String));
    const paged = await local.api.get('/v1/me/enrolments?limit=1', bearer(token));
    expect(paged.body.items).toHaveLength(1);
    const next = await local.api.get(`/v1/me/enrolments?limit=1&cursor=${paged.body.cursor}`, bearer(token));
    expect(next.body.items[0].number).toBe('ENR0012M0');
    const badLimit = await local.api.get('/v1/me/enrolments?limit=0', bearer(token));
    expect(badLimit.status).toBe(422);
  });

  it('links a later enrolment of the same SIRET to the same account without resending credentials', async () => {
    const later = await fixtures.storeEnrolment({ siret: SIRET_A, status: 'VALIDEE', number: 'ENR0014M0' });
    const linked = await provisioning.provisionOperatorAccount(later);
    expect(linked).toMatchObject({ identifier, created: false, credentialsPending: false });
    const outcome = await provisioning.issueTemporaryPasswordAndSend(linked.accountId, async () => {
      throw new Error('must not send');
    });
    expect(outcome).toEqual({ issued: false, reason: 'already_active' });
    expect((await local.api.post('/v1/sessions', { identifier, password: newPassword })).status).toBe(201);
  });

  it('recovers a lost identifier by email, answering the same way for an unknown address', async () => {
    const timed = async (email: string) => {
      const started = performance.now();
      const response = await local.api.post('/v1/recovery/identifier', { email });
      return { ...response, ms: performance.now() - started };
    };
    const known = await timed(CONTACT_A.email.toUpperCase());
    const unknown = await timed(keep('personne@nulle-part.fr'));
    // Both answer no sooner than the response floor, so the time does not tell them apart.
    expect(known.ms).toBeGreaterThanOrEqual(600);
    expect(unknown.ms).toBeGreaterThanOrEqual(600);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(textOf((await lastEmailTo(CONTACT_A.email))!)).toContain(`Identifiant\u00a0: ${identifier}`);
    expect(await emailsTo('personne@nulle-part.fr')).toHaveLength(0);
    // An email failure must not tell a known address from an unknown one.
    await local.injectSesFaults({ always: true });
    const failing = await local.api.post('/v1/recovery/identifier', { email: CONTACT_A.email });
    await local.clearSesFaults();
    expect(failing.status).toBe(202);
    expect(failing.body).toEqual(unknown.body);
    const invalid = await local.api.post('/v1/recovery/identifier', { email: 'pas-une-adresse' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors[0].path).toBe('body.email');
  });

  it('resets a lost password with the emailed single-use link and the secret answer', async () => {
    const known = await local.api.post('/v1/recovery/password', { identifier });
    const unknown = await local.api.post('/v1/recovery/password', { identifier: 'personne.inconnue' });
    expect(known.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const resetToken = keep(resetTokenIn(await lastEmailTo(CONTACT_A.email)));
    expect(resetToken).toMatch(/^[\w-]{43}$/);

    const question = await local.api.post('/v1/recovery/password/question', { token: resetToken });
    expect(question.body).toEqual({ secretQuestion: 'Nom de mon premier animal ?' });
    const reset = (secretAnswer: string, password: string) =>
      local.api.post('/v1/recovery/password/reset', {
        token: resetToken,
        secretAnswer,
        newPassword: password,
        confirmation: password,
      });
    const wrongAnswer = await reset('Rex', 'Nouveau-Secret-7');
    expect(wrongAnswer.status).toBe(422);
    expect(wrongAnswer.body.code).toBe('secret_answer_incorrect');
    const sameAsBefore = await reset('medor le chien', newPassword);
    expect(sameAsBefore.body.errors[0].message).toContain('différent du précédent');

    const replacement = keep('Nouveau-Secret-7');
    const done = await reset('MÉDOR   le chien', replacement);
    expect(done.status).toBe(204);
    expect((await local.api.get('/v1/me', bearer(token))).status).toBe(401);
    const reused = await reset('medor le chien', 'Encore-Autre-8');
    expect(reused.status).toBe(410);
    expect(reused.body.code).toBe('reset_token_invalid');
    expect((await local.api.post('/v1/sessions', { identifier, password: newPassword })).status).toBe(401);
    token = await support.loginAs(local, identifier, replacement);
    keep(token);
  });

  it('refuses an expired reset link and voids a link after three wrong answers', async () => {
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient, tableName } = await import('#shared/storage/client.ts');
    const keys = await import('#shared/storage/keys.ts');
    const { hashToken } = await import('#shared/accounts/session-token.ts');
    await local.api.post('/v1/recovery/password', { identifier });
    const expired = keep(resetTokenIn(await lastEmailTo(CONTACT_A.email)));
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.passwordReset(hashToken(expired)),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
      }),
    );
    const late = await local.api.post('/v1/recovery/password/question', { token: expired });
    expect(late.status).toBe(410);

    await local.api.post('/v1/recovery/password', { identifier });
    const guessed = keep(resetTokenIn(await lastEmailTo(CONTACT_A.email)));
    const guess = (answer: string) =>
      local.api.post('/v1/recovery/password/reset', {
        token: guessed,
        secretAnswer: answer,
        newPassword: 'Tentative-Pirate-9',
        confirmation: 'Tentative-Pirate-9',
      });
    expect((await guess('chat')).status).toBe(422);
    expect((await guess('chien')).status).toBe(422);
    const third = await guess('poisson');
    expect(third.body.detail).toContain('Ce lien est désormais invalide');
    expect((await guess('medor le chien')).status).toBe(410);
  });

  it('lets an operator whose temporary password expired reset it by the emailed link alone', async () => {
    const enrolment = await fixtures.storeEnrolment({
      siret: '73282932000074',
      status: 'VALIDEE',
      number: 'ENR0015M0',
      contact: { nom: 'Durand', prenom: 'Luc', email: keep('luc.durand@operateur-c.fr') },
    });
    const { accountId, identifier: lucIdentifier } = await provisioning.provisionOperatorAccount(enrolment);
    let expiredPassword = '';
    await provisioning.issueTemporaryPasswordAndSend(accountId, async (password) => {
      expiredPassword = keep(password);
    });
    // The temporary password lives on the identifier's Credentials item.
    const { updateCredentials } = await import('#shared/accounts/repository.ts');
    await updateCredentials(lucIdentifier, {
      set: { temporaryPasswordExpiresAt: new Date(Date.now() - 1000).toISOString() },
    });
    const late = await local.api.post('/v1/sessions', {
      identifier: lucIdentifier,
      password: expiredPassword,
    });
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('temporary_password_expired');

    await local.api.post('/v1/recovery/password', { identifier: lucIdentifier });
    const resetToken = keep(resetTokenIn(await lastEmailTo('luc.durand@operateur-c.fr')));
    const question = await local.api.post('/v1/recovery/password/question', { token: resetToken });
    expect(question.body).toEqual({ secretQuestion: null });
    const chosen = keep('Choisi-Par-Luc-5');
    const reset = await local.api.post('/v1/recovery/password/reset', {
      token: resetToken,
      newPassword: chosen,
      confirmation: chosen,
    });
    expect(reset.status).toBe(204);
    const login = await local.api.post('/v1/sessions', { identifier: lucIdentifier, password: chosen });
    expect(login.status).toBe(201);
    keep(login.body.token);
    // The secret question is still to be set before the private home opens.
    expect(login.body).toMatchObject({ passwordChangeRequired: true, pendingSteps: ['secretQuestion'] });
  });

  it('throttles recovery requests aimed at the same identifier', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await local.api.post('/v1/recovery/password', { identifier: 'cible.unique' })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});

describe('sessions and the authorizer', () => {
  let operator: Awaited<ReturnType<typeof support.activeOperator>>;

  beforeAll(async () => {
    const enrolment = await fixtures.storeEnrolment({
      siret: SIRET_B,
      status: 'VALIDEE',
      number: 'ENR0020M0',
      contact: { nom: 'Martin', prenom: 'Paul', email: keep('paul.martin@operateur-b.fr') },
    });
    operator = await support.activeOperator(local, enrolment, keep('Operateur-B#2026'));
    keep(operator.token);
  });

  it('isolates operators: B sees only its own requests', async () => {
    const list = await local.api.get('/v1/me/enrolments', bearer(operator.token));
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { number: string }) => item.number)).toEqual([
      'ENR0013M0',
      'ENR0020M0',
    ]);
    const me = await local.api.get('/v1/me', bearer(operator.token));
    expect(me.body.operator.siret).toBe(SIRET_B);
  });

  it('gives operator B no access to operator A’s enrolment through any route that takes its id', async () => {
    const { getEnrolment } = await import('#shared/enrolment/repository.ts');
    const before = await getEnrolment(validated.id);
    const idRoutes = routeTable.filter((route) => route.path.includes('{id}'));
    expect(idRoutes.length).toBeGreaterThan(5);
    for (const route of idRoutes) {
      const path = route.path
        .replace('{id}', validated.id)
        .replace('{step}', 'bank')
        .replace('{field}', 'rib');
      const response = await local.api.request(route.method, path, {
        headers: bearer(operator.token),
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }),
      });
      const label = `${route.method} ${route.path}`;
      // Draft routes want the draft token (401); instructor routes refuse the operator role (403).
      const refused = route.access === 'instructor' ? 403 : 401;
      if (route.method === 'GET' || route.method === 'DELETE') expect(response.status, label).toBe(refused);
      else expect([401, 403, 422], label).toContain(response.status);
      expect(JSON.stringify(response.body), label).not.toContain(validated.applicant?.representative.email);
    }
    expect(await getEnrolment(validated.id)).toEqual(before);
  });

  it('keeps operators out of instructor routes and instructors out of operator routes', async () => {
    for (const route of routeTable.filter((r) => r.access === 'instructor')) {
      const path = route.path.replace(/\{\w+\}/g, 'x');
      const response = await local.api.request(route.method, path, { headers: bearer(operator.token) });
      expect(response.status, `${route.method} ${route.path}`).toBe(403);
    }
    const instructor = keep(await support.loginAsDemoInstructor(local));
    const me = await local.api.get('/v1/me', bearer(instructor));
    expect(me.body).toMatchObject({
      account: { role: 'instructor', identifier: 'instructeur.demo' },
      operator: null,
    });
    const operatorRoute = await local.api.get('/v1/me/enrolments', bearer(instructor));
    expect(operatorRoute.status).toBe(403);
    expect(operatorRoute.body.code).toBe('role_forbidden');
  });

  it('answers 401 without a token, with a malformed or tampered token, and after logout', async () => {
    expect((await local.api.get('/v1/me')).status).toBe(401);
    const malformed = await local.api.get('/v1/me', { authorization: 'Basic abc' });
    expect(malformed.status).toBe(401);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    expect(malformed.body.detail).toContain('Vous devez vous connecter');
    const last = operator.token.at(-1) === 'A' ? 'B' : 'A';
    const tampered = await local.api.get('/v1/me', bearer(`${operator.token.slice(0, -1)}${last}`));
    expect(tampered.status).toBe(401);

    const session = await support.loginAs(local, operator.identifier, operator.password);
    expect((await local.api.get('/v1/me', bearer(session))).status).toBe(200);
    expect((await local.api.delete('/v1/sessions/current', bearer(session))).status).toBe(204);
    expect((await local.api.get('/v1/me', bearer(session))).status).toBe(401);
    expect((await local.api.get('/v1/me', bearer(operator.token))).status).toBe(200);
  });

  it('keeps a logged-out session as the journal record of its login, its token refused', async () => {
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient, tableName } = await import('#shared/storage/client.ts');
    const keys = await import('#shared/storage/keys.ts');
    const { hashToken } = await import('#shared/accounts/session-token.ts');
    const stored = async (token: string) =>
      (
        await documentClient.send(
          new GetCommand({ TableName: tableName, Key: keys.session(hashToken(token)) }),
        )
      ).Item;
    const session = keep(await support.loginAs(local, operator.identifier, operator.password));
    const opened = await stored(session);
    const sixMonths = Date.now() / 1000 + 182 * 86_400;
    expect(opened).toMatchObject({
      accountId: operator.accountId,
      origin: 'login',
      sourceIp: expect.any(String),
    });
    expect(opened?.expiresAt).toBeGreaterThan(sixMonths);
    expect(opened?.revokedAt).toBeUndefined();

    expect((await local.api.delete('/v1/sessions/current', bearer(session))).status).toBe(204);
    const record = await stored(session);
    expect(record).toMatchObject({ ...opened, revokedAt: expect.any(String) });
    const refused = await local.api.get('/v1/me', bearer(session));
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('unauthorized');
    // A second logout with the same token changes nothing; the record stays.
    expect((await local.api.delete('/v1/sessions/current', bearer(session))).status).toBe(401);
    expect((await stored(session))?.revokedAt).toBe(record?.revokedAt);
  });

  it('answers 401 once the idle or the absolute expiry has passed, and renews the idle expiry on use', async () => {
    const { GetCommand, UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient, tableName } = await import('#shared/storage/client.ts');
    const keys = await import('#shared/storage/keys.ts');
    const { hashToken } = await import('#shared/accounts/session-token.ts');
    const now = Math.floor(Date.now() / 1000);
    const set = (token: string, attribute: string, value: number) =>
      documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.session(hashToken(token)),
          UpdateExpression: `SET ${attribute} = :value`,
          ExpressionAttributeValues: { ':value': value },
        }),
      );
    const idle = keep(await support.loginAs(local, operator.identifier, operator.password));
    await set(idle, 'renewedAt', now - 600);
    expect((await local.api.get('/v1/me', bearer(idle))).status).toBe(200);
    const renewed = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: keys.session(hashToken(idle)) }),
    );
    expect(renewed.Item?.renewedAt).toBeGreaterThanOrEqual(now);
    await set(idle, 'idleExpiresAt', now - 1);
    expect((await local.api.get('/v1/me', bearer(idle))).status).toBe(401);

    const absolute = keep(await support.loginAs(local, operator.identifier, operator.password));
    await set(absolute, 'absoluteExpiresAt', now - 1);
    expect((await local.api.get('/v1/me', bearer(absolute))).status).toBe(401);
  });
  it('ends, on a password change, a session opened just before that the by-account index does not list yet', async () => {
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient, tableName } = await import('#shared/storage/client.ts');
    const keys = await import('#shared/storage/keys.ts');
    const { hashToken } = await import('#shared/accounts/session-token.ts');
    const racing = keep(await support.loginAs(local, operator.identifier, operator.password));
    // As if GSI1 had not caught up yet: the revocation's sweep cannot find this session.
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.session(hashToken(racing)),
        UpdateExpression: 'REMOVE GSI1PK, GSI1SK',
      }),
    );
    expect((await local.api.get('/v1/me', bearer(racing))).status).toBe(200);
    // Another account's id in front of a live token's random part opens nothing either.
    const [, random] = racing.split('.');
    expect((await local.api.get('/v1/me', bearer(`${operator.accountId}x.${random}`))).status).toBe(401);

    const chosen = keep('Operateur-B#2027');
    const changed = await local.api.put(
      '/v1/me/password',
      { currentPassword: operator.password, newPassword: chosen, confirmation: chosen },
      bearer(operator.token),
    );
    expect(changed.status).toBe(200);
    keep(changed.body.token);
    expect((await local.api.get('/v1/me', bearer(racing))).status).toBe(401);
    expect((await local.api.get('/v1/me', bearer(operator.token))).status).toBe(401);
    expect((await local.api.get('/v1/me', bearer(changed.body.token))).status).toBe(200);
  });
});

describe('admin command', () => {
  it('creates an instructor who receives two emails and must change the password at first login', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const email = keep('agent.instructeur@asp.local');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/create-instructor.ts', '--identifier', 'agent.instructeur', '--email', email],
      { env: process.env },
    );
    expect(stdout).toContain('Compte instructeur « agent.instructeur » prêt');
    const [identifierMail, passwordMail] = await emailsTo(email);
    expect(textOf(identifierMail!)).toContain('Identifiant\u00a0: agent.instructeur');
    const password = keep(/Mot de passe provisoire\u00a0: (\S+)/.exec(textOf(passwordMail!))?.[1] as string);
    expect(stdout).not.toContain(password);
    const login = await local.api.post('/v1/sessions', { identifier: 'agent.instructeur', password });
    expect(login.status).toBe(201);
    expect(login.body).toMatchObject({ role: 'instructor', passwordChangeRequired: true });
    const chosen = keep('Instruire-Bien#7');
    const changed = await local.api.put(
      '/v1/me/password',
      { currentPassword: password, newPassword: chosen, confirmation: chosen },
      bearer(login.body.token),
    );
    expect(changed.status).toBe(200);
    keep(changed.body.token);

    // Once the instructor chose a password, re-running the command leaves it alone.
    const again = await promisify(execFile)(
      process.execPath,
      ['scripts/create-instructor.ts', '--identifier', 'agent.instructeur', '--email', email],
      { env: process.env },
    );
    expect(again.stdout).toContain('existe déjà');
  });
});

describe('logs', () => {
  it('never contain a password, token, secret answer, IBAN or email address', async () => {
    const logs = captured.join('');
    expect(logs).toContain('Login succeeded');
    expect(logs).toContain('Password reset');
    for (const secret of [...secrets, 'FR7630006000011234567890189', 'FR7630004000031234567890143']) {
      expect(logs.includes(secret), `a secret value appears in the logs`).toBe(false);
    }
    expect(logs).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});

describe('identifiers of homonyms', () => {
  it('a second operator whose contact has the same name gets the next free suffix', async () => {
    const homonym = await fixtures.storeEnrolment({
      siret: '35600000000010',
      status: 'VALIDEE',
      number: 'ENR0031M0',
      contact: { nom: 'Martin', prenom: 'Camille', email: keep('camille.martin@operateur-c.fr') },
    });
    expect(await provisioning.provisionOperatorAccount(homonym)).toMatchObject({
      identifier: 'camille.martin2',
      created: true,
    });
  });
});
