/**
 * The codes the media page translates: refusals (messages `panel.error.<CODE>`) and
 * notices after a change (messages `sellerMedia.done.<notice>`).
 */
export const MEDIA_ERROR_CODES = [
  "IMAGE_TYPE",
  "IMAGE_TOO_SMALL",
  "IMAGE_TOO_LARGE",
  "IMAGE_UNREADABLE",
  "IMAGE_LIMIT",
  "MEDIA_FILE_MISSING",
  "DIGITAL_FILE_TOO_LARGE",
  "NOT_DIGITAL",
  "LICENCE_KEYS_EMPTY",
  "LICENCE_KEYS_TOO_MANY",
  "LICENCE_KEY_INVALID",
  "ALT_TEXT_INVALID",
  "INVALID_INPUT",
  "SERVICE_BUSY",
  "RATE_LIMITED",
] as const;
export type MediaErrorCode = (typeof MEDIA_ERROR_CODES)[number];

export const MEDIA_NOTICES = ["imageUploaded", "imageDeleted", "imageMoved", "altSaved", "fileUploaded", "keysAdded"] as const;
export type MediaNotice = (typeof MEDIA_NOTICES)[number];

export const isMediaErrorCode = (value: string | null): value is MediaErrorCode => (MEDIA_ERROR_CODES as readonly (string | null)[]).includes(value);
export const isMediaNotice = (value: string | null): value is MediaNotice => (MEDIA_NOTICES as readonly (string | null)[]).includes(value);
