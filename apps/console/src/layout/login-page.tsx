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
import type { LoginParams } from '../providers/auth-provider';
import { getAuthConfig } from '../providers/session';
import { SignInSessionExpired, SignInStepRequired, startMfaSetup } from '../providers/sign-in-steps';
import { isCompleteCode, MfaCodeField } from './sign-in/mfa-code-field';
import { MfaSetupPanel } from './sign-in/mfa-setup-panel';

type Step =
  | { kind: 'password' }
  | { kind: 'new-password'; username: string; session: string }
  | { kind: 'mfa-code'; username: string; session: string }
  | { kind: 'mfa-setup'; username: string; session: string; secret: string };

const intro: Record<Step['kind'], string> = {
  password: 'Sign in with your operator account.',
  'new-password': 'This is your first sign-in: choose a new password.',
  'mfa-code': 'Enter the 6-digit code from your authenticator app.',
  'mfa-setup': 'Your operator account needs two-step verification: set up an authenticator app.',
};

const submitLabel: Record<Step['kind'], string> = {
  password: 'Sign in',
  'new-password': 'Set password and sign in',
  'mfa-code': 'Verify and sign in',
  'mfa-setup': 'Verify and sign in',
};

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string') return error;
  return 'Sign-in failed.';
}

/**
 * Sign-in against the operator user pool (SRP: the password stays in the browser), with the steps Cognito
 * may ask for: choose a new password, the authenticator code (SOFTWARE_TOKEN_MFA), or setting up an
 * authenticator (MFA_SETUP).
 */
export function LoginPage() {
  const login = useLogin();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [expired] = useState(takeSessionExpired);
  const firstFieldRef = useRef<HTMLInputElement>(null);

  // A later step replaces the form's inputs: put the caret in the first one (autoFocus only applies on the
  // page's first paint), also after a wrong code.
  useEffect(() => {
    if (step.kind !== 'password') firstFieldRef.current?.focus();
  }, [step, error]);

  const backToPassword = (message: string | null) => {
    setStep({ kind: 'password' });
    setPassword('');
    setCode('');
    setError(message);
  };

  const showStep = async (caught: SignInStepRequired) => {
    const { kind, username: challengeUser, session } = caught.challenge;
    setPassword('');
    setCode('');
    if (kind === 'new-password-required') setStep({ kind: 'new-password', username: challengeUser, session });
    else if (kind === 'software-token-mfa') setStep({ kind: 'mfa-code', username: challengeUser, session });
    else {
      const setup = await startMfaSetup(await getAuthConfig(), session);
      setStep({
        kind: 'mfa-setup',
        username: challengeUser,
        session: setup.session,
        secret: setup.secretCode,
      });
    }
  };

  const paramsOf = (): LoginParams | string => {
    switch (step.kind) {
      case 'password':
        return { username, password };
      case 'new-password':
        if (newPassword !== confirmation) return 'The two new passwords do not match.';
        return { step: 'new-password', username: step.username, session: step.session, newPassword };
      case 'mfa-code':
      case 'mfa-setup':
        if (!isCompleteCode(code)) return 'Enter the 6 digits your authenticator app shows.';
        return { step: step.kind, username: step.username, session: step.session, code };
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const params = paramsOf();
    if (typeof params === 'string') {
      setError(params);
      return;
    }
    setBusy(true);
    try {
      await login(params, routeAfterSignIn());
      forgetRouteAfterSignIn();
    } catch (caught) {
      try {
        if (caught instanceof SignInStepRequired) await showStep(caught);
        else throw caught;
      } catch (failure) {
        if (failure instanceof SignInSessionExpired) backToPassword(failure.message);
        else {
          if (step.kind === 'mfa-code' || step.kind === 'mfa-setup') setCode('');
          setError(messageOf(failure));
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const incomplete = (() => {
    switch (step.kind) {
      case 'password':
        return !username || !password;
      case 'new-password':
        return !newPassword || !confirmation;
      default:
        return !isCompleteCode(code);
    }
  })();

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
            {intro[step.kind]}
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
              {step.kind === 'password' && (
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
              )}
              {step.kind === 'new-password' && (
                <>
                  <TextField
                    label="New password"
                    name="new-password"
                    type="password"
                    autoComplete="new-password"
                    inputRef={firstFieldRef}
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
              {step.kind === 'mfa-setup' && <MfaSetupPanel username={step.username} secret={step.secret} />}
              {(step.kind === 'mfa-code' || step.kind === 'mfa-setup') && (
                <MfaCodeField ref={firstFieldRef} value={code} onChange={setCode} />
              )}
              <Button
                type="submit"
                variant="contained"
                disabled={busy || incomplete}
                startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
              >
                {submitLabel[step.kind]}
              </Button>
              {step.kind !== 'password' && (
                <Button onClick={() => backToPassword(null)} disabled={busy}>
                  Start over
                </Button>
              )}
            </Stack>
          </form>
        </CardContent>
      </Card>
    </Box>
  );
}
