import {
  Alert,
  Box,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { SamlMetadataSummary } from '@poolkeeper/contract';
import { formatDateTime } from '../../common/date-time-field';
import { certificateStatus, daysLeft, expiringSoonDays, type CertificateStatus } from './certificate-status';

const statusChip: Record<
  CertificateStatus,
  { label: string; color: 'error' | 'warning' | 'success' | 'default' }
> = {
  expired: { label: 'Expired', color: 'error' },
  'expiring-soon': { label: 'Expires soon', color: 'warning' },
  valid: { label: 'Valid', color: 'success' },
  unknown: { label: 'Unreadable', color: 'default' },
};

/**
 * What the SAML metadata says (entity id, SSO endpoints, certificates with their expiry), and a warning
 * when a certificate has expired or expires within 30 days: sign-ins fail once the IdP's certificate lapses.
 */
export function SamlMetadataView({
  metadata,
  now = new Date(),
}: {
  metadata: SamlMetadataSummary;
  now?: Date;
}) {
  const statuses = metadata.certificates.map((cert) => certificateStatus(cert, now));
  const expired = statuses.filter((s) => s === 'expired').length;
  const soon = statuses.filter((s) => s === 'expiring-soon').length;
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      <Box>
        <Typography variant="caption" color="text.secondary" component="p">
          Entity id
        </Typography>
        <Typography
          variant="body2"
          sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
          data-testid="saml-entity-id"
        >
          {metadata.entityId ?? 'Not found in the metadata'}
        </Typography>
      </Box>
      {metadata.ssoUrls.length > 0 && (
        <Box>
          <Typography variant="caption" color="text.secondary" component="p">
            Single sign-on URL{metadata.ssoUrls.length > 1 ? 's' : ''}
          </Typography>
          {metadata.ssoUrls.map((url) => (
            <Typography key={url} variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
              {url}
            </Typography>
          ))}
        </Box>
      )}
      {expired > 0 && (
        <Alert severity="error" role="alert">
          {expired === 1 ? 'A certificate has expired' : `${expired} certificates have expired`}: sign-ins
          through this provider fail until the IdP publishes a new certificate and the metadata is updated.
        </Alert>
      )}
      {soon > 0 && (
        <Alert severity="warning" role="status">
          {soon === 1 ? 'A certificate expires' : `${soon} certificates expire`} within {expiringSoonDays}{' '}
          days: update the metadata once the IdP has rolled its certificate over.
        </Alert>
      )}
      {metadata.certificates.length === 0 ? (
        <Typography variant="body2">The metadata carries no certificate.</Typography>
      ) : (
        <Table size="small" aria-label="Certificates" sx={{ maxWidth: 820 }}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Subject
              </TableCell>
              <TableCell component="th" scope="col">
                Use
              </TableCell>
              <TableCell component="th" scope="col">
                Valid from
              </TableCell>
              <TableCell component="th" scope="col">
                Expires
              </TableCell>
              <TableCell component="th" scope="col">
                Status
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {metadata.certificates.map((cert, index) => {
              const status = statuses[index] ?? 'unknown';
              const days = daysLeft(cert, now);
              return (
                <TableRow key={`${cert.subject ?? ''}-${cert.notAfter ?? index}`}>
                  <TableCell sx={{ wordBreak: 'break-all' }}>{cert.subject ?? '—'}</TableCell>
                  <TableCell>{cert.use ?? 'signing and encryption'}</TableCell>
                  <TableCell>{formatDateTime(cert.notBefore) ?? '—'}</TableCell>
                  <TableCell>
                    {cert.notAfter ? (
                      <time dateTime={cert.notAfter} title={cert.notAfter}>
                        {formatDateTime(cert.notAfter)}
                      </time>
                    ) : (
                      '—'
                    )}
                    {days !== null && days >= 0 && (
                      <Typography variant="caption" component="span" color="text.secondary" sx={{ ml: 1 }}>
                        (in {days} days)
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <Chip size="small" label={statusChip[status].label} color={statusChip[status].color} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
