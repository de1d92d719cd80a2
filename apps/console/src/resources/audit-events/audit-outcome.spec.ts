import { describe, expect, it } from '@jest/globals';
import { AUDIT_RECONCILER_SUB } from '@poolkeeper/contract';
import { presentOutcome } from './audit-outcome';

const reconciler = {
  kind: 'system' as const,
  sub: AUDIT_RECONCILER_SUB,
  username: 'reconciler',
  roles: [],
  ip: null,
  userAgent: null,
};
const operator = {
  kind: 'operator' as const,
  sub: 's',
  username: 'op',
  roles: ['admin'],
  ip: null,
  userAgent: null,
};
const reconciliation = (observed: string | null, reason: string) => ({
  reconciliation: {
    method: 'state-check',
    attemptId: 'a-1',
    attemptOccurredAt: '2026-12-03T10:00:00.000Z',
    observed,
    reason,
  },
});

describe('presentOutcome', () => {
  it('marks a reconciled success and says what Cognito showed', () => {
    expect(
      presentOutcome({
        outcome: 'succeeded',
        actor: reconciler,
        request: reconciliation(
          'the user is disabled',
          "Cognito's current state shows the requested change in effect",
        ),
      }),
    ).toEqual({
      label: 'succeeded',
      color: 'success',
      reconciled: true,
      explanation:
        "Reconciled as succeeded: the API stopped between the attempt and its outcome, and the reconciler read the result from Cognito (Cognito's current state shows the requested change in effect). Cognito showed: the user is disabled.",
    });
  });

  it('explains an unknown outcome with the reconciler’s reason', () => {
    const shown = presentOutcome({
      outcome: 'unknown',
      actor: reconciler,
      request: reconciliation(null, "could not be determined from Cognito's state"),
    });
    expect(shown).toMatchObject({ label: 'unknown', color: 'warning', reconciled: true });
    expect(shown.explanation).toBe(
      "Unknown: the API stopped between the attempt and its outcome, and the reconciler could not tell whether the change was made (could not be determined from Cognito's state).",
    );
  });

  it('shows an ordinary event as it is, even if its request looks like a reconciliation', () => {
    expect(presentOutcome({ outcome: 'failed', actor: operator, request: reconciliation('x', 'y') })).toEqual(
      { label: 'failed', color: 'error', reconciled: false, explanation: null },
    );
  });
});
