import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The floor for an SDK loop over HTTP: a node:http server that reads each request and answers a
 * canned awsJson1_1 body for the operation named in X-Amz-Target, doing nothing else. Whatever
 * rate the same loop reaches against it is what the client, the socket and node:http cost.
 */
export async function startFloorServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const answers: Record<string, string> = {
    CreateUserPool: JSON.stringify({ UserPool: { Id: 'us-east-1_Fl00r0000', Name: 'bench' } }),
    AdminCreateUser: JSON.stringify({
      User: {
        Username: 'user0',
        Attributes: [
          { Name: 'email', Value: 'user0@example.com' },
          { Name: 'sub', Value: '00000000-0000-4000-8000-000000000000' },
        ],
        UserCreateDate: 1_767_225_600,
        UserLastModifiedDate: 1_767_225_600,
        Enabled: true,
        UserStatus: 'FORCE_CHANGE_PASSWORD',
      },
    }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const body = answers[operation] ?? '{}';
      res.writeHead(200, {
        'content-type': 'application/x-amz-json-1.1',
        'content-length': Buffer.byteLength(body),
        'x-amzn-requestid': '00000000-0000-4000-8000-000000000000',
        date: new Date().toUTCString(),
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
