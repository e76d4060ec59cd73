import "server-only";
import type { Locale } from "@/lib/domain/markets";
import ar from "@/messages/ar.json";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import ja from "@/messages/ja.json";
import ptBR from "@/messages/pt-BR.json";
import zhCN from "@/messages/zh-CN.json";

/**
 * Every locale's messages, for texts made outside a page render (emails, the names of
 * charge lines on the payment page), where next-intl's request-bound helpers are not
 * available: pass them to use-intl's `createTranslator`.
 */
export type Messages = typeof en;

export const CATALOGUES: Record<Locale, Messages> = { en, de, fr, es, ja, "zh-CN": zhCN, ar, "pt-BR": ptBR };
