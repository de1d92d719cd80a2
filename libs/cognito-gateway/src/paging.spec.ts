import { describe, expect, it } from '@jest/globals';
import { collectAll, paginate, type TokenPage } from './paging';
import { GatewayError } from './types';

function pagesOf(pages: Array<TokenPage<number>>) {
  const tokens: Array<string | undefined> = [];
  const fetchPage = async (token: string | undefined): Promise<TokenPage<number>> => {
    tokens.push(token);
    const index = token ? Number(token.slice(1)) : 0;
    const page = pages[index];
    if (!page) throw new Error(`no page ${index}`);
    return page;
  };
  return { fetchPage, tokens };
}

describe('paginate', () => {
  it('follows tokens to the end, including empty pages before the end', async () => {
    const { fetchPage, tokens } = pagesOf([
      { items: [1, 2], nextToken: 't1' },
      { items: [], nextToken: 't2' },
      { items: [3], nextToken: null },
    ]);
    expect(await collectAll(fetchPage)).toEqual([1, 2, 3]);
    expect(tokens).toEqual([undefined, 't1', 't2']);
  });

  it('yields page by page and can be stopped early', async () => {
    const { fetchPage, tokens } = pagesOf([
      { items: [1], nextToken: 't1' },
      { items: [2], nextToken: 't2' },
      { items: [3], nextToken: undefined },
    ]);
    for await (const items of paginate(fetchPage)) {
      expect(items).toEqual([1]);
      break;
    }
    expect(tokens).toEqual([undefined]);
  });

  it('raises instead of looping when a token repeats', async () => {
    const fetchPage = async (): Promise<TokenPage<number>> => ({ items: [1], nextToken: 'same' });
    await expect(collectAll(fetchPage)).rejects.toBeInstanceOf(GatewayError);
  });

  it('stops after maxPages', async () => {
    let n = 0;
    const fetchPage = async (): Promise<TokenPage<number>> => ({ items: [n], nextToken: `t${++n}` });
    await expect(collectAll(fetchPage, { maxPages: 5 })).rejects.toMatchObject({ code: 'INTERNAL_ERROR' });
    expect(n).toBe(5);
  });
});
