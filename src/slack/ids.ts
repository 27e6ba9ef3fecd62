// Every Slack identifier the app registers or renders, in one place.
export const SLASH_COMMAND = '/winback';
