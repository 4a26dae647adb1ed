/**
 * Graceful shutdown: once closing starts, new connections are refused, a request already in
 * flight finishes normally, a request that still reaches the server gets a 503 problem, and the
 * database is closed last.
 */
import { connect } from 'node:net';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
let release: () => void = () => {};
let slowStarted: () => void = () => {};
const started = new Promise<void>((resolve) => {
  slowStarted = resolve;
});

beforeAll(async () => {
  t = await createTestApp({
    extend: (app) => {
      app.get('/test/slow', { config: { public: true } }, async () => {
        slowStarted();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { finished: true };
      });
    },
  });
});

/** Raw HTTP/1.1 on one keep-alive socket, so a second request can arrive while the first is in flight. */
function rawClient(port: number) {
  const socket = connect(port, '127.0.0.1');
  let data = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    data += chunk;
  });
  const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return {
    send: (path: string) =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n`),
    ended,
    received: () => data,
  };
}

it('finishes in-flight work, answers late arrivals with 503, refuses new connections, then closes the database', async () => {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  if (!address || typeof address !== 'object') throw new Error('not listening');
  const client = rawClient(address.port);

  client.send('/test/slow');
  await started;
  const closing = t.app.close();
  // Pipelined behind the slow request on the same connection: it reaches the router during shutdown.
  client.send('/readyz');

  try {
    // A new connection is not served any more: refused, or reset if the kernel had queued it.
    const outcome = await new Promise<string>((resolve) => {
      const s = connect(address.port, '127.0.0.1');
      s.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      s.on('data', () => resolve('served'));
      s.on('connect', () => s.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n'));
      s.on('close', () => resolve('closed'));
    });
    expect(['ECONNREFUSED', 'ECONNRESET', 'closed']).toContain(outcome);
  } finally {
    release();
  }
  await closing;
  await client.ended;

  const responses = client.received().split(/(?=HTTP\/1\.1 )/);
  expect(responses).toHaveLength(2);
  expect(responses[0]).toMatch(/^HTTP\/1\.1 200 /);
  expect(responses[0]).toContain('{"finished":true}');
  expect(responses[1]).toMatch(/^HTTP\/1\.1 503 /);
  expect(responses[1]).toMatch(/content-type: application\/problem\+json/i);
  expect(responses[1]).toContain('"code":"SHUTTING_DOWN"');

  // The database went down with the app.
  await expect(t.app.database.ping()).rejects.toThrow();
  await t.close().catch(() => {});
});
