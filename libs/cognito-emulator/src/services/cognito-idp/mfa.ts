import { AwsError, invalidParameter, notAuthorized } from '../../core/errors';
import { type Input, optBool, optObject, optString, reqString } from '../../core/params';
import { matchTotp, newTotpSecret } from '../../core/totp';
import type { PoolMfaFactors, User, UserPool } from '../../state/model';
import { mutation, type OperationContext, type Operations, query } from '../registry';
import { getPool, getUser } from './lookup';
import {
  disableFactor,
  EMAIL_OTP,
  enableFactor,
  featureUnavailableInTier,
  poolMfaFactors,
  poolTier,
  SMS_MFA,
  SOFTWARE_TOKEN_MFA,
} from './mfa-state';
import { authorizeAccessToken } from './token-operations';
import { BAD_SESSION, challengeSession } from './sign-in';

const MFA_MODES = ['OFF', 'ON', 'OPTIONAL'];
const SNS_ROLE_ARN = /^arn:[\w+=/,.@-]+:iam::[0-9]{12}:role\/.+$/;

function smsConfig(input: Input): PoolMfaFactors['sms'] {
  const sms = optObject(input, 'SmsMfaConfiguration');
  if (!sms) return undefined;
  const message = optString(sms, 'SmsAuthenticationMessage', { min: 6, max: 140 });
  if (message !== undefined && !message.includes('{####}'))
    throw invalidParameter('SmsAuthenticationMessage must contain the placeholder {####}.');
  const config = optObject(sms, 'SmsConfiguration');
  if (!config) throw invalidParameter('SmsConfiguration is required to turn on SMS MFA.');
  const arn = reqString(config, 'SnsCallerArn', { min: 20, max: 2048 });
  if (!SNS_ROLE_ARN.test(arn)) throw invalidParameter(`Invalid SnsCallerArn ${arn}.`);
  const externalId = optString(config, 'ExternalId');
  const region = optString(config, 'SnsRegion', { min: 5, max: 32 });
  return {
    ...(message !== undefined ? { SmsAuthenticationMessage: message } : {}),
    SmsConfiguration: {
      SnsCallerArn: arn,
      ...(externalId !== undefined ? { ExternalId: externalId } : {}),
      ...(region !== undefined ? { SnsRegion: region } : {}),
    },
  };
}

function emailConfig(pool: UserPool, input: Input): PoolMfaFactors['email'] {
  const email = optObject(input, 'EmailMfaConfiguration');
  if (!email) return undefined;
  // "To activate this setting, your user pool must be in the Essentials tier or higher."
  if (poolTier(pool) === 'LITE')
    throw featureUnavailableInTier('Email MFA requires the Essentials or Plus feature plan.');
  const message = optString(email, 'Message', { min: 6, max: 20000 });
  if (message !== undefined && !message.includes('{####}'))
    throw invalidParameter('The email MFA Message must contain the placeholder {####}.');
  const subject = optString(email, 'Subject', { min: 1, max: 140 });
  return {
    ...(message !== undefined ? { Message: message } : {}),
    ...(subject !== undefined ? { Subject: subject } : {}),
  };
}

function mfaConfigView(pool: UserPool) {
  const f = poolMfaFactors(pool);
  return {
    MfaConfiguration: pool.mfaConfiguration,
    SoftwareTokenMfaConfiguration: { Enabled: f.softwareToken },
    ...(f.sms ? { SmsMfaConfiguration: { ...f.sms, SmsConfiguration: { ...f.sms.SmsConfiguration } } } : {}),
    ...(f.email ? { EmailMfaConfiguration: { ...f.email } } : {}),
  };
}

