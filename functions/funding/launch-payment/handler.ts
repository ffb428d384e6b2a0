import { launchPayment } from '#shared/funding/payment-orders.ts';
import { created } from '#shared/http/handler.ts';
import { writeHandler } from '#shared/http/write-handler.ts';
import { launchPaymentRoute } from './route.ts';

/** The payment is shown on its dossier, hence the dossier's path as the created resource. */
export const handler = writeHandler(launchPaymentRoute, async ({ auth, params, body }) => {
  const dossier = await launchPayment(auth, params.number, body);
  return created(dossier, `/v1/funding/dossiers/${dossier.number}`);
});
