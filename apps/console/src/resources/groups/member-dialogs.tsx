/**
 * Adding a user to a group and removing one, shared by the group page and the user page: a confirmation
 * with the optional audit reason, checked with the contract's `mutationBodySchema`, then the API.
 */
import { useState, type ReactNode } from 'react';
import { useDataProvider, useLogoutIfAccessDenied, useNotify } from 'react-admin';
import { ConfirmWithReason } from '../../common/confirm-with-reason';
import { fieldMessagesOf, validateForm, type FieldMessages } from '../../common/contract-form';
import { memberForm } from './group-forms';
import type { GroupsDataProvider } from './groups-provider';

export interface MemberChange {
  kind: 'add' | 'remove';
  groupName: string;
  username: string;
}

function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'The request failed.';
}

/** Runs a member change with its reason; field errors stay in the dialog, others are notified. */
export function useMemberChange(poolId: string, onDone: () => void) {
  const dataProvider = useDataProvider<GroupsDataProvider>();
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldMessages>({});

  const run = async (change: MemberChange, reason: string): Promise<boolean> => {
    const problems = validateForm(memberForm, { reason }, undefined);
    setErrors(problems ?? {});
    if (problems) return false;
    setBusy(true);
    try {
      const params = { poolId, groupName: change.groupName, username: change.username, reason };
      if (change.kind === 'add') await dataProvider.addMember('groups', params);
      else await dataProvider.removeMember('groups', params);
      notify(
        change.kind === 'add'
          ? `${change.username} was added to ${change.groupName}.`
          : `${change.username} was removed from ${change.groupName}.`,
        { type: 'success' },
      );
      onDone();
      return true;
    } catch (error) {
      const fields = fieldMessagesOf(error);
      if (fields) setErrors(fields);
      else if (!(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { run, busy, errors, clearErrors: () => setErrors({}) };
}

const tokenNote =
  'Tokens issued from now on carry the change (cognito:groups, cognito:roles); tokens already issued keep what they had until they expire.';

/** "Remove <user> from <group>?" */
export function RemoveMemberDialog({
  change,
  busy,
  errors,
  onCancel,
  onConfirm,
}: {
  change: MemberChange;
  busy: boolean;
  errors: FieldMessages;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  return (
    <ConfirmWithReason
      open
      title={`Remove ${change.username} from ${change.groupName}?`}
      description={tokenNote}
      confirmLabel="Remove from group"
      destructive
      busy={busy}
      errors={errors}
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}

/** "Add … to …": `picker` chooses the user (group page) or the group (user page). */
export function AddMemberDialog({
  title,
  picker,
  canConfirm,
  busy,
  errors,
  onCancel,
  onConfirm,
}: {
  title: string;
  picker: ReactNode;
  canConfirm: boolean;
  busy: boolean;
  errors: FieldMessages;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  return (
    <ConfirmWithReason
      open
      title={title}
      description={tokenNote}
      confirmLabel="Add to group"
      busy={busy}
      canConfirm={canConfirm}
      errors={errors}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      {picker}
    </ConfirmWithReason>
  );
}