/** The user an MFA call is about: by access token, or (AssociateSoftwareToken/Verify…) by MFA_SETUP session. */
function userOf(ctx: OperationContext, input: Input) {
  const accessToken = optString(input, 'AccessToken');
  const session = optString(input, 'Session', { min: 20, max: 2048 });
  if (accessToken !== undefined) {
    const { pool, user } = authorizeAccessToken(ctx, accessToken);
    return { pool, user };
  }
  if (session === undefined) throw invalidParameter('Either AccessToken or Session must be provided.');
  return { ...challengeSession(ctx, session, 'MFA_SETUP'), sessionToken: session };
}

/** SetUserMFAPreference's three settings blocks; only TOTP can be enabled here (no messages are sent). */
function applyPreferences(pool: UserPool, user: User, input: Input): void {
  const blocks: Array<[string, string]> = [
    ['SoftwareTokenMfaSettings', SOFTWARE_TOKEN_MFA],
    ['SMSMfaSettings', SMS_MFA],
    ['EmailMfaSettings', EMAIL_OTP],
  ];
  const parsed = blocks.map(([field, factor]) => {
    const block = optObject(input, field);
    const enabled = block ? optBool(block, 'Enabled') : undefined;
    const preferred = block ? optBool(block, 'PreferredMfa') : undefined;
    if (preferred === true && enabled === false)
      throw invalidParameter(`${field}: a disabled MFA method cannot be the preferred one.`);
    if (enabled === true && factor === SOFTWARE_TOKEN_MFA && !user.softwareToken)
      throw invalidParameter('User has not verified software token mfa');
    if (enabled === true && factor !== SOFTWARE_TOKEN_MFA)
      throw invalidParameter(
        `${factor} cannot be enabled in the poolkeeper local Cognito emulator: it sends no SMS or email.`,
      );
    if (enabled === true && factor === SOFTWARE_TOKEN_MFA && !poolMfaFactors(pool).softwareToken)
      throw invalidParameter('Software token MFA is not enabled for this user pool.');
    return { factor, enabled, preferred };
  });
  if (parsed.filter((p) => p.preferred === true).length > 1)
    throw invalidParameter('Only one MFA method can be the preferred one.');
  for (const { factor, enabled, preferred } of parsed) {
    if (enabled === true) enableFactor(user, factor);
    if (enabled === false) disableFactor(user, factor);
    if (preferred === true) user.preferredMfa = factor;
    if (preferred === false && user.preferredMfa === factor) delete user.preferredMfa;
  }
}

