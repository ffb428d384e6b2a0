import { seedFundingCall } from '#shared/funding/call-repository.ts';
import * as keys from '#shared/storage/keys.ts';
import { putItem } from '#shared/storage/store.ts';
import { demoReferencings } from './demo-data.ts';
import { seedDemoInstructor } from './seed-accounts.ts';

/** Idempotent: every item is written under its natural key, so a restart rewrites the same data. */
export async function seedDemoData(): Promise<void> {
  await putItem({ ...keys.healthProbe(), type: 'HealthProbe' });
  await Promise.all(
    demoReferencings.map((referencing) =>
      putItem({ ...keys.referencing(referencing.number), type: 'Referencing', ...referencing }),
    ),
  );
  await seedDemoInstructor();
  await seedFundingCall();
}
