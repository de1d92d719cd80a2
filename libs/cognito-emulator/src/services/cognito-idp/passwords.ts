import { hashPassword } from '../../core/password-hash';
import { createVerifier, srpPoolName } from '../../core/srp';
import type { User, UserPool } from '../../state/model';

/**
 * Sets a user's password: its scrypt hash (USER_PASSWORD_AUTH) and its SRP salt and verifier (USER_SRP_AUTH),
 * never the password itself. Computed before the caller mutates anything else, so a failure changes nothing.
 */
export async function setPassword(pool: UserPool, user: User, password: string, now: number): Promise<void> {
  const hash = await hashPassword(password);
  const srp = createVerifier(srpPoolName(pool.id), user.username, password);
  user.passwordHash = hash;
  user.srp = srp;
  user.passwordSetAt = now;
}
