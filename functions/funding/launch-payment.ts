import { launchPayment } from '../../shared/funding/payment-orders.ts';
import { created, httpHandler } from '../../shared/http/handler.ts';
import { launchPaymentRoute } from '../../shared/routes/funding-admin.ts';

export const handler = httpHandler(launchPaymentRoute, async ({ auth, params, body }) =>
  created(await launchPayment(auth, params.number, body)),
);
