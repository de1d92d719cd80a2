/**
 * Cognito pages with opaque cursors and never gives totals. react-admin pages by number, so we remember,
 * per query (resource + filters + page size), which cursor opens which page. Page 1 needs no cursor.
 */
export class CursorPages {
  private readonly byQuery = new Map<string, Map<number, string>>();

  private cursors(queryKey: string): Map<number, string> {
    let map = this.byQuery.get(queryKey);
    if (!map) {
      map = new Map();
      this.byQuery.set(queryKey, map);
    }
    return map;
  }

  /**
   * The cursor that opens `page`, and the page it really opens: a page we have no cursor for
   * (a reload deep in the list) falls back to page 1, since cursors cannot be guessed.
   */
  cursorFor(queryKey: string, page: number): { cursor: string | undefined; page: number } {
    if (page <= 1) return { cursor: undefined, page: 1 };
    const cursor = this.cursors(queryKey).get(page);
    return cursor ? { cursor, page } : { cursor: undefined, page: 1 };
  }

  /** Records where the page after `page` starts. */
  remember(queryKey: string, page: number, nextCursor: string | null): void {
    const map = this.cursors(queryKey);
    if (nextCursor) map.set(page + 1, nextCursor);
    else map.delete(page + 1);
  }

  clear(): void {
    this.byQuery.clear();
  }
}

export function queryKeyOf(resource: string, parts: Record<string, unknown>): string {
  const sorted = Object.keys(parts)
    .sort()
    .map((key) => [key, parts[key]]);
  return `${resource}|${JSON.stringify(sorted)}`;
}
