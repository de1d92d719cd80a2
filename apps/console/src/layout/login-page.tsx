import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useLogin } from 'react-admin';
import { forgetRouteAfterSignIn, routeAfterSignIn, takeSessionExpired } from '../common/after-sign-in';
import { NewPasswordRequiredError, type LoginParams } from '../providers/auth-provider';

type Step = { kind: 'password' } | { kind: 'new-password'; username: string; session: string };

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string') return error;
  return 'Sign-in failed.';
}

/** Sign-in against the operator user pool, including the first-sign-in "choose a new password" step. */
export function LoginPage() {
  const login = useLogin();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [expired] = useState(takeSessionExpired);
  const newPasswordRef = useRef<HTMLInputElement>(null);

  // The new-password step replaces the form's inputs: put the caret in the first one (autoFocus only
  // applies on the page's first paint).
  useEffect(() => {
    if (step.kind === 'new-password') newPasswordRef.current?.focus();
  }, [step.kind]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    let params: LoginParams;
    if (step.kind === 'new-password') {
      if (newPassword !== confirmation) {
        setError('The two new passwords do not match.');
        return;
      }
      params = { username: step.username, session: step.session, newPassword };
    } else {
      params = { username, password };
    }
    setBusy(true);
    try {
      await login(params, routeAfterSignIn());
      forgetRouteAfterSignIn();
    } catch (caught) {
      if (caught instanceof NewPasswordRequiredError) {
        setStep({ kind: 'new-password', username: caught.username, session: caught.session });
        setPassword('');
      } else {
        setError(messageOf(caught));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: 'background.default',
      }}
    >
      <Card sx={{ width: 380 }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            poolkeeper
          </Typography>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {step.kind === 'password'
              ? 'Sign in with your operator account.'
              : 'This is your first sign-in: choose a new password.'}
          </Typography>
          <form onSubmit={submit} noValidate aria-label="Sign in">
            <Stack spacing={2} sx={{ mt: 2 }}>
              {expired && !error && (
                <Alert severity="info" role="status">
                  Your session expired. Sign in again to continue where you were.
                </Alert>
              )}
              {error && (
                <Alert severity="error" role="alert">
                  {error}
                </Alert>
              )}
              {step.kind === 'password' ? (
                <>
                  <TextField
                    label="Username"
                    name="username"
                    autoComplete="username"
                    autoFocus
                    required
                    value={username}
                    onChange={(event) => setUsername(event.target.value)}
                  />
                  <TextField
                    label="Password"
                    name="password"
                    type="password"
                    autoComplete="current-password"
                    required
                    value={password}
                    onChange={(event) => setPassword(event.target.value)}
                  />
                </>
              ) : (
                <>
                  <TextField
                    label="New password"
                    name="new-password"
                    type="password"
                    autoComplete="new-password"
                    inputRef={newPasswordRef}
                    required
                    value={newPassword}
                    onChange={(event) => setNewPassword(event.target.value)}
                  />
                  <TextField
                    label="Confirm new password"
                    name="confirm-new-password"
                    type="password"
                    autoComplete="new-password"
                    required
                    value={confirmation}
                    onChange={(event) => setConfirmation(event.target.value)}
                  />
                </>
              )}
              <Button
                type="submit"
                variant="contained"
                disabled={
                  busy || (step.kind === 'password' ? !username || !password : !newPassword || !confirmation)
                }
                startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
              >
                {step.kind === 'password' ? 'Sign in' : 'Set password and sign in'}
              </Button>
            </Stack>
          </form>
        </CardContent>
      </Card>
    </Box>
  );
}
