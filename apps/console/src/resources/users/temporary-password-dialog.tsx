import { useId, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Typography,
} from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';

/**
 * The generated temporary password of a user just invited with nothing sent: shown once, copyable, with a
 * warning that it will not be shown again (poolkeeper keeps no copy). Closing goes on to the user's page.
 */
export function TemporaryPasswordDialog(props: { username: string; password: string; onDone: () => void }) {
  const titleId = useId();
  const descriptionId = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.password);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Dialog
      open
      // no onClose: neither the backdrop nor Escape dismisses it; the operator leaves with "Done"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId}>{props.username} was invited: temporary password</DialogTitle>
      <DialogContent>
        <DialogContentText id={descriptionId} component="div" sx={{ mb: 2 }}>
          Nothing was sent to the user. Hand them this temporary password through a channel you trust; at
          their first sign-in they must choose a new one.
        </DialogContentText>
        <Typography variant="subtitle2" component="p">
          Temporary password
        </Typography>
        <Box
          component="code"
          data-testid="temporary-password"
          sx={{
            display: 'block',
            fontFamily: 'monospace',
            fontSize: '1.2rem',
            p: 1.5,
            mb: 2,
            borderRadius: 1,
            bgcolor: 'action.hover',
            wordBreak: 'break-all',
            userSelect: 'all',
          }}
        >
          {props.password}
        </Box>
        <Alert severity="warning" sx={{ mb: 1 }}>
          This password will not be shown again: poolkeeper keeps no copy. If it is lost, resend the
          invitation or set a new password.
        </Alert>
        <Box role="status" aria-live="polite" sx={{ minHeight: '1.5em', typography: 'body2' }}>
          {copied === 'yes' ? 'Copied to the clipboard.' : null}
          {copied === 'failed' ? 'Copying failed: select the password and copy it yourself.' : null}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={() => void copy()} autoFocus>
          Copy password
        </Button>
        <Button variant="contained" onClick={props.onDone}>
          Done, go to the user
        </Button>
      </DialogActions>
    </Dialog>
  );
}