export const mfaOperations: Operations = {
  /** API_GetUserPoolMfaConfig. */
  GetUserPoolMfaConfig: query((input, ctx) => mfaConfigView(getPool(ctx, reqString(input, 'UserPoolId')))),

  /**
   * API_SetUserPoolMfaConfig: MfaConfiguration OFF | ON | OPTIONAL and the factors. The factor blocks describe
   * the whole MFA configuration: one left out is turned off (SoftwareTokenMfaConfiguration Enabled false).
   * ON or OPTIONAL need a factor; OFF with a factor turned on is refused; email MFA needs Essentials or Plus.
   * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
   */
  SetUserPoolMfaConfig: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const mode = optString(input, 'MfaConfiguration') ?? pool.mfaConfiguration;
    if (!MFA_MODES.includes(mode)) throw invalidParameter(`Invalid MfaConfiguration ${mode}.`);
    const totp = optObject(input, 'SoftwareTokenMfaConfiguration');
    const factors: PoolMfaFactors = {
      softwareToken: (totp ? optBool(totp, 'Enabled') : undefined) === true,
    };
    const sms = smsConfig(input);
    const email = emailConfig(pool, input);
    if (sms) factors.sms = sms;
    if (email) factors.email = email;
    const any = factors.softwareToken || sms !== undefined || email !== undefined;
    if (mode === 'OFF' && any)
      throw invalidParameter(
        "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.",
      );
    if (mode !== 'OFF' && !any)
      throw invalidParameter('At least one MFA method must be configured to turn on MFA.');
    pool.mfaConfiguration = mode as UserPool['mfaConfiguration'];
    pool.mfaFactors = factors;
    pool.modifiedAt = ctx.now();
    return mfaConfigView(pool);
  }),

  /**
   * API_AssociateSoftwareToken: a new TOTP secret (base32) for the signed-in user (AccessToken) or for a user
   * in the MFA_SETUP challenge (Session; the answer carries the next Session). Until VerifySoftwareToken
   * succeeds the user's current authenticator, if any, stays the one sign-in checks.
   */
  AssociateSoftwareToken: mutation((input, ctx) => {
    const who = userOf(ctx, input);
    const secret = ctx.totpSecretFor?.(who.pool.name, who.user.username) ?? newTotpSecret();
    who.user.pendingSoftwareTokenSecret = secret;
    if (!('session' in who)) return { SecretCode: secret };
    ctx.sessions.consume(who.sessionToken);
    const next = ctx.sessions.create({ ...who.session, stage: 'associated' }, ctx.now());
    return { SecretCode: secret, Session: next };
  }),

  /**
   * API_VerifySoftwareToken: checks a code from the associated secret; on success it becomes the user's TOTP
   * factor (listed in UserMFASettingList). A wrong code is EnableSoftwareTokenMFAException.
   */
  VerifySoftwareToken: mutation((input, ctx) => {
    const code = reqString(input, 'UserCode', { min: 6, max: 6 });
    if (!/^[0-9]+$/.test(code)) throw invalidParameter('UserCode must be 6 digits.');
    const friendly = optString(input, 'FriendlyDeviceName', { max: 131072 });
    const who = userOf(ctx, input);
    const { user } = who;
    if ('session' in who && who.session.stage !== 'associated') throw notAuthorized(BAD_SESSION);
    const secret = user.pendingSoftwareTokenSecret;
    if (!secret)
      throw new AwsError('SoftwareTokenMFANotFoundException', 'Software token MFA has not been associated.');
    const step = matchTotp(secret, code, ctx.now());
    if (step === undefined)
      throw new AwsError(
        'EnableSoftwareTokenMFAException',
        'Code mismatch and fail enable Software Token MFA',
      );
    user.softwareToken = {
      secret,
      lastUsedStep: step,
      ...(friendly !== undefined ? { friendlyDeviceName: friendly } : {}),
    };
    delete user.pendingSoftwareTokenSecret;
    enableFactor(user, SOFTWARE_TOKEN_MFA);
    user.modifiedAt = ctx.now();
    if (!('session' in who)) return { Status: 'SUCCESS' };
    ctx.sessions.consume(who.sessionToken);
    return {
      Status: 'SUCCESS',
      Session: ctx.sessions.create({ ...who.session, stage: 'verified' }, ctx.now()),
    };
  }),

  /** API_SetUserMFAPreference: the signed-in user's enabled and preferred factors. */
  SetUserMFAPreference: mutation((input, ctx) => {
    const { pool, user } = authorizeAccessToken(ctx, reqString(input, 'AccessToken'));
    applyPreferences(pool, user, input);
    user.modifiedAt = ctx.now();
    return {};
  }),

  /** API_AdminSetUserMFAPreference: the same, by an administrator. */
  AdminSetUserMFAPreference: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username', { max: 128 }));
    applyPreferences(pool, user, input);
    user.modifiedAt = ctx.now();
    return {};
  }),

  /**
   * API_AdminDeleteSoftwareToken: removes the user's TOTP authenticator (and a pending one) and its place in
   * the user's MFA settings and preference. Next sign-in: no TOTP step; in a pool with MFA ON and no other
   * factor, MFA_SETUP. A user without an authenticator is left as is (the call succeeds).
   */
  AdminDeleteSoftwareToken: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username', { max: 128 }));
    delete user.softwareToken;
    delete user.pendingSoftwareTokenSecret;
    disableFactor(user, SOFTWARE_TOKEN_MFA);
    user.modifiedAt = ctx.now();
    return {};
  }),
};
