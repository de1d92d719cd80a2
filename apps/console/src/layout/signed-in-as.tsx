import { Box, Typography } from '@mui/material';
import { useGetIdentity } from 'react-admin';

/** Who is signed in and with which role(s), always visible in the app bar. */
export function SignedInAs() {
  const { identity } = useGetIdentity();
  if (!identity) return null;
  const roles = Array.isArray(identity['roles']) ? (identity['roles'] as string[]) : [];
  return (
    <Box sx={{ mx: 1, textAlign: 'right', lineHeight: 1.1 }}>
      <Typography variant="body2" component="div" data-testid="signed-in-username">
        {identity.fullName}
      </Typography>
      <Typography variant="caption" component="div" sx={{ opacity: 0.8 }} data-testid="signed-in-roles">
        {roles.length ? roles.join(', ') : 'no role'}
      </Typography>
    </Box>
  );
}
