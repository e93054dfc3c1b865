import { HttpError } from '../../../src/errors/http-error.js';
import type { HttpLogger } from '../http-options.js';
import { isStreamBody } from '../http-request.js';
import type { ResolvedAuth } from '../resolve-http-options.js';
import type { AccessTokenSource } from './client-credentials-token.js';
import type { HttpMiddleware } from './http-middleware.js';

/**
 * The `authenticate` step for credentials that never change (bearer, basic, API key): sets
 * the header on every attempt.
 *
 * @param auth - the resolved header.
 * @returns the middleware.
 */
export function createHeaderAuthMiddleware(auth: Extract<ResolvedAuth, { type: 'header' }>): HttpMiddleware {
  return {
    name: 'auth',
    step: 'authenticate',
    wrap: (next) => (request) => {
      request.headers[auth.name] = auth.value;
      return next(request);
    },
  };
}

/**
 * The `authenticate` step for OAuth2: sends the cached access token; when the API answers 401,
 * forgets that token, fetches a new one and sends the request once more. A second 401 is
 * thrown: the credentials are wrong, and asking again would not help. A request whose body is
 * a stream cannot be sent again: its 401 is thrown, and the next call gets a new token.
 *
 * @param tokens - the client's token source.
 * @param logger - where the refresh is logged (without the token).
 * @returns the middleware.
 */
export function createOAuth2Middleware(tokens: AccessTokenSource, logger: HttpLogger): HttpMiddleware {
  return {
    name: 'auth',
    step: 'authenticate',
    wrap: (next) => async (request) => {
      const correlationId = request.headers['x-correlation-id'];
      const context = { correlationId, traceparent: request.headers.traceparent };
      const token = await tokens.get(context);
      request.headers.authorization = `Bearer ${token}`;
      try {
        return await next(request);
      } catch (error) {
        if (!(error instanceof HttpError && error.code === 'HTTP_STATUS' && error.status === 401))
          throw error;
        logger.info('millwright: access token rejected with 401, fetching a new one', { correlationId });
        tokens.invalidate(token);
        // The caller has given up: no new token for a call nobody waits for; a stream is gone.
        if (request.callSignal?.aborted || isStreamBody(request.body)) throw error;
        request.headers.authorization = `Bearer ${await tokens.get(context)}`;
        return next(request);
      }
    },
  };
}
