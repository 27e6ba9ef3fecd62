import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { describeIssues } from '../ingest/api/describe-issues.ts';
import { apiEnvelopeSchema, MAX_EVENTS_PER_REQUEST } from '../ingest/api/event-schema.ts';
import { apiSource } from '../ingest/api/map-api-event.ts';
import { type EventStatus, receiveApiEvents } from '../ingest/api/receive-api-events.ts';
import type { BillingEventInbox } from '../ingest/billing-events/billing-event-inbox.ts';
import type { Logger } from '../log.ts';

export const EVENTS_API_PATH = '/api/events';
const BODY_LIMIT_MB = 2;

/**
 * POST /api/events: the documented JSON shape other billing systems send (docs/events-api.md). The token is
 * checked before the body is read; the answer is 200 with one result per event, in request order, even when
 * some were rejected, so a sender resends only those.
 */
export function eventsApiRouter(inbox: BillingEventInbox, token: string, logger: Logger): Router {
  const router = express.Router();
  // Any content type is read as JSON: `curl -d` sends form encoding unless told otherwise.
  const json = express.json({ limit: `${BODY_LIMIT_MB}mb`, type: () => true });

  const receive: RequestHandler = async (req, res) => {
    const envelope = apiEnvelopeSchema.safeParse(req.body);
    if (!envelope.success) {
      const errors = describeIssues(envelope.error.issues);
      res.status(400).json({ error: 'invalid_request', message: errors.map((e) => e.message).join('; '), errors });
      return;
    }
    const { source, events } = envelope.data;
    if (events.length > MAX_EVENTS_PER_REQUEST) {
      const limit = `a request carries at most ${MAX_EVENTS_PER_REQUEST} events`;
      const message = `${limit}, got ${events.length}; split the batch`;
      res.status(413).json({ error: 'too_many_events', message });
      return;
    }

    const started = Date.now();
    const log = logger.child({ source: apiSource(source) });
    const results = await receiveApiEvents(inbox, source, events, log);
    const counts: Record<EventStatus, number> = { accepted: 0, duplicate: 0, rejected: 0, failed: 0 };
    for (const { status } of results) counts[status] += 1;
    log.info({ events: results.length, ...counts, ms: Date.now() - started }, 'events api batch received');
    res.status(200).json({ results });
  };

  router.post(EVENTS_API_PATH, requireToken(token, logger), json, receive, answerError(logger));
  return router;
}

/** Bearer auth. Both sides are hashed first so the comparison takes the same time whatever the length. */
function requireToken(token: string, logger: Logger): RequestHandler {
  const expected = createHash('sha256').update(token).digest();
  return (req, res, next) => {
    const sent = /^Bearer +(\S+) *$/i.exec(req.header('authorization') ?? '')?.[1];
    if (sent !== undefined && timingSafeEqual(createHash('sha256').update(sent).digest(), expected)) {
      next();
      return;
    }

    logger.warn({ path: EVENTS_API_PATH, tokenSent: sent !== undefined }, 'events api request refused');
    const message =
      sent === undefined
        ? 'send the header Authorization: Bearer <WINBACK_API_TOKEN>'
        : 'the bearer token does not match WINBACK_API_TOKEN';
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'unauthorized', message });
  };
}

/** Body errors become JSON a sender can act on; anything else a generic sentence and a reference to the log line. */
function answerError(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const type: unknown = error?.type;
    if (type === 'entity.too.large') {
      const message = `the body is over the ${BODY_LIMIT_MB} MB limit; send fewer events per request`;
      res.status(413).json({ error: 'body_too_large', message });
      return;
    }
    if (type === 'entity.parse.failed') {
      res.status(400).json({ error: 'invalid_json', message: `the body is not valid JSON: ${error.message}` });
      return;
    }
    // body-parser marks errors safe to show (a bad charset or encoding) with expose and a 4xx status.
    if (error?.expose === true && typeof error.status === 'number' && error.status < 500) {
      res.status(error.status).json({ error: 'bad_request', message: error.message });
      return;
    }

    const reference = randomUUID();
    logger.error({ err: error, reference }, 'events api request failed');
    const message =
      'winback could not take these events; resend the batch (events already stored answer duplicate). ' +
      `Reference ${reference}`;
    res.status(500).json({ error: 'internal_error', message });
  };
}
