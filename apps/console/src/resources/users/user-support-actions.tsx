import { useState, type ReactNode } from 'react';
import { Button } from '@mui/material';
import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import VerifiedIcon from '@mui/icons-material/VerifiedOutlined';
import { useDataProvider, useLogoutIfAccessDenied, useNotify, useRefresh } from 'react-admin';
import type { InvitationSent, Permission, VerifiableAttributeName } from '@poolkeeper/contract';
import { ConfirmWithReason } from '../../common/confirm-with-reason';
import { fieldMessagesOf, validateForm, type FieldMessages } from '../../common/contract-form';
import { useCan } from '../../common/use-can';
import { supportActionForm, verifyAttributesForm } from './user-support-forms';
import type { UserRecord, UsersDataProvider } from './users-provider';

type SupportKind = 'resend-invitation' | 'confirm-sign-up' | 'verify-email' | 'verify-phone';

interface SupportSpec {
  label: string;
  icon: ReactNode;
  permission: Permission;
  /** Offered only when the user's state allows it (the API refuses the rest with USER_STATUS_CONFLICT). */
  offered: (user: UserRecord) => boolean;
  title: (user: UserRecord) => string;
  description: (user: UserRecord) => ReactNode;
}

const unverified = (user: UserRecord, name: VerifiableAttributeName) =>
  Boolean(user.attributes[name]) && user.attributes[`${name}_verified`] !== 'true';

/** Where Cognito sends an invitation for this user: the same rule as the API (email, then SMS). */
function destinationsOf(user: UserRecord): string {
  const places = [
    user.attributes['email'] ? `by email to ${user.attributes['email']}` : null,
    user.attributes['phone_number'] ? `by SMS to ${user.attributes['phone_number']}` : null,
  ].filter(Boolean);
  return places.length > 0 ? places.join(' and ') : 'nowhere: the user has no email address or phone number';
}

const specs: Record<SupportKind, SupportSpec> = {
  'resend-invitation': {
    label: 'Resend invitation',
    icon: <ForwardToInboxIcon />,
    permission: 'users.resend-invitation',
    offered: (user) => user.status === 'FORCE_CHANGE_PASSWORD',
    title: (user) => `Resend the invitation to ${user.username}?`,
    description: (user) =>
      `Cognito makes a new temporary password and sends it ${destinationsOf(user)}. The previous temporary password stops working.`,
  },
  'confirm-sign-up': {
    label: 'Confirm sign-up',
    icon: <HowToRegIcon />,
    permission: 'users.confirm-sign-up',
    offered: (user) => user.status === 'UNCONFIRMED',
    title: (user) => `Confirm the sign-up of ${user.username}?`,
    description: () =>
      'The user signed up but never entered the confirmation code. Confirming makes the account CONFIRMED: they can sign in with the password they chose. Do this only when you know the person is who they say.',
  },
  'verify-email': {
    label: 'Mark email verified',
    icon: <VerifiedIcon />,
    permission: 'users.update',
    offered: (user) => unverified(user, 'email'),
    title: (user) => `Mark the email address of ${user.username} verified?`,
    description: (user) =>
      `Sets email_verified to true for ${user.attributes['email']}, as if the user had entered the code: Cognito then uses it for password recovery (and for sign-in where email is an alias). Do this only when you know the address is theirs.`,
  },
  'verify-phone': {
    label: 'Mark phone verified',
    icon: <VerifiedIcon />,
    permission: 'users.update',
    offered: (user) => unverified(user, 'phone_number'),
    title: (user) => `Mark the phone number of ${user.username} verified?`,
    description: (user) =>
      `Sets phone_number_verified to true for ${user.attributes['phone_number']}, as if the user had entered the code: Cognito then uses it for SMS recovery codes (and for sign-in where the phone number is an alias). Do this only when you know the number is theirs.`,
  },
};

const order: SupportKind[] = ['resend-invitation', 'confirm-sign-up', 'verify-email', 'verify-phone'];

function sentMessage(username: string, sent: InvitationSent | undefined): string {
  if (!sent || sent.destinations.length === 0) return `The invitation to ${username} was sent again.`;
  const where = sent.mediums.map(
    (m, i) => `${m === 'EMAIL' ? 'by email to' : 'by SMS to'} ${sent.destinations[i]}`,
  );
  return `The invitation to ${username} was sent again ${where.join(' and ')}.`;
}

/**
 * The support desk buttons of a user page: resend invitation (FORCE_CHANGE_PASSWORD users), confirm sign-up
 * (UNCONFIRMED users), mark email / phone verified (when unverified). Only what the role may do and the
 * user's state allows is offered; each asks for a reason.
 */
export function UserSupportActions({ record, poolId }: { record: UserRecord; poolId: string }) {
  const allowed = useCan();
  const dataProvider = useDataProvider<UsersDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [open, setOpen] = useState<SupportKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldMessages>({});
  const username = record.username;
  const visible = order.filter((kind) => allowed(specs[kind].permission) && specs[kind].offered(record));

  const run = async (kind: SupportKind, reason: string) => {
    const attributes: VerifiableAttributeName[] =
      kind === 'verify-email' ? ['email'] : kind === 'verify-phone' ? ['phone_number'] : [];
    const problems =
      attributes.length > 0
        ? validateForm(verifyAttributesForm, { reason, attributes }, undefined)
        : validateForm(supportActionForm, { reason }, undefined);
    setErrors(problems ?? {});
    if (problems) return;
    setBusy(true);
    try {
      let message: string;
      if (kind === 'resend-invitation' || kind === 'confirm-sign-up') {
        const body = supportActionForm.toBody({ reason }, undefined) as { reason: string };
        const sent = await dataProvider.supportAction('users', { poolId, username, action: kind, body });
        message =
          kind === 'resend-invitation'
            ? sentMessage(username, sent)
            : `The sign-up of ${username} is confirmed.`;
      } else {
        const body = verifyAttributesForm.toBody({ reason, attributes }, undefined) as {
          reason: string;
          attributes: VerifiableAttributeName[];
        };
        await dataProvider.supportAction('users', { poolId, username, action: 'verify-attributes', body });
        message = `${kind === 'verify-email' ? 'The email address' : 'The phone number'} of ${username} is marked verified.`;
      }
      setOpen(null);
      notify(message, { type: 'success' });
      refresh();
    } catch (error) {
      const fields = fieldMessagesOf(error);
      if (fields) setErrors(fields);
      else if (!(await logoutIfAccessDenied(error)))
        notify(error instanceof Error && error.message ? error.message : 'The request failed.', {
          type: 'error',
        });
    } finally {
      setBusy(false);
    }
  };

  const spec = open ? specs[open] : null;
  return (
    <>
      {visible.map((kind) => (
        <Button
          key={kind}
          size="small"
          startIcon={specs[kind].icon}
          onClick={() => {
            setErrors({});
            setOpen(kind);
          }}
        >
          {specs[kind].label}
        </Button>
      ))}
      {spec && open && (
        <ConfirmWithReason
          open
          reasonRequired
          title={spec.title(record)}
          description={spec.description(record)}
          confirmLabel={spec.label}
          busy={busy}
          errors={errors}
          onCancel={() => setOpen(null)}
          onConfirm={(reason) => void run(open, reason)}
        />
      )}
    </>
  );
}
