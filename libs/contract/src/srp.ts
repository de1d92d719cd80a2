/**
 * The public facts of Cognito's USER_SRP_AUTH (SRP-6a) that both the local Cognito (server side) and the
 * console (client side) depend on. One place each (house rule 13); the math lives with each side.
 * Reference: amazon-cognito-identity-js (AuthenticationHelper, DateHelper) and the InitiateAuth /
 * RespondToAuthChallenge API reference (PASSWORD_VERIFIER: SRP_A, SRP_B, SALT, SECRET_BLOCK, TIMESTAMP,
 * PASSWORD_CLAIM_SECRET_BLOCK, PASSWORD_CLAIM_SIGNATURE).
 */

/** The RFC 3526 / RFC 5054 3072-bit MODP group Cognito uses (g = 2). */
export const SRP_N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74' +
  '020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437' +
  '4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05' +
  '98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB' +
  '9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718' +
  '3995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33' +
  'A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864' +
  'D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E2' +
  '08E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

/** The generator of the group. */
export const SRP_G_HEX = '2';

/** HKDF `info` of the session key (then one 0x01 byte; 16 bytes of output). */
export const SRP_HKDF_INFO = 'Caldera Derived Key';

/** Length in bytes of the derived session key. */
export const SRP_KEY_BYTES = 16;

/** The pool name SRP hashes: the pool id without its Region (`us-east-1_AbC` → `AbC`). */
export const srpPoolName = (poolId: string) => poolId.slice(poolId.indexOf('_') + 1);

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * TIMESTAMP as the SDKs write it: "ddd MMM D HH:mm:ss UTC YYYY" (day not zero-padded), e.g.
 * "Tue Sep 3 08:05:09 UTC 2024".
 */
export const SRP_TIMESTAMP =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9] UTC [0-9]{4}$/;

/** The TIMESTAMP of an instant, in the format above (what amazon-cognito-identity-js's DateHelper writes). */
export function srpTimestamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`;
  return `${DAYS[at.getUTCDay()]} ${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()} ${time} UTC ${at.getUTCFullYear()}`;
}
