import {
  type AwsResult,
  type CognitoGateway,
  type CognitoUser,
  type CognitoUserDetail,
  type CreateUserInput,
  GatewayError,
  type ListUsersInput,
  type UserPoolInfo,
} from '@poolkeeper/cognito-gateway';

/** Unit-test fake of the CognitoGateway interface: in-memory users, every call recorded. */
export class FakeGateway implements CognitoGateway {
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  readonly users = new Map<string, CognitoUser[]>();
  private seq = 0;

  constructor(readonly pools: UserPoolInfo[]) {
    for (const p of pools) this.users.set(p.id, []);
  }

  addUsers(poolId: string, users: Array<Partial<CognitoUser> & { username: string }>): void {
    for (const u of users) {
      this.pool(poolId).push({
        attributes: {},
        status: 'CONFIRMED',
        enabled: true,
        createdAt: new Date(0),
        updatedAt: new Date(0),
        ...u,
      });
    }
  }

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  private pool(poolId: string): CognitoUser[] {
    const list = this.users.get(poolId);
    if (!list) throw new GatewayError('POOL_NOT_FOUND', 'no pool', 'ResourceNotFoundException', 'req-x');
    return list;
  }

  private find(poolId: string, username: string): CognitoUser {
    const user = this.pool(poolId).find((u) => u.username === username);
    if (!user)
      throw new GatewayError(
        'USER_NOT_FOUND',
        'User does not exist.',
        'UserNotFoundException',
        `req-${++this.seq}`,
      );
    return user;
  }

  private ok(): AwsResult<void> {
    return { value: undefined, requestId: `req-${++this.seq}` };
  }

  async listUserPools() {
    this.record('listUserPools');
    return this.pools.map((p) => ({ id: p.id, name: p.name }));
  }
  async describeUserPool(poolId: string) {
    this.record('describeUserPool', poolId);
    const info = this.pools.find((p) => p.id === poolId);
    if (!info) throw new GatewayError('POOL_NOT_FOUND', 'no pool', 'ResourceNotFoundException', 'req-x');
    return info;
  }
  async listUsers(input: ListUsersInput) {
    this.record('listUsers', input);
    const f = input.filter;
    const all = this.pool(input.poolId).filter((u) => {
      if (!f) return true;
      const value =
        f.attribute === 'username'
          ? u.username
          : f.attribute === 'status'
            ? u.enabled
              ? 'Enabled'
              : 'Disabled'
            : f.attribute === 'cognito:user_status'
              ? u.status
              : u.attributes[f.attribute];
      return value !== undefined && (f.match === 'exact' ? value === f.value : value.startsWith(f.value));
    });
    const start = input.paginationToken ? Number(input.paginationToken) : 0;
    const users = all.slice(start, start + input.limit);
    const next = start + input.limit < all.length ? String(start + input.limit) : null;
    return { users, paginationToken: next };
  }
  async getUser(poolId: string, username: string): Promise<CognitoUserDetail> {
    this.record('getUser', poolId, username);
    return { ...this.find(poolId, username), mfaEnabled: [], mfaPreferred: null };
  }
  async listGroupsForUser(poolId: string, username: string) {
    this.record('listGroupsForUser', poolId, username);
    this.find(poolId, username);
    return ['staff'];
  }
  async createUser(input: CreateUserInput) {
    this.record('createUser', input);
    if (this.pool(input.poolId).some((u) => u.username === input.username)) {
      throw new GatewayError(
        'USERNAME_EXISTS',
        'User account already exists',
        'UsernameExistsException',
        `req-${++this.seq}`,
      );
    }
    const user: CognitoUser = {
      username: input.username,
      attributes: { ...input.attributes },
      status: 'FORCE_CHANGE_PASSWORD',
      enabled: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    this.pool(input.poolId).push(user);
    return { value: user, requestId: `req-${++this.seq}` };
  }
  async updateUserAttributes(poolId: string, username: string, attributes: Record<string, string>) {
    this.record('updateUserAttributes', poolId, username, attributes);
    Object.assign(this.find(poolId, username).attributes, attributes);
    return this.ok();
  }
  async deleteUserAttributes(poolId: string, username: string, names: string[]) {
    this.record('deleteUserAttributes', poolId, username, names);
    const user = this.find(poolId, username);
    for (const n of names) delete user.attributes[n];
    return this.ok();
  }
  async disableUser(poolId: string, username: string) {
    this.record('disableUser', poolId, username);
    this.find(poolId, username).enabled = false;
    return this.ok();
  }
  async enableUser(poolId: string, username: string) {
    this.record('enableUser', poolId, username);
    this.find(poolId, username).enabled = true;
    return this.ok();
  }
  async deleteUser(poolId: string, username: string) {
    this.record('deleteUser', poolId, username);
    const list = this.pool(poolId);
    list.splice(list.indexOf(this.find(poolId, username)), 1);
    return this.ok();
  }
  async resetUserPassword(poolId: string, username: string) {
    this.record('resetUserPassword', poolId, username);
    this.find(poolId, username).status = 'RESET_REQUIRED';
    return this.ok();
  }
  async setUserPassword(poolId: string, username: string, password: string, permanent: boolean) {
    this.record('setUserPassword', poolId, username, password, permanent);
    this.find(poolId, username).status = permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
    return this.ok();
  }
  async globalSignOut(poolId: string, username: string) {
    this.record('globalSignOut', poolId, username);
    this.find(poolId, username);
    return this.ok();
  }
  destroy(): void {}
}
