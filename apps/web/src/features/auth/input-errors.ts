import type { TFunction } from "i18next";
import type { InputError } from "../../ui/form-errors.ts";

/**
 * The API explains bad input in English only (with `extensions.field`, no stable reason code),
 * so the messages it is known to send are recognised and translated; any other is shown as sent.
 */
const KNOWN_MESSAGES = [
  [/username is taken/i, "usernameTaken"],
  [/^Invalid username/i, "usernameFormat"],
  [/^Invalid displayName/i, "displayNameLength"],
  [/^Invalid (password|newPassword)/i, "passwordLength"],
  [/secretary's unit must be a cell/i, "secretaryNeedsCell"],
  [/no longer exists/i, "unitDissolved"],
  [/No such unit|must be an id returned by the API/i, "unitUnknown"],
  [/current password is wrong/i, "currentPasswordWrong"],
  [/different from the current/i, "samePassword"],
  [/cannot disable or demote your own account/i, "selfDemote"],
] as const;

export function describeInputError(t: TFunction, error: InputError): string {
  for (const [pattern, key] of KNOWN_MESSAGES) {
    if (pattern.test(error.message)) return t(`auth.inputErrors.${key}`);
  }
  return error.message;
}
