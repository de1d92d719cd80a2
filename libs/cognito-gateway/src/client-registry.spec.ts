import { describe, expect, it } from '@jest/globals';
import { ClientRegistry } from './client-registry';

describe('ClientRegistry: one client per service and region', () => {
  it('reads the region from the user pool id and reuses the client of a region', async () => {
    const registry = new ClientRegistry({ defaultRegion: 'us-east-1' });
    try {
      const eu = registry.idpForPool('eu-west-1_AbC123');
      expect(await eu.config.region()).toBe('eu-west-1');
      expect(registry.idpForPool('eu-west-1_Other9')).toBe(eu);
      const ap = registry.idpForPool('ap-southeast-2_Zz9');
      expect(ap).not.toBe(eu);
      expect(await ap.config.region()).toBe('ap-southeast-2');
      expect(await registry.idp(registry.defaultRegion).config.region()).toBe('us-east-1');
    } finally {
      registry.destroy();
    }
  });

  it('reads the region of an identity pool id; IAM is one global client', async () => {
    const registry = new ClientRegistry({ defaultRegion: 'eu-central-1' });
    try {
      const identity = registry.identityForPool('eu-west-2:0e6f3b8a-1111-2222-3333-444455556666');
      expect(await identity.config.region()).toBe('eu-west-2');
      expect(registry.iam()).toBe(registry.iam());
    } finally {
      registry.destroy();
    }
  });

  it('points each service at its own endpoint override', async () => {
    const registry = new ClientRegistry({
      defaultRegion: 'us-east-1',
      endpoints: { cognitoIdp: 'http://127.0.0.1:1001', cognitoIdentity: 'http://127.0.0.1:1002' },
    });
    try {
      expect((await registry.idp('us-east-1').config.endpoint?.())?.port).toBe(1001);
      expect((await registry.identity('us-east-1').config.endpoint?.())?.port).toBe(1002);
      expect(registry.iam().config.endpoint).toBeUndefined();
    } finally {
      registry.destroy();
    }
  });

  it('a malformed pool id is VALIDATION_FAILED, before any client is made', () => {
    const registry = new ClientRegistry({ defaultRegion: 'us-east-1' });
    expect(() => registry.idpForPool('no-underscore')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => registry.identityForPool('us-east-1_notAnIdentityPool')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
