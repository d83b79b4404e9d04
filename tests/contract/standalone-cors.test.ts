import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from '@poolkeeper/cognito-emulator/server';

// The standalone server hands out verification codes and answers the public root credentials:
// a web page from elsewhere must not be able to read that from a developer's machine.
describe('standalone server CORS', () => {
  let server: EmulatorServer;
  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, seed: 'empty', corsOrigins: ['https://dashboard.example'] });
  });
  afterAll(() => server.close());

  const readFrom = (origin: string) => fetch(`${server.url}/_emulator/messages`, { headers: { origin } });

  it('lets pages served from this machine read answers', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:4173', 'http://[::1]:8080']) {
      expect((await readFrom(origin)).headers.get('access-control-allow-origin')).toBe(origin);
    }
  });

  it('lets the origins named with corsOrigins read answers', async () => {
    expect((await readFrom('https://dashboard.example')).headers.get('access-control-allow-origin')).toBe('https://dashboard.example');
  });

  it('gives any other web origin no CORS grant, for preflights too', async () => {
    expect((await readFrom('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${server.url}/`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost.evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-amz-target' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});
