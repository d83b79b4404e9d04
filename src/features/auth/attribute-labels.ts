/** Human names for Cognito's standard attributes; custom ones lose their `custom:` prefix. */
const STANDARD: Record<string, string> = {
  name: 'Full name',
  given_name: 'Given name',
  family_name: 'Family name',
  middle_name: 'Middle name',
  nickname: 'Nickname',
  preferred_username: 'Preferred username',
  email: 'Email address',
  phone_number: 'Phone number',
  birthdate: 'Birth date',
  gender: 'Gender',
  locale: 'Locale',
  zoneinfo: 'Time zone',
  address: 'Address',
  picture: 'Picture URL',
  profile: 'Profile URL',
  website: 'Website',
};

export function attributeLabel(name: string): string {
  const known = STANDARD[name];
  if (known) return known;
  const bare = name.replace(/^custom:/, '').replace(/[_-]+/g, ' ').trim();
  return bare ? bare[0]!.toUpperCase() + bare.slice(1) : name;
}
