/**
 * next-intl's types for this app: a message key that is not in the English catalogue,
 * or a locale the routing does not serve, is a compile error. English is the reference
 * catalogue; tests/messages.test.ts keeps every other locale at exactly its keys.
 */
import type { routing } from "./routing";
import type messages from "../messages/en.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
