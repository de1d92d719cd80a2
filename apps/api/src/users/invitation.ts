import type { InvitationSent } from '@poolkeeper/contract';

type Medium = InvitationSent['mediums'][number];

/** The attribute each invitation medium goes to (AdminCreateUser DesiredDeliveryMediums). */
export const mediumAttribute: Readonly<Record<Medium, 'email' | 'phone_number'>> = {
  EMAIL: 'email',
  SMS: 'phone_number',
};

/** Where an invitation can go for a user with these attributes: email first, then SMS. */
export function invitationDestinations(attributes: Record<string, string>): {
  mediums: Medium[];
  destinations: string[];
} {
  const mediums = (['EMAIL', 'SMS'] as const).filter((m) => Boolean(attributes[mediumAttribute[m]]));
  return { mediums: [...mediums], destinations: mediums.map((m) => attributes[mediumAttribute[m]]!) };
}
