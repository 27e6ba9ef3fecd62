import express, { Router } from 'express';
import { z } from 'zod';
import { applyEmailEvents, sendGridEventSchema } from '../email/apply-email-events.ts';
import type { EmailDeps } from '../email/email-deps.ts';
import {
  eventWebhookKey,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyEventSignature,
} from '../email/verify-event-signature.ts';

export const SENDGRID_WEBHOOK_PATH = '/webhooks/sendgrid';

const batchSchema = z.array(z.unknown());

/**
 * POST /webhooks/sendgrid: SendGrid's signed Event Webhook. The raw bytes are verified before any
 * parsing; 401 for a bad or stale signature, 400 for a body that is not a JSON array, 500 when
 * storing failed (SendGrid retries, and sg_event_id dedupes the retry), else 200.
 */
export function sendGridWebhookRouter(deps: EmailDeps, publicKey: string): Router {
  const key = eventWebhookKey(publicKey);
  const router = Router();
  router.post(SENDGRID_WEBHOOK_PATH, express.raw({ type: () => true, limit: '10mb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const check = verifyEventSignature(key, raw, req.get(SIGNATURE_HEADER), req.get(TIMESTAMP_HEADER));
    if (!check.ok) {
      deps.logger.warn({ reason: check.reason }, 'sendgrid webhook refused');
      res.status(401).json({ error: `signature ${check.reason}` });
      return;
    }

    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      res.status(400).json({ error: 'body is not JSON' });
      return;
    }
    const batch = batchSchema.safeParse(parsed);
    if (!batch.success) {
      res.status(400).json({ error: 'expected a JSON array of events' });
      return;
    }
    // One malformed event must not make SendGrid redeliver the good ones forever: it is skipped and logged.
    const events = batch.data.flatMap((item) => {
      const event = sendGridEventSchema.safeParse(item);
      if (!event.success) deps.logger.warn('sendgrid event without event, sg_event_id or timestamp skipped');
      return event.success ? [event.data] : [];
    });
    try {
      const fresh = await applyEmailEvents(deps, events);
      deps.logger.info({ received: batch.data.length, fresh }, 'sendgrid events applied');
      res.status(200).json({ received: batch.data.length, fresh });
    } catch (error) {
      deps.logger.error({ err: error }, 'sendgrid events not stored');
      res.status(500).json({ error: 'not stored; retry' });
    }
  });
  return router;
}
