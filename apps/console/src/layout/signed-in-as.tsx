import { useId, useState } from 'react';
import { Box, Button, Divider, ListItemIcon, Menu, MenuItem, Typography } from '@mui/material';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import LogoutIcon from '@mui/icons-material/Logout';
import { useGetIdentity, useLogout } from 'react-admin';

/** Read by screen readers, not shown. */
const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * Who is signed in and with which role(s), always visible in the app bar; it opens the account menu
 * (sign out). Replaces react-admin's user menu, which showed the username a second time.
 */
export function SignedInAs() {
  const { identity } = useGetIdentity();
  const logout = useLogout();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!identity) return null;
  const roles = Array.isArray(identity['roles']) ? (identity['roles'] as string[]) : [];
  const roleText = roles.length ? roles.join(', ') : 'no role';
  return (
    <>
      <Button
        color="inherit"
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        startIcon={<AccountCircleIcon />}
        sx={{ textTransform: 'none', ml: 1, minWidth: 0, '& .MuiButton-startIcon': { mr: { xs: 0, sm: 1 } } }}
      >
        {/* Named by its content (no aria-label that could differ from what is seen, WCAG 2.5.3). */}
        <Box component="span" sx={srOnly}>
          Account:{' '}
        </Box>
        <Box component="span" sx={{ ...srOnly, display: { xs: 'inline', sm: 'none' } }}>
          {identity.fullName} ({roleText})
        </Box>
        <Box sx={{ textAlign: 'left', lineHeight: 1.15, display: { xs: 'none', sm: 'block' } }}>
          <Typography
            variant="body2"
            component="div"
            data-testid="signed-in-username"
            sx={{ fontWeight: 500 }}
          >
            {identity.fullName}
          </Typography>
          <Typography variant="caption" component="div" data-testid="signed-in-roles">
            {roleText}
          </Typography>
        </Box>
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ px: 2, py: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {identity.fullName}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            Role: {roleText}
          </Typography>
        </Box>
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            void logout();
          }}
        >
          <ListItemIcon>
            <LogoutIcon fontSize="small" />
          </ListItemIcon>
          Sign out
        </MenuItem>
      </Menu>
    </>
  );
}
