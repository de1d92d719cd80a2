import type { Input } from '../core/params';
import type { Operation, OperationContext } from '../services/registry';
import { trackChanges } from '../state/change-tracking';

/**
 * Runs an operation. A mutation runs with change tracking and is answered only once what it changed is in
 * the operation log (state/state-store.ts); one that failed or changed nothing writes nothing and waits for
 * nothing.
 */
export async function runOperation(op: Operation, input: Input, ctx: OperationContext): Promise<unknown> {
  if (!op.mutates) return op.handle(input, ctx);
  const { changes, result } = await trackChanges(() => op.handle(input, ctx));
  await ctx.store.commit(changes);
  return result;
}
