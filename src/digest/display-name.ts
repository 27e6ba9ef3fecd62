const MAX = 120;

/** What the team calls a customer, cut to a length that keeps digest lines readable. */
export function displayNameOf(account: {
  company: string | null;
  name: string | null;
  contactName: string | null;
  externalId: string;
}) {
  const name = account.company?.trim() || account.name?.trim() || account.contactName?.trim() || account.externalId;
  // A trailing high surrogate is half an emoji; encoded, it fuses with the ellipsis into another character.
  return name.length > MAX ? `${name.slice(0, MAX - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : name;
}
