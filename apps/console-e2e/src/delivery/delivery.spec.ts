import { expect, test } from '../support/fixtures';

/** The hashed files a first load fetches: the entry script, its preloads, style sheets. */
async function firstLoadAssets(request: import('@playwright/test').APIRequestContext): Promise<string[]> {
  const html = await (await request.get('/')).text();
  const paths = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
  expect(paths.length, html).toBeGreaterThan(0);
  return paths;
}

test('the browser gets the hashed assets precompressed, cached for good, and index.html revalidated', async ({
  page,
}) => {
  const assets: Array<{ url: string; accepted: string; encoding: string; cache: string }> = [];
  let indexCache: string | undefined;
  page.on('response', async (response) => {
    const url = new URL(response.url());
    const headers = await response.allHeaders();
    if (url.pathname === '/') indexCache = headers['cache-control'];
    if (!url.pathname.startsWith('/assets/') || !url.pathname.endsWith('.js')) return;
    const accepted = (await response.request().allHeaders())['accept-encoding'] ?? '';
    assets.push({
      url: url.pathname,
      accepted,
      encoding: headers['content-encoding'] ?? 'identity',
      cache: headers['cache-control'] ?? '',
    });
  });
  await page.goto('/');
  await expect(page.getByLabel('Username')).toBeEditable({ timeout: 20_000 });
  expect(indexCache).toBe('no-cache');
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) {
    const expected = /\bbr\b/.test(asset.accepted) ? 'br' : 'gzip';
    expect(asset, asset.url).toMatchObject({
      encoding: expected,
      cache: 'public, max-age=31536000, immutable',
    });
  }
});

test('each encoding is served as asked: brotli, gzip, or none', async ({ request }) => {
  for (const path of await firstLoadAssets(request)) {
    const plain = await request.get(path, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers()['content-encoding'], path).toBeUndefined();
    const raw = await plain.body();
    for (const encoding of ['br', 'gzip']) {
      const answer = await request.get(path, { headers: { 'Accept-Encoding': encoding } });
      const headers = answer.headers();
      expect(headers['content-encoding'], `${path} ${encoding}`).toBe(encoding);
      expect(headers['vary'], path).toMatch(/accept-encoding/i);
      expect(headers['content-type'], path).toMatch(/^(text|application)\/(javascript|css)/);
      // Playwright decodes the body: what arrives is the same file.
      expect((await answer.body()).equals(raw), path).toBe(true);
    }
  }
});

test('the console has a real favicon, and missing files are 404, not the HTML page', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\//);
  const ico = await request.get('/favicon.ico');
  expect(ico.headers()['content-type'] ?? '').not.toMatch(/text\/html/);
  const missing = await request.get('/assets/not-there-123.js');
  expect(missing.status()).toBe(404);
});
