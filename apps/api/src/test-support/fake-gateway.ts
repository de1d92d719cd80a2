import {
  type AwsResult,
  type CognitoGateway,
  type CognitoGroup,
  type CognitoUser,
  type CognitoUserDetail,
  type CreateUserInput,
  GatewayError,
  type ListUsersInput,
  type UserPoolInfo,
  unusedGateway,
} from '@poolkeeper/cognito-gateway';

import { fakeFederationPorts } from './fake-federation';
import { FakeMfa } from './fake-mfa';

type Call = { method: string; args: unknown[] };

function claimsOf(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    return {};
  }
}

/**
 * Unit-test fake of Cognito behind the CognitoGateway interface: in-memory users of managed pools, every call
 * on them recorded in `calls` (in order, unqualified method names). The operator pool is faked apart: operators
 * are whoever the test's tokens say, until a test revokes a token, disables an operator or changes their groups;
 * those calls go to `operatorCalls`. `gateway` is what the app is built with; the federation ports are in
 * fake-federation.ts, the MFA port in fake-mfa.ts (`mfa`); methods not faked answer "not available".
 */
export class FakeCognito {
  readonly calls: Call[] = [];
  readonly operatorCalls: Call[] = [];
  readonly users = new Map<string, CognitoUser[]>();
  /** Groups per managed pool, each with its members' usernames; every added user joins `staff`. */
  readonly groups = new Map<string, Map<string, { group: CognitoGroup; members: Set<string> }>>();
  /** Access tokens Cognito no longer accepts (global sign-out, RevokeToken). */
  readonly revokedTokens = new Set<string>();
  /** Operators Cognito has disabled or deleted (by username). */
  readonly goneOperators = new Set<string>();
  /** The operator pool's current groups per username (default: the groups in their token). */
  readonly operatorGroups = new Map<string, string[]>();
  readonly gateway: CognitoGateway;
  /** Pool MFA configurations and users' factors (the MFA port). */
  readonly mfa: FakeMfa;
  private seq = 0;
  private readonly tokenGroups = new Map<string, string[]>();

