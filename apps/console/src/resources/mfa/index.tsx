import { RequirePermission } from '../../common/require-permission';
import { PoolScope } from '../pools/pool-scope';
import { PoolMfaSettings } from './pool-mfa-settings';

/** `#/pools/<poolId>/mfa`: the pool's MFA settings, for every role that reads pools. */
export function PoolMfaSettingsPage() {
  return (
    <PoolScope>
      <RequirePermission permission="pools.read" title="MFA settings">
        <PoolMfaSettings />
      </RequirePermission>
    </PoolScope>
  );
}
