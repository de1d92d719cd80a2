import { expect, it } from '@jest/globals';

// jest.config.js once set `testTimeout: 60000` inside the integration project, where Jest ignores it: the
// tier ran with the 5 s default. This test outlives 5 s without a timeout of its own.
it('gives integration tests more than Jest’s 5 s default', async () => {
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 5_200));
  expect(Date.now() - started).toBeGreaterThanOrEqual(5_200);
});
