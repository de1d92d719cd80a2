import type { SignInEvent, SignInHistory, SignInHistoryUnavailableReason } from '@poolkeeper/contract';
import type { AuthEvent, ThreatProtection } from '@poolkeeper/cognito-gateway';

export function toSignInEvent(e: AuthEvent): SignInEvent {
  return {
    eventId: e.eventId,
    time: e.createdAt ? e.createdAt.toISOString() : null,
    eventType: e.type,
    result: e.response,
    ipAddress: e.context?.ipAddress ?? null,
    deviceName: e.context?.deviceName ?? null,
    city: e.context?.city ?? null,
    country: e.context?.country ?? null,
    timezone: e.context?.timezone ?? null,
    risk: e.risk ? { ...e.risk } : null,
    challenges: e.challenges.map((c) => ({ ...c })),
  };
}

const PLAN_NAMES: Record<string, string> = { LITE: 'Lite', ESSENTIALS: 'Essentials', PLUS: 'Plus' };

/**
 * Why there is no history, from the AWS error and the pool's plan: FeatureUnavailableInTierException, or a plan
 * other than Plus, is the tier; otherwise threat protection is simply off (Developer Guide, "Feature plans" and
 * "Threat protection": auth events are logged only with threat protection in audit or full-function mode).
 */
export function unavailableHistory(
  awsErrorName: string | null,
  pool: ThreatProtection | null,
): Extract<SignInHistory, { available: false }> {
  const tier = pool?.tier ?? null;
  const reason: SignInHistoryUnavailableReason =
    awsErrorName === 'FeatureUnavailableInTierException' || (tier !== null && tier !== 'PLUS')
      ? 'tier'
      : 'not-enabled';
  const plan = tier ? (PLAN_NAMES[tier] ?? tier) : null;
  const message =
    reason === 'tier'
      ? `Cognito records sign-in history only with threat protection, a feature of the Plus plan. This pool is on ${
          plan ? `the ${plan} plan` : 'a plan without it'
        }, so no sign-in attempts are recorded for its users.`
      : 'Cognito records sign-in history only while threat protection is on (audit or full-function mode). It is off for this pool, so no sign-in attempts are recorded for its users.';
  return { available: false, reason, tier, message };
}
