/**
 * Whether a role's trust policy lets Cognito identity pools assume it for an identity: what STS's
 * AssumeRoleWithWebIdentity decides on AWS when GetCredentialsForIdentity asks it for the chosen role. Shared
 * by the local Cognito (which refuses such a role as AWS does) and the API's trust-policy check. Pure. The
 * shape AWS documents ("Using role-based access control", Creating roles for role mapping):
 * `Principal.Federated: cognito-identity.amazonaws.com`, `Action: sts:AssumeRoleWithWebIdentity`, conditions
 * `StringEquals cognito-identity.amazonaws.com:aud = <identity pool id>` and
 * `ForAnyValue:StringLike cognito-identity.amazonaws.com:amr = authenticated | unauthenticated`.
 *
 * Evaluated here: Allow/Deny statements, Action / NotAction (`*` wildcards), Principal.Federated, and the
 * String condition operators (StringEquals, StringLike, StringNotEquals, StringNotLike, with the
 * ForAnyValue: / ForAllValues: qualifiers) on the keys `cognito-identity.amazonaws.com:aud|amr|sub`. A
 * condition on any other key or with any other operator is not satisfied (so the statement does not allow).
 */
export const COGNITO_IDENTITY_PRINCIPAL = 'cognito-identity.amazonaws.com';
const ACTION = 'sts:AssumeRoleWithWebIdentity';

export interface WebIdentityRequest {
  /** The identity pool id (`aud`). */
  aud: string;
  /** `authenticated` + provider names, or `unauthenticated`. */
  amr: string[];
  /** The identity id. */
  sub: string;
}

const list = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

const wildcard = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );

const actionMatches = (patterns: string[]) =>
  patterns.some((p) => wildcard(p.toLowerCase()).test(ACTION.toLowerCase()));

function requestValues(req: WebIdentityRequest, key: string): string[] | undefined {
  switch (key.toLowerCase()) {
    case `${COGNITO_IDENTITY_PRINCIPAL}:aud`:
      return [req.aud];
    case `${COGNITO_IDENTITY_PRINCIPAL}:amr`:
      return req.amr;
    case `${COGNITO_IDENTITY_PRINCIPAL}:sub`:
      return [req.sub];
    default:
      return undefined;
  }
}

function conditionHolds(operator: string, key: string, wanted: string[], req: WebIdentityRequest): boolean {
  const values = requestValues(req, key);
  if (values === undefined) return false;
  const [qualifier, base] = operator.includes(':') ? operator.split(':', 2) : ['', operator];
  const negated = base === 'StringNotEquals' || base === 'StringNotLike';
  const like = base === 'StringLike' || base === 'StringNotLike';
  if (!['StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike'].includes(base ?? '')) return false;
  const matchesOne = (v: string) => wanted.some((w) => (like ? wildcard(w).test(v) : w === v));
  const test = (v: string) => (negated ? !matchesOne(v) : matchesOne(v));
  if (qualifier === 'ForAllValues') return values.every(test);
  if (qualifier === 'ForAnyValue' || qualifier === '') return values.some(test);
  return false;
}

function statementApplies(statement: Record<string, unknown>, req: WebIdentityRequest): boolean {
  const principal = statement['Principal'];
  const federated =
    principal === '*' ? ['*'] : list((principal as Record<string, unknown> | undefined)?.['Federated']);
  if (!federated.includes(COGNITO_IDENTITY_PRINCIPAL) && !federated.includes('*')) return false;
  if (statement['Action'] !== undefined && !actionMatches(list(statement['Action']))) return false;
  if (statement['NotAction'] !== undefined && actionMatches(list(statement['NotAction']))) return false;
  const conditions = statement['Condition'];
  if (conditions === undefined) return true;
  if (typeof conditions !== 'object' || conditions === null) return false;
  return Object.entries(conditions as Record<string, unknown>).every(([operator, byKey]) =>
    typeof byKey === 'object' && byKey !== null
      ? Object.entries(byKey as Record<string, unknown>).every(([key, v]) =>
          conditionHolds(operator, key, list(v), req),
        )
      : false,
  );
}

/** True when the trust policy (JSON text) allows, and no statement denies, this web-identity request. */
export function trustsCognitoIdentity(policyText: string, req: WebIdentityRequest): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(policyText);
  } catch {
    return false;
  }
  const raw = (doc as Record<string, unknown> | null)?.['Statement'];
  const statements = (Array.isArray(raw) ? raw : [raw]).filter(
    (s): s is Record<string, unknown> => typeof s === 'object' && s !== null,
  );
  const applying = statements.filter((s) => statementApplies(s, req));
  return applying.some((s) => s['Effect'] === 'Allow') && !applying.some((s) => s['Effect'] === 'Deny');
}

/** The trust policy AWS's guide shows for a role of this identity pool (the seed's good roles; the fix to show). */
export function cognitoIdentityTrustPolicy(
  identityPoolId: string | readonly string[],
  amr: 'authenticated' | 'unauthenticated',
) {
  const aud = typeof identityPoolId === 'string' ? identityPoolId : [...identityPoolId];
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: COGNITO_IDENTITY_PRINCIPAL },
        Action: ACTION,
        Condition: {
          StringEquals: { [`${COGNITO_IDENTITY_PRINCIPAL}:aud`]: aud },
          'ForAnyValue:StringLike': { [`${COGNITO_IDENTITY_PRINCIPAL}:amr`]: amr },
        },
      },
    ],
  };
}
