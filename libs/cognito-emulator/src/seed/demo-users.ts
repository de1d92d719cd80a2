/** Deterministic, realistic demo users for the "Acme Customers" pool. */

export type DemoStatus = 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED' | 'DISABLED';

export interface DemoUser {
  username: string;
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  tenant: string;
  plan: 'free' | 'pro' | 'enterprise';
  status: DemoStatus;
  groups: string[];
}

/** mulberry32: a small seeded PRNG, so every seed run produces the same users. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'olivia',
  'liam',
  'emma',
  'noah',
  'ava',
  'oliver',
  'sophia',
  'elijah',
  'isabella',
  'james',
  'mia',
  'william',
  'amelia',
  'benjamin',
  'harper',
  'lucas',
  'evelyn',
  'henry',
  'abigail',
  'alexander',
  'emily',
  'daniel',
  'ella',
  'matthew',
  'aria',
  'samuel',
  'chloe',
  'david',
  'zoe',
  'joseph',
  'nora',
  'jack',
  'hannah',
  'owen',
  'leah',
  'wyatt',
  'priya',
  'arjun',
  'mei',
  'hiroshi',
  'fatima',
  'omar',
  'sofia',
  'mateo',
  'chen',
  'amara',
  'kwame',
  'ingrid',
];
const LAST = [
  'martin',
  'smith',
  'johnson',
  'williams',
  'brown',
  'jones',
  'garcia',
  'miller',
  'davis',
  'rodriguez',
  'martinez',
  'hernandez',
  'lopez',
  'gonzalez',
  'wilson',
  'anderson',
  'thomas',
  'taylor',
  'moore',
  'jackson',
  'lee',
  'perez',
  'thompson',
  'white',
  'harris',
  'sanchez',
  'clark',
  'ramirez',
  'lewis',
  'robinson',
  'walker',
  'young',
  'allen',
  'king',
  'wright',
  'scott',
  'nguyen',
  'patel',
  'kim',
  'tanaka',
  'schmidt',
  'rossi',
  'dubois',
  'okafor',
  'larsen',
];
export const TENANTS = ['acme-retail', 'acme-health', 'acme-finance', 'acme-logistics', 'acme-education'];
export const DEMO_GROUPS = ['beta-testers', 'support-escalations', 'enterprise-admins'];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** Hand-written users with characters that exercise search escaping. */
function trickyUsers(): DemoUser[] {
  const base = { tenant: 'acme-retail', plan: 'pro' as const, status: 'CONFIRMED' as const, groups: [] };
  return [
    {
      ...base,
      username: 'siobhan.obrien',
      givenName: 'Siobhan',
      familyName: "O'Brien",
      email: 'siobhan.obrien@example.com',
      phone: '+15550100001',
    },
    {
      ...base,
      username: 'liam.chen.billing',
      givenName: 'Liam',
      familyName: 'Chen',
      email: 'liam.chen+billing@example.com',
      phone: '+15550100002',
      tenant: 'acme-finance',
    },
    {
      ...base,
      username: 'sam.lee',
      givenName: 'Samuel "Sam"',
      familyName: 'Lee',
      email: 'sam.lee@example.com',
      phone: '+15550100003',
      plan: 'enterprise',
      groups: ['enterprise-admins'],
    },
    {
      ...base,
      username: 'back.slash',
      givenName: 'Back\\Slash',
      familyName: 'Tester',
      email: 'back.slash@example.com',
      phone: '+15550100004',
      plan: 'free',
    },
  ];
}

export function displayName(u: DemoUser): string {
  return `${u.givenName} ${u.familyName}`;
}

export function generateDemoUsers(count: number, seed = 20261201): DemoUser[] {
  const rand = prng(seed);
  const users = trickyUsers().slice(0, count);
  const usernames = new Set(users.map((u) => u.username));
  const emails = new Set(users.map((u) => u.email));
  while (users.length < count) {
    const first = pick(rand, FIRST);
    const last = pick(rand, LAST);
    const n = Math.floor(rand() * 100);
    const username = `${first}.${last}${n}`;
    if (usernames.has(username)) continue;
    const variants = [
      `${first}.${last}@example.com`,
      `${first}${last}@example.com`,
      `${first[0]}.${last}@example.com`,
      `${first}.${last}${n}@example.com`,
    ];
    const email = variants.find((e) => !emails.has(e)) ?? `${username}@example.com`;
    if (emails.has(email)) continue;
    usernames.add(username);
    emails.add(email);
    const r = rand();
    const status: DemoStatus =
      r < 0.1 ? 'FORCE_CHANGE_PASSWORD' : r < 0.15 ? 'RESET_REQUIRED' : r < 0.2 ? 'DISABLED' : 'CONFIRMED';
    const p = rand();
    const plan = p < 0.6 ? 'free' : p < 0.9 ? 'pro' : 'enterprise';
    const groups: string[] = [];
    if (rand() < 0.12) groups.push('beta-testers');
    if (rand() < 0.04) groups.push('support-escalations');
    if (plan === 'enterprise' && rand() < 0.3) groups.push('enterprise-admins');
    const phone = `+1555${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`;
    users.push({
      username,
      givenName: cap(first),
      familyName: cap(last),
      email,
      phone,
      tenant: pick(rand, TENANTS),
      plan,
      status,
      groups,
    });
  }
  return users;
}
