import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../tests/support/fixed-clock';
import { Emulator } from '../model/emulator';
import '../seed';
import { createRouter } from './router';

const post = (url: string, body: string, headers: Record<string, string>) => new Request(url, { method: 'POST', body, headers });

describe('createRouter', () => {
  it('answers an unknown SES action with InvalidAction in XML', async () => {
    const route = createRouter(new Emulator({ seed: 'empty' }));
    const response = await route(post('https://email.us-east-1.amazonaws.com/', 'Action=DeleteEverything&Version=2010-12-01', { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>InvalidAction</Code><Message>Could not find operation DeleteEverything for version 2010-12-01</Message>');
  });

  it('names operations AWS has but the emulator does not implement', async () => {
    const route = createRouter(new Emulator({ seed: 'empty' }));
    const response = await route(
      post('https://cognito-idp.us-east-1.amazonaws.com/', '{}', { 'x-amz-target': 'AWSCognitoIdentityProviderService.CreateUserImportJob', 'content-type': 'application/x-amz-json-1.1' }),
    );
    expect(await response.json()).toEqual({ __type: 'UnknownOperationException', message: 'CreateUserImportJob is not implemented by the Poolkeeper emulator.' });
  });

  it('adds the configured latency to AWS calls only, and sends real time as Date whatever the emulator clock says', async () => {
    const clock = new FixedClock(Date.UTC(2030, 5, 1, 8, 0, 0));
    const route = createRouter(new Emulator({ seed: 'empty', latencyMs: 60, clock }));
    const started = performance.now();
    const response = await route(post('https://cognito-idp.us-east-1.amazonaws.com/', '{}', { 'x-amz-target': 'AWSCognitoIdentityProviderService.Nope' }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(Math.abs(Date.parse(response.headers.get('date')!) - Date.now())).toBeLessThan(5_000);
    const fast = performance.now();
    await route(new Request('https://cognito-idp.us-east-1.amazonaws.com/_emulator/health'));
    expect(performance.now() - fast).toBeLessThan(55);
  });

  it('clears the outbox and rejects unknown emulator endpoints', async () => {
    const emulator = new Emulator({ seed: 'empty' });
    emulator.outbox.push({ channel: 'email', to: 'a@example.com', subject: 's', body: 'b', kind: 'ses', via: 'ses' });
    const route = createRouter(emulator);
    expect((await route(new Request('http://127.0.0.1:9229/_emulator/messages', { method: 'DELETE' }))).status).toBe(200);
    expect(emulator.outbox.size).toBe(0);
    expect((await route(new Request('http://127.0.0.1:9229/_emulator/nothing'))).status).toBe(404);
  });
});
