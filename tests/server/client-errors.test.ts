/**
 * What Node's HTTP parser refuses before the app sees it still gets a JSON error: a request whose
 * query is longer than the server reads (431), and bytes that are not HTTP (400).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_NOTES, startTestServer, type TestServer } from './support.js';

/** Sends `raw` on a fresh connection and returns everything the server answers. */
function rawExchange(url: string, raw: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(raw));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function parse(answer: string): { status: number; headers: string; body: unknown } {
  const [head, body] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: JSON.parse(body) };
}

describe('requests the HTTP parser refuses', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ notesDir: EXAMPLE_NOTES });
  });
  afterAll(async () => server?.close());

  it('a query longer than the server reads gets 431 with a JSON error', async () => {
    const res = await fetch(`${server.url}/api/search?q=${'x'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await res.json()).error).toMatch(/16 KB/);
    // The server goes on answering.
    expect((await server.get('/api/search?q=ledger')).status).toBe(200);
  });

  it('bytes that are not HTTP get 400 with a JSON error', async () => {
    const answer = parse(await rawExchange(server.url, 'NOT HTTP AT ALL\r\n\r\n'));
    expect(answer.status).toBe(400);
    expect(answer.headers).toContain('content-type: application/json');
    expect(answer.headers).toContain('x-content-type-options: nosniff');
    expect(answer.body).toEqual({ error: expect.stringContaining('HTTP') });
  });
});