  constructor(
    readonly pools: UserPoolInfo[],
    readonly operatorPoolId: string,
  ) {
    for (const p of pools) this.users.set(p.id, []);
    const unused = unusedGateway(
      () => new GatewayError('COGNITO_FEATURE_UNAVAILABLE', 'not faked', null, null),
    );
    this.mfa = new FakeMfa(
      this.calls,
      () => `req-${++this.seq}`,
      (poolId, username) => void this.find(poolId, username),
    );
    this.gateway = {
      ...unused,
      mfa: this.mfa.port,
      ...fakeFederationPorts(pools[0]?.id ?? '', this.calls, () => `req-${++this.seq}`),
      userPools: {
        listUserPools: async () => {
          this.record('listUserPools');
          return this.pools.map((p) => ({ id: p.id, name: p.name }));
        },
        describeUserPool: async (poolId) => {
          this.record('describeUserPool', poolId);
          const info = this.pools.find((p) => p.id === poolId);
          if (!info)
            throw new GatewayError('POOL_NOT_FOUND', 'no pool', 'ResourceNotFoundException', 'req-x');
          return info;
        },
      },
      users: {
        ...unused.users,
        listUsers: async (input) => this.listUsers(input),
        getUser: async (poolId, username) => {
          this.record('getUser', poolId, username);
          const mfa = this.mfa.of(poolId, username);
          return {
            ...this.find(poolId, username),
            mfaEnabled: [...mfa.enabled],
            mfaPreferred: mfa.preferred,
          } as CognitoUserDetail;
        },
        createUser: async (input) => this.createUser(input),
        updateUserAttributes: async (poolId, username, attributes) => {
          this.record('updateUserAttributes', poolId, username, attributes);
          Object.assign(this.find(poolId, username).attributes, attributes);
          return this.ok();
        },
        deleteUserAttributes: async (poolId, username, names) => {
          this.record('deleteUserAttributes', poolId, username, names);
          const user = this.find(poolId, username);
          for (const n of names) delete user.attributes[n];
          return this.ok();
        },
        disableUser: async (poolId, username) =>
          this.change('disableUser', poolId, username, (u) => (u.enabled = false)),
        enableUser: async (poolId, username) =>
          this.change('enableUser', poolId, username, (u) => (u.enabled = true)),
        deleteUser: async (poolId, username) => {
          this.record('deleteUser', poolId, username);
          const list = this.pool(poolId);
          list.splice(list.indexOf(this.find(poolId, username)), 1);
          return this.ok();
        },
        resetUserPassword: async (poolId, username) =>
          this.change('resetUserPassword', poolId, username, (u) => (u.status = 'RESET_REQUIRED')),
        setUserPassword: async (poolId, username, password, permanent) => {
          this.record('setUserPassword', poolId, username, password, permanent);
          this.find(poolId, username).status = permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
          return this.ok();
        },
        globalSignOut: async (poolId, username) =>
          this.change('globalSignOut', poolId, username, () => undefined),
        resendInvitation: async (input) => {
          this.record('resendInvitation', input);
          return { value: this.find(input.poolId, input.username), requestId: `req-${++this.seq}` };
        },
        confirmSignUp: async (poolId, username) =>
          this.change('confirmSignUp', poolId, username, (u) => (u.status = 'CONFIRMED')),
        markAttributesVerified: async (poolId, username, names) => {
          this.record('markAttributesVerified', poolId, username, names);
          const user = this.find(poolId, username);
          for (const n of names) user.attributes[`${n}_verified`] = 'true';
          return this.ok();
        },
      },
      groups: {
        listGroupsForUser: async (poolId, username) => {
          if (poolId === this.operatorPoolId) {
            this.operatorCalls.push({ method: 'listGroupsForUser', args: [poolId, username] });
            if (this.goneOperators.has(username)) throw this.userNotFound();
            return this.operatorGroups.get(username) ?? this.tokenGroups.get(username) ?? [];
          }
          this.record('listGroupsForUser', poolId, username);
          return this.groupsOf(poolId, username).map((g) => g.name);
        },
        listGroupDetailsForUser: async (poolId, username) => {
          this.record('listGroupDetailsForUser', poolId, username);
          return this.groupsOf(poolId, username);
        },
        listGroups: async (poolId, limit, token) => {
          this.record('listGroups', poolId, limit, token);
          return this.slice(
            [...this.groupTable(poolId).values()].map((e) => e.group),
            limit,
            token,
          );
        },
        getGroup: async (poolId, name) => {
          this.record('getGroup', poolId, name);
          return this.findGroup(poolId, name).group;
        },
        listUsersInGroup: async (poolId, name, limit, token) => {
          this.record('listUsersInGroup', poolId, name, limit, token);
          const members = this.findGroup(poolId, name).members;
          return this.slice(
            this.pool(poolId).filter((u) => members.has(u.username)),
            limit,
            token,
          );
        },
        createGroup: async (poolId, name, fields) => {
          this.record('createGroup', poolId, name, fields);
          if (this.groupTable(poolId).has(name))
            throw new GatewayError('GROUP_EXISTS', 'exists', 'GroupExistsException', `req-${++this.seq}`);
          return { value: this.putGroup(poolId, name, fields).group, requestId: `req-${++this.seq}` };
        },
        updateGroup: async (poolId, name, fields) => {
          this.record('updateGroup', poolId, name, fields);
          const entry = this.findGroup(poolId, name);
          entry.group = {
            ...entry.group,
            ...(fields.description !== undefined ? { description: fields.description } : {}),
            ...(fields.precedence !== undefined ? { precedence: fields.precedence } : {}),
            ...(fields.roleArn !== undefined ? { roleArn: fields.roleArn } : {}),
          };
          return { value: entry.group, requestId: `req-${++this.seq}` };
        },
        deleteGroup: async (poolId, name) => {
          this.record('deleteGroup', poolId, name);
          this.findGroup(poolId, name);
          this.groupTable(poolId).delete(name);
          return this.ok();
        },
        addUserToGroup: async (poolId, name, username) => {
          this.record('addUserToGroup', poolId, name, username);
          this.find(poolId, username);
          this.findGroup(poolId, name).members.add(username);
          return this.ok();
        },
        removeUserFromGroup: async (poolId, name, username) => {
          this.record('removeUserFromGroup', poolId, name, username);
          this.find(poolId, username);
          this.findGroup(poolId, name).members.delete(username);
          return this.ok();
        },
      },
      sessions: {
        ...unused.sessions,
        getTokenOwner: async (poolId, token) => {
          this.operatorCalls.push({ method: 'getTokenOwner', args: [poolId] });
          const claims = claimsOf(token);
          const username = String(claims['username'] ?? '');
          if (this.revokedTokens.has(token))
            throw new GatewayError(
              'NOT_AUTHORIZED',
              'Access Token has been revoked',
              'NotAuthorizedException',
              'r',
            );
          if (this.goneOperators.has(username))
            throw new GatewayError('NOT_AUTHORIZED', 'User is disabled.', 'NotAuthorizedException', 'r');
          const groups = claims['cognito:groups'];
          this.tokenGroups.set(username, Array.isArray(groups) ? groups.map(String) : []);
          return { username, attributes: {} };
        },
      },
    };
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
      (this.groupTable(poolId).get('staff') ?? this.putGroup(poolId, 'staff', {})).members.add(u.username);
    }
  }

  private groupTable(poolId: string) {
    this.pool(poolId);
    let table = this.groups.get(poolId);
    if (!table) this.groups.set(poolId, (table = new Map()));
    return table;
  }

  private putGroup(
    poolId: string,
    name: string,
    fields: { description?: string; precedence?: number; roleArn?: string },
  ) {
    const entry = {
      group: {
        name,
        description: fields.description ?? null,
        precedence: fields.precedence ?? null,
        roleArn: fields.roleArn ?? null,
        createdAt: new Date(0),
        updatedAt: new Date(0),
      },
      members: new Set<string>(),
    };
    this.groupTable(poolId).set(name, entry);
    return entry;
  }

  private findGroup(poolId: string, name: string) {
    const entry = this.groupTable(poolId).get(name);
    if (!entry)
      throw new GatewayError(
        'GROUP_NOT_FOUND',
        'Group not found.',
        'ResourceNotFoundException',
        `req-${++this.seq}`,
      );
    return entry;
  }

  private groupsOf(poolId: string, username: string): CognitoGroup[] {
    this.find(poolId, username);
    return [...this.groupTable(poolId).values()].filter((e) => e.members.has(username)).map((e) => e.group);
  }

  private slice<T>(all: T[], limit: number, token: string | undefined) {
    const start = token ? Number(token) : 0;
    const next = start + limit < all.length ? String(start + limit) : null;
    return { items: all.slice(start, start + limit), nextToken: next };
  }

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  private pool(poolId: string): CognitoUser[] {
    const list = this.users.get(poolId);
    if (!list) throw new GatewayError('POOL_NOT_FOUND', 'no pool', 'ResourceNotFoundException', 'req-x');
    return list;
  }

  private userNotFound(): GatewayError {
    return new GatewayError(
      'USER_NOT_FOUND',
      'User does not exist.',
      'UserNotFoundException',
      `req-${++this.seq}`,
    );
  }

  private find(poolId: string, username: string): CognitoUser {
    const user = this.pool(poolId).find((u) => u.username === username);
    if (!user) throw this.userNotFound();
    return user;
  }

  private ok(): AwsResult<void> {
    return { value: undefined, requestId: `req-${++this.seq}` };
  }

  private change(method: string, poolId: string, username: string, apply: (u: CognitoUser) => void) {
    this.record(method, poolId, username);
    apply(this.find(poolId, username));
    return this.ok();
  }

  private listUsers(input: ListUsersInput) {
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
    const items = all.slice(start, start + input.limit);
    const nextToken = start + input.limit < all.length ? String(start + input.limit) : null;
    return { items, nextToken };
  }

  private createUser(input: CreateUserInput): AwsResult<CognitoUser> {
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
}
