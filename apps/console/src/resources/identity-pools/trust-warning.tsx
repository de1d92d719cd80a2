import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';

/**
 * A role's trust-policy problem, with the fix: the trust policy AWS's guide gives for this identity pool
 * (`cognito-identity.amazonaws.com`, `aud` = the pool, `amr` authenticated or unauthenticated) as JSON to
 * paste into IAM, and a button that copies it.
 */
export function TrustWarning({ message, fixPolicy }: { message: string; fixPolicy?: unknown }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const json = fixPolicy === undefined ? null : JSON.stringify(fixPolicy, null, 2);
  const copy = async () => {
    if (!json) return;
    try {
      await navigator.clipboard.writeText(json);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Alert severity="warning" role="alert" sx={{ mt: 1 }}>
      <AlertTitle>The role does not trust this identity pool</AlertTitle>
      {message}
      {json && (
        <Box sx={{ mt: 1 }}>
          <Typography variant="body2" component="p">
            Fix: give the role this trust policy in IAM (UpdateAssumeRolePolicy).
          </Typography>
          <Box
            component="pre"
            aria-label="Trust policy that fixes it"
            tabIndex={0}
            sx={{
              m: 0,
              my: 1,
              p: 1,
              borderRadius: 1,
              bgcolor: 'action.hover',
              overflowX: 'auto',
              fontSize: 12,
            }}
          >
            {json}
          </Box>
          <Button size="small" color="inherit" startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
            Copy policy
          </Button>
          <Typography variant="caption" component="span" role="status" sx={{ ml: 1 }}>
            {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Copying failed: select the text.' : ''}
          </Typography>
        </Box>
      )}
    </Alert>
  );
}
