import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Emulator, type EmulatorOptions, type EmulatorSnapshot } from '../model/emulator';
import { isLoopbackOrigin } from '../protocol/http';
import type { WireRequest } from '../protocol/http';
import { createWireRouter, type WireRouter } from '../protocol/router';
import '../seed';
import './node-digests';

export interface EmulatorServerOptions extends EmulatorOptions {
  /** default 9229; 0 picks a free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** Region for unsigned requests (signed ones carry theirs); default us-east-1 */
  region?: string;
  /** snapshot file: loaded if it exists, written after changes and on close */
  dataFile?: string;
  /** debounce for snapshot writes (ms), default 1000 */
  saveDelayMs?: number;
  /** web origins besides this machine's (localhost, 127.x, [::1]) that may call it from a browser; '*' for any */
  corsOrigins?: string[];
}

export interface EmulatorServer {
  emulator: Emulator;
  /** e.g. http://127.0.0.1:9229 — the endpoint and the issuer base */
  url: string;
  host: string;
  port: number;
  /** true when state came from dataFile instead of the seed */
  restored: boolean;
  /** writes the snapshot now (no-op without dataFile) */
  save(): Promise<void>;
  /** saves (with dataFile), stops accepting requests and closes connections */
  close(): Promise<void>;
}

/**
 * The emulator behind node:http on one origin, so any AWS SDK, the AWS CLI or a browser app can
 * use it as its endpoint. The issuer of every pool becomes `http://host:port/<poolId>`.
 */
export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const { port = 9229, host = '127.0.0.1', region = 'us-east-1', dataFile, saveDelayMs = 1000, corsOrigins = [], ...emulatorOptions } = options;
  // Requests can only arrive once the port is bound, which is before the emulator exists.
  const live: { route?: WireRouter } = {};
  const server = createServer((req, res) => {
    const route = live.route;
    if (!route) {
      res.writeHead(503).end();
      return;
    }
    void bridge(route, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const publicHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = `http://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${address.port}`;
  const fullOptions: EmulatorOptions = { ...emulatorOptions, issuerBase: url };

  let emulator: Emulator;
  let restored = false;
  try {
    const snapshot = dataFile && existsSync(dataFile) ? (JSON.parse(await readFile(dataFile, 'utf8')) as EmulatorSnapshot) : undefined;
    if (snapshot) {
      emulator = Emulator.restore(snapshot, fullOptions);
      restored = true;
    } else {
      emulator = new Emulator(fullOptions);
    }
    await emulator.ready;
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  live.route = createWireRouter(emulator, {
    defaultRegion: region,
    // Any site open in the developer's browser could otherwise read codes, tokens and the root
    // credentials' answers from this machine: only local pages and the origins named may.
    allowOrigin: (origin) => isLoopbackOrigin(origin) || corsOrigins.includes(origin) || corsOrigins.includes('*'),
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const save = async () => {
    if (!dataFile) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    const body = JSON.stringify(emulator.snapshot());
    writing = writing.then(async () => {
      const tmp = `${dataFile}.tmp`;
      await writeFile(tmp, body);
      await rename(tmp, dataFile);
    });
    await writing;
  };
  const unsubscribe = emulator.onChange(() => {
    if (!dataFile) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save().catch((error: unknown) => console.error('Could not save emulator state', error)), saveDelayMs);
  });
  if (dataFile && !restored) await save();

  return {
    emulator,
    url,
    host: publicHost,
    port: address.port,
    restored,
    save,
    async close() {
      unsubscribe();
      await save();
      await closeServer(server);
    },
  };
}

/**
 * node:http → router → node:http, without Fetch Request/Response objects in between: building them
 * (headers, body streams) cost more per call than verifying the signature and running the operation.
 */
async function bridge(route: WireRouter, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const response = await route(wireRequest(req));
    // A string body goes out in one write with the head; a Buffer would take a writev.
    const body = response.body ?? '';
    res.writeHead(response.status, { ...response.headers, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  } catch (error) {
    console.error('Emulator server error', error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: 'Internal error in the Poolkeeper emulator.' }));
  }
}

/** Repeated headers are joined with ", " as Fetch's Headers does (node:http would drop some). */
function wireRequest(req: IncomingMessage): WireRequest {
  const headers = new Map<string, string>();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    const value = req.rawHeaders[i + 1]!.trim();
    const seen = headers.get(name);
    headers.set(name, seen === undefined ? value : `${seen}, ${value}`);
  }
  const method = req.method ?? 'GET';
  return {
    method,
    url: `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`,
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null, has: (name) => headers.has(name.toLowerCase()) },
    // Stream events, not an async iterator: the iterator alone cost more than parsing the body.
    bytes: () =>
      new Promise<Uint8Array>((resolve, reject) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.once('end', () => {
          const body = Buffer.concat(chunks);
          resolve(new Uint8Array(body.buffer, body.byteOffset, body.length));
        });
        req.once('error', reject);
      }),
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
