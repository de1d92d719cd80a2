import { Box, type SxProps, type Theme } from '@mui/material';
import type { IdentityPoolDetail } from '@poolkeeper/contract';
import { LabelledRows } from '../../common/responsive-list';

/**
 * The identity pool's Cognito user-pool providers on a narrow screen (below `md`, where the four-column
 * table is hidden): one labelled block per provider, so nothing is wider than a phone.
 */
export function NarrowProviders({ pool, sx }: { pool: IdentityPoolDetail; sx?: SxProps<Theme> }) {
  return (
    <Box
      component="ul"
      aria-label="User-pool providers"
      sx={[{ m: 0, p: 0, listStyle: 'none' }, ...(Array.isArray(sx) ? sx : [sx])]}
    >
      {pool.userPoolProviders.map((p) => (
        <Box component="li" key={p.mappingKey} sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
          <LabelledRows
            rows={[
              { label: 'User pool', value: p.userPoolId ?? p.providerName },
              {
                label: 'App client',
                value: (
                  <Box component="span" sx={{ fontFamily: 'monospace' }}>
                    {p.clientId}
                  </Box>
                ),
              },
              { label: 'Server-side token check', value: p.serverSideTokenCheck ? 'Yes' : 'No' },
              { label: 'Managed by poolkeeper', value: p.managed ? 'Yes' : 'No' },
            ]}
          />
        </Box>
      ))}
    </Box>
  );
}
