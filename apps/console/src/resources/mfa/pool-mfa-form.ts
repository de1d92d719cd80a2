/**
 * The pool MFA settings form: what the operator edits (`PoolMfaDraft`), the body it becomes (checked with the
 * contract's `setPoolMfaConfigBodySchema`, the API's own schema) and a plain account of what changes for users.
 */
import {
  type PoolMfaConfig,
  type PoolMfaMode,
  type SetPoolMfaConfigBody,
  mfaModeChangeEffect,
  setPoolMfaConfigBodySchema,
} from '@poolkeeper/contract';
import { formLevelError, validateBody, type FieldMessages } from '../../common/contract-form';

export interface PoolMfaDraft {
  mode: PoolMfaMode;
  softwareTokenMfa: boolean;
  sms: boolean;
  snsCallerArn: string;
  externalId: string;
  smsMessage: string;
  email: boolean;
  emailSubject: string;
  emailMessage: string;
}

export function draftOf(config: PoolMfaConfig): PoolMfaDraft {
  return {
    mode: config.mode,
    softwareTokenMfa: config.softwareTokenMfa,
    sms: config.sms !== null,
    snsCallerArn: config.sms?.snsCallerArn ?? '',
    externalId: config.sms?.externalId ?? '',
    smsMessage: config.sms?.message ?? '',
    email: config.email !== null,
    emailSubject: config.email?.subject ?? '',
    emailMessage: config.email?.message ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The PUT body; with mode OFF every factor is sent as off (Cognito refuses OFF with a factor). */
export function toBody(draft: PoolMfaDraft, current: PoolMfaConfig, reason: string): SetPoolMfaConfigBody {
  const off = draft.mode === 'OFF';
  return {
    mode: draft.mode,
    softwareTokenMfa: !off && draft.softwareTokenMfa,
    sms:
      !off && draft.sms
        ? {
            snsCallerArn: draft.snsCallerArn.trim(),
            externalId: orNull(draft.externalId),
            message: orNull(draft.smsMessage),
            snsRegion: current.sms?.snsRegion ?? null,
          }
        : null,
    email:
      !off && draft.email
        ? { subject: orNull(draft.emailSubject), message: orNull(draft.emailMessage) }
        : null,
    reason,
  };
}

/** Schema field → form field: the SMS and email settings sit beside their checkboxes. */
export function fieldOf(field: string): string {
  const map: Record<string, string> = {
    mode: 'mode',
    reason: 'reason',
    'sms.snsCallerArn': 'snsCallerArn',
    'sms.externalId': 'externalId',
    'sms.message': 'smsMessage',
    'email.subject': 'emailSubject',
    'email.message': 'emailMessage',
  };
  return map[field] ?? formLevelError;
}

/** Problems of the draft (the reason is asked for in the confirmation, so a placeholder stands in here). */
export function draftProblems(draft: PoolMfaDraft, current: PoolMfaConfig): FieldMessages | null {
  return validateBody(setPoolMfaConfigBodySchema, toBody(draft, current, 'pending'), fieldOf);
}

/** Sentences saying what changes for users if the draft is saved (empty when nothing changes). */
export function effectsOf(draft: PoolMfaDraft, current: PoolMfaConfig): string[] {
  const next = toBody(draft, current, '');
  const effects: string[] = [];
  const mode = mfaModeChangeEffect(current.mode, next.mode);
  if (mode) effects.push(mode);
  if (next.mode !== 'OFF') {
    if (current.softwareTokenMfa && !next.softwareTokenMfa)
      effects.push(
        'Authenticator apps are turned off: users who enrolled one are no longer asked for its code.',
      );
    if (!current.softwareTokenMfa && next.softwareTokenMfa)
      effects.push('Users can enrol an authenticator app (TOTP).');
    if (current.sms === null && next.sms !== null)
      effects.push('Users with a verified phone number can receive codes by SMS (Amazon SNS charges apply).');
    if (current.sms !== null && next.sms === null) effects.push('Codes are no longer sent by SMS.');
    if (current.email === null && next.email !== null)
      effects.push('Users with a verified email address can receive codes by email.');
    if (current.email !== null && next.email === null) effects.push('Codes are no longer sent by email.');
  }
  if (effects.length === 0 && isChanged(draft, current))
    effects.push('The factor settings change; users see no difference at sign-in.');
  return effects;
}

/** Whether saving the draft would change anything. */
export function isChanged(draft: PoolMfaDraft, current: PoolMfaConfig): boolean {
  // Both sides through toBody: the same keys in the same order.
  const now = toBody(draftOf(current), current, '');
  return JSON.stringify(toBody(draft, current, '')) !== JSON.stringify(now);
}
