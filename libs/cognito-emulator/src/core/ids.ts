import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** `<region>_<9 alphanumerics>`, the shape of a real user pool id. */
export const newUserPoolId = (region: string) => `${region}_${randomFrom(ALNUM, 9)}`;

/** 26 lowercase alphanumerics, the shape of a real app client id. */
export const newClientId = () => randomFrom(LOWER_ALNUM, 26);

export const newClientSecret = () => randomFrom(LOWER_ALNUM, 51);

export const uuid = () => randomUUID();

/** An opaque, unguessable token (base64url of 48 random bytes). */
export const opaqueToken = () => randomBytes(48).toString('base64url');

export const ACCOUNT_ID = '000000000000';
