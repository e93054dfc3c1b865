// One test server per test and a REST client pointed at its /api: started by `start`, closed
// after each test.
import { createRestClient, type RestClient, type RestClientOptions } from 'millwright/rest';
import { afterEach } from 'vitest';
import { startHttpServer, type TestHandler, type TestServer } from './start-http-server.js';

export interface RestServerFixture {
  /** Starts the server with `handler` and a client with the defaults and `options`. */
  start(
    handler: TestHandler,
    options?: Partial<RestClientOptions>,
  ): Promise<{ client: RestClient; server: TestServer }>;
  /** The server of the running test. */
  readonly server: TestServer | undefined;
}

/** Registers the per-test server lifecycle; call at the top of a test file or describe block. */
export function useRestServer(defaults: Partial<RestClientOptions>): RestServerFixture {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return {
    async start(handler, options = {}) {
      await server?.close();
      server = await startHttpServer(handler);
      return { client: createRestClient({ baseURL: `${server.url}/api`, ...defaults, ...options }), server };
    },
    get server() {
      return server;
    },
  };
}
