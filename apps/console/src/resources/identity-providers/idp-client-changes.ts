import type { AppClientIdps } from '@poolkeeper/contract';

export interface ClientChange {
  clientId: string;
  name: string;
  /** True when the client starts offering the provider, false when it stops. */
  adds: boolean;
  /** The client's SupportedIdentityProviders after the change (its other providers kept, in order). */
  providers: string[];
}

/**
 * The app clients whose SupportedIdentityProviders change when exactly the clients in `chosen` offer the
 * provider `name`: each with its full new list (the API sets the whole list of a client).
 */
export function clientChanges(
  clients: readonly AppClientIdps[],
  name: string,
  chosen: ReadonlySet<string>,
): ClientChange[] {
  const changes: ClientChange[] = [];
  for (const client of clients) {
    const offers = client.providers.includes(name);
    const wants = chosen.has(client.clientId);
    if (offers === wants) continue;
    changes.push({
      clientId: client.clientId,
      name: client.name || client.clientId,
      adds: wants,
      providers: wants ? [...client.providers, name] : client.providers.filter((p) => p !== name),
    });
  }
  return changes;
}
