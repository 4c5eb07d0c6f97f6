/**
 * Where an owner's reminders go. Owners are named by their user id (the token's subject); the
 * register holds no other address for them. An id that is an e-mail address, as a region's
 * identity provider often issues, is used as it is; another gets the region's mail domain when
 * one is configured (REMINDER_MAIL_DOMAIN). Null: the owner cannot be reminded.
 */
export function reminderAddress(owner: string, mailDomain: string | undefined): string | null {
  if (/^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(owner)) return owner;
  if (mailDomain && /^[^@\s<>]+$/.test(owner)) return `${owner}@${mailDomain}`;
  return null;
}
