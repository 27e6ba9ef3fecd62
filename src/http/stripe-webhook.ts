import express, { type ErrorRequestHandler, type Router } from 'express';
import type { BillingEventInbox, ReceiveResult } from '../ingest/billing-events/billing-event-inbox.ts';
import { describeEnvelopeProblem, storableEvent } from '../ingest/stripe/stripe-event-envelope.ts';
import { StripeSignatureError, verifyStripeEvent } from '../ingest/stripe/verify-stripe-signature.ts';
import type { Logger } from '../log.ts';

export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';
// Stripe's events are a few kilobytes; its largest are well under this.
const BODY_LIMIT = '1mb';

/**
 * POST /webhooks/stripe. The signature is checked on the raw bytes, so this route reads the
 * body itself. Stripe gets a 2xx once the event is stored, even if applying it failed: the
 * retry job finishes it, and answering an error would only make Stripe send it again.
 */
export function stripeWebhookRouter(inbox: BillingEventInbox, secret: string, logger: Logger): Router {
  const router = express.Router();
  router.post(STRIPE_WEBHOOK_PATH, express.raw({ type: () => true, limit: BODY_LIMIT }), async (req, res) => {
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let event: ReturnType<typeof verifyStripeEvent>;
    try {
      event = verifyStripeEvent(body, req.header('stripe-signature'), secret);
    } catch (error) {
      if (!(error instanceof StripeSignatureError)) throw error;
      logger.warn({ code: error.code }, 'stripe webhook refused');
      res.status(400).json({ error: error.code, message: error.message });
      return;
    }

    const problem = describeEnvelopeProblem(event);
    if (problem) {
      logger.warn({ problem }, 'stripe webhook refused: signed, but not an event');
      res
        .status(400)
        .json({ error: 'malformed_payload', message: `The signed body is not a Stripe event: ${problem}` });
      return;
    }

    const log = logger.child({ stripeEventId: event.id, type: event.type });
    let result: ReceiveResult;
    try {
      result = await inbox.receive(
        {
          source: 'stripe',
          eventId: event.id,
          type: event.type,
          occurredAt: new Date(event.created * 1000),
          // The signed bytes are the record: stored as they came, not re-serialised, unless they cannot be.
          ...storableEvent(body.toString('utf8'), event),
        },
        log,
      );
    } catch (error) {
      // Not stored: an error status makes Stripe deliver it again later.
      log.error({ err: error }, 'stripe event could not be stored');
      res.status(500).json({ error: 'not_stored', message: 'The event could not be stored; deliver it again.' });
      return;
    }
    if (result.status === 'duplicate') {
      log.info('stripe event already stored; acknowledged again');
      res.status(200).json({ received: true, duplicate: true });
      return;
    }
    log.info({ status: result.status }, 'stripe event received');
    res.status(200).json({ received: true });
  });
  router.use(STRIPE_WEBHOOK_PATH, answerBodyTooLarge(logger));
  return router;
}

/** The body reader's refusal as JSON, like every other answer here, not Express's error page. */
function answerBodyTooLarge(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (error?.type !== 'entity.too.large' || res.headersSent) {
      next(error);
      return;
    }
    logger.warn({ limit: BODY_LIMIT }, 'stripe webhook refused: body too large');
    res.status(413).json({ error: 'body_too_large', message: `The body is over the ${BODY_LIMIT} limit.` });
  };
}
