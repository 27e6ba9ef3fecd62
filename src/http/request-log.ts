import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../log.ts';

/** One line per HTTP request once it is answered: method, path, status, duration and a request id. No bodies. */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = Date.now();
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const line = { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Date.now() - started };
      // Health checks arrive every few seconds; they would drown the useful lines.
      if (req.path === '/healthz') logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}
