import { describe, expect, it } from '@jest/globals';
import { NODE_VERSION_WARNING_SWITCH, createIdpClient } from './client';

describe('createIdpClient', () => {
  it('uses standard retries, 3 attempts by default, the endpoint and static credentials when given', async () => {
    const client = createIdpClient({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9229',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    try {
      expect(await client.config.region()).toBe('eu-west-1');
      expect(await client.config.maxAttempts()).toBe(3);
      const retryMode = client.config.retryMode;
      expect(typeof retryMode === 'function' ? await retryMode() : retryMode).toBe('standard');
      const endpoint = await client.config.endpoint?.();
      expect(endpoint?.hostname).toBe('127.0.0.1');
      expect(endpoint?.port).toBe(9229);
      const credentials = await client.config.credentials();
      expect(credentials).toMatchObject({ accessKeyId: 'a', secretAccessKey: 'b' });
    } finally {
      client.destroy();
    }
  });

  it('honours maxAttempts and leaves the endpoint to the SDK when unset', async () => {
    const client = createIdpClient({ region: 'us-east-1', maxAttempts: 5 });
    try {
      expect(await client.config.maxAttempts()).toBe(5);
      expect(client.config.endpoint).toBeUndefined();
    } finally {
      client.destroy();
    }
  });

  it("turns off only the SDK's Node-version notice, with the SDK's own switch, unless set explicitly", () => {
    const before = process.env[NODE_VERSION_WARNING_SWITCH];
    try {
      delete process.env[NODE_VERSION_WARNING_SWITCH];
      createIdpClient({ region: 'us-east-1' }).destroy();
      expect(process.env[NODE_VERSION_WARNING_SWITCH]).toBe('true');
      process.env[NODE_VERSION_WARNING_SWITCH] = 'false';
      createIdpClient({ region: 'us-east-1' }).destroy();
      expect(process.env[NODE_VERSION_WARNING_SWITCH]).toBe('false');
    } finally {
      if (before === undefined) delete process.env[NODE_VERSION_WARNING_SWITCH];
      else process.env[NODE_VERSION_WARNING_SWITCH] = before;
    }
  });
});
