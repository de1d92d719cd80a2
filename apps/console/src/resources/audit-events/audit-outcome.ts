import { type AuditEvent, auditReconciliationOf } from '@poolkeeper/contract';

/** How the console shows an event's outcome: its chip, and the words that explain a reconciled one. */
export interface OutcomePresentation {
  label: string;
  color: 'success' | 'error' | 'warning' | 'default';
  /** Written by the reconciler (the API stopped between attempt and outcome), not by the request itself. */
  reconciled: boolean;
  /** For auditors: what the reconciler saw and why that is the outcome; null for an ordinary event. */
  explanation: string | null;
}

const COLORS: Record<AuditEvent['outcome'], OutcomePresentation['color']> = {
  attempted: 'default',
  succeeded: 'success',
  failed: 'error',
  unknown: 'warning',
};

export function presentOutcome(
  event: Pick<AuditEvent, 'outcome' | 'actor' | 'request'>,
): OutcomePresentation {
  const reconciliation = auditReconciliationOf(event);
  const base = { label: event.outcome, color: COLORS[event.outcome], reconciled: reconciliation !== null };
  if (!reconciliation) {
    return {
      ...base,
      explanation:
        event.outcome === 'unknown'
          ? 'Unknown: the API stopped between the attempt and its outcome, and whether the change was made could not be determined.'
          : null,
    };
  }
  const seen = reconciliation.observed ? ` Cognito showed: ${reconciliation.observed}.` : '';
  const lead =
    event.outcome === 'unknown'
      ? 'Unknown: the API stopped between the attempt and its outcome, and the reconciler could not tell whether the change was made'
      : `Reconciled as ${event.outcome}: the API stopped between the attempt and its outcome, and the reconciler read the result from Cognito`;
  return { ...base, explanation: `${lead} (${reconciliation.reason}).${seen}` };
}
