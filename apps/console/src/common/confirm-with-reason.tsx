import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { formLevelError, type FieldMessages } from './contract-form';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';

export interface ConfirmWithReasonProps {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  busy?: boolean;
  /** False keeps the confirm button disabled (e.g. until a typed confirmation matches). */
  canConfirm?: boolean;
  /** The audit reason must be given: confirming without one marks the field and sends nothing. */
  reasonRequired?: boolean;
  /** Extra inputs above the reason; when given, the first of them should take focus. */
  children?: ReactNode;
  /** Problems found by the contract schema or the API: `reason`, and one for the whole form. */
  errors?: FieldMessages;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}

const missingReasonMessage = 'Give a reason: it is recorded in the audit log.';

/**
 * A confirmation dialog that is a real form: Enter confirms, Escape cancels, focus starts in the first
 * input and returns to the button that opened it. It always offers the audit reason (optional unless
 * `reasonRequired`).
 */
export function ConfirmWithReason(props: ConfirmWithReasonProps) {
  const { open, title, description, confirmLabel, destructive, busy, children, reasonRequired } = props;
  const errors = props.errors ?? {};
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const canConfirm = props.canConfirm ?? true;
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    if (open) {
      setReason('');
      setReasonMissing(false);
    }
  }, [open]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!canConfirm || busy) return;
    if (reasonRequired && reason.trim() === '') {
      setReasonMissing(true);
      return;
    }
    props.onConfirm(reason);
  };

  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!busy) props.onCancel();
      }}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText id={descriptionId} component="div" sx={{ mb: 2 }}>
            {description}
          </DialogContentText>
          {errors[formLevelError] && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {errors[formLevelError]}
            </Alert>
          )}
          {children}
          <TextField
            label={reasonRequired ? 'Reason' : 'Reason (optional)'}
            name="reason"
            required={reasonRequired ?? false}
            helperText={
              errors['reason'] ?? (reasonMissing ? missingReasonMessage : 'Recorded in the audit log.')
            }
            error={Boolean(errors['reason']) || reasonMissing}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              if (event.target.value.trim() !== '') setReasonMissing(false);
            }}
            autoFocus={!children}
            fullWidth
            margin="dense"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="contained"
            color={destructive ? 'error' : 'primary'}
            disabled={!canConfirm || busy}
            startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
