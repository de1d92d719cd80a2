import { useEffect, useState } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import QRCode from 'qrcode';
import { otpauthUri } from '../../providers/cognito-mfa-setup';

interface Props {
  username: string;
  secret: string;
}

/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * MFA_SETUP: the new authenticator secret as a QR code (otpauth URI) and as text, with a copy button. The
 * secret lives only in this page's memory for the duration of the step.
 */
export function MfaSetupPanel({ username, secret }: Props) {
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(otpauthUri('poolkeeper', username, secret), { margin: 1, width: 192 }).then(
      (url) => live && setQr(url),
      () => live && setQr(null),
    );
    return () => {
      live = false;
    };
  }, [username, secret]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <Stack spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2">
        Scan this code with an authenticator app (Google Authenticator, 1Password, Authy…), or type the key
        below into it. Then enter the 6-digit code the app shows.
      </Typography>
      {qr ? (
        <Box
          component="img"
          src={qr}
          width={192}
          height={192}
          alt={`QR code that adds the poolkeeper account ${username} to an authenticator app`}
          data-testid="mfa-setup-qr"
        />
      ) : (
        <Box sx={{ width: 192, height: 192 }} role="img" aria-label="QR code loading" />
      )}
      <Typography variant="body2" component="p" id="mfa-setup-secret-label">
        Setup key
      </Typography>
      <Typography
        component="code"
        aria-labelledby="mfa-setup-secret-label"
        data-testid="mfa-setup-secret"
        data-secret={secret}
        sx={{ fontFamily: 'monospace', wordBreak: 'break-all', textAlign: 'center' }}
      >
        {grouped(secret)}
      </Typography>
      <Button size="small" onClick={copy}>
        {copied ? 'Setup key copied' : 'Copy setup key'}
      </Button>
    </Stack>
  );
}
