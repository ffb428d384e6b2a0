import { join } from 'node:path';
import { type LocalCloud, REPOSITORY_ROOT, startLocalCloud } from './cloud.ts';
import { DEMO_INSTRUCTOR, DEMO_OPERATOR } from './demo-data.ts';
import { startPortal } from './portal.ts';
import { ensurePortalBuilt, PORTAL_DIST } from './portal-build.ts';
import { PortInUseError } from './ports.ts';

/** `npm start`: the portal and the whole backend offline, data kept in .local/ (delete it to reset). */
const port = (variable: string, fallback: number) => {
  const value = Number(process.env[variable] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`${variable} doit être un numéro de port (0-65535).`);
    process.exit(2);
  }
  return value;
};

const started = performance.now();
try {
  // npm ci builds the portal (prepare script); a source changed since is rebuilt here first.
  if (await ensurePortalBuilt()) console.log('Portail reconstruit (web/dist).');
  let cloud: LocalCloud | undefined;
  // The portal listens first: its URL is the one the emails link to (PORTAL_URL).
  const portal = await startPortal({
    port: port('PORTAL_PORT', 5173),
    distDirectory: PORTAL_DIST,
    apiUrl: () => cloud?.urls.api,
    uploadOrigins: () => cloud?.urls.s3 ?? '',
  });
  cloud = await startLocalCloud({
    ports: {
      api: port('PORT', 3000),
      dynamodb: port('LOCAL_DYNAMODB_PORT', 8000),
      s3: port('LOCAL_S3_PORT', 4569),
      ses: port('LOCAL_SES_PORT', 8005),
      sfn: port('LOCAL_SFN_PORT', 8083),
    },
    dataDirectory: process.env.LOCAL_DATA_DIR ?? join(REPOSITORY_ROOT, '.local'),
    persist: true,
    ...(process.env.CORS_ORIGINS ? { corsOrigins: process.env.CORS_ORIGINS.split(',') } : {}),
    seedDemoOperator: true,
    environment: { PORTAL_URL: portal.url },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
Portail Ségur MSS — local prêt en ${seconds} s
  Portail          ${portal.url}
                   opérateur de démo : ${DEMO_OPERATOR.identifier} / ${DEMO_OPERATOR.password}
                   instructeur de démo : ${DEMO_INSTRUCTOR.identifier} / ${DEMO_INSTRUCTOR.password}
  API              ${cloud.urls.api}
  Documentation    ${cloud.urls.docs}
  OpenAPI          ${cloud.urls.openapi}
  Boîte aux lettres ${cloud.urls.mailbox}   (courriels envoyés par SES)
  DynamoDB ${cloud.urls.dynamodb} · S3 ${cloud.urls.s3} · Step Functions ${cloud.urls.sfn}
Ctrl-C pour arrêter.`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Arrêt…');
    await portal.stop();
    await cloud?.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  console.error(error instanceof PortInUseError ? error.message : error);
  process.exit(1);
}
