/**
 * One valid request for every route that changes Cognito, keyed by `METHOD /path` as the route inventory
 * spells it. The audit-invariant spec calls each and fails for a mutating route that has no sample here, so a
 * new route cannot skip the check that it audits before it changes anything. `:poolId` is the managed test pool,
 * `:username` the user `alice`, `:groupName` the group `staff` (alice is a member) (see test-app.ts and the specs' beforeEach).
 */
export const mutationSamples: Readonly<Record<string, { body?: unknown }>> = {
  'POST /pools/:poolId/users': { body: { username: 'bob', attributes: { email: 'bob@example.com' } } },
  'PATCH /pools/:poolId/users/:username': { body: { set: { name: 'Alice' }, remove: ['nickname'] } },
  'DELETE /pools/:poolId/users/:username': { body: { reason: 'gone' } },
  'POST /pools/:poolId/users/:username/disable': {},
  'POST /pools/:poolId/users/:username/enable': {},
  'POST /pools/:poolId/users/:username/reset-password': {},
  'POST /pools/:poolId/users/:username/sign-out': {},
  'POST /pools/:poolId/users/:username/password': { body: { password: 'Secret-123456', permanent: true } },
  'POST /pools/:poolId/groups': { body: { groupName: 'editors', precedence: 1 } },
  'PATCH /pools/:poolId/groups/:groupName': {
    body: { precedence: 2, roleArn: 'arn:aws:iam::123456789012:role/Staff' },
  },
  'DELETE /pools/:poolId/groups/:groupName': { body: { confirm: 'staff' } },
  'PUT /pools/:poolId/groups/:groupName/members/:username': {},
  'DELETE /pools/:poolId/groups/:groupName/members/:username': {},
};

export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(values[name] ?? `:${name}`));
}
