/**
 * The hosted pages: Checkout's payment page, the card authentication challenge and
 * Connect onboarding. Plain HTML forms, so they work without JavaScript and can be
 * driven by a test with fetch as well as by a browser.
 */
import { formatAmount } from "./currency";
import type { StripeObject } from "./state";

type Labels = {
  test: string;
  testNote: string;
  total: string;
  qty: string;
  card: string;
  cardNumber: string;
  expiry: string;
  cvc: string;
  name: string;
  email: string;
  pay: string;
  bank: string;
  bankOutcome: string;
  succeeds: string;
  fails: string;
  cancel: string;
  declined: string;
  expired: string;
  complete: string;
};

const LABELS: Record<string, Labels> = {
  en: {
    test: "TEST PAYMENT", testNote: "Sandbox: no real money moves. Use a Stripe test card.", total: "Total", qty: "Qty",
    card: "Card", cardNumber: "Card number", expiry: "Expiry (MM/YY)", cvc: "CVC", name: "Name on card", email: "Email",
    pay: "Pay", bank: "Bank transfer (test)", bankOutcome: "Test outcome", succeeds: "Funds arrive", fails: "Funds never arrive",
    cancel: "Cancel and go back", declined: "Your card was declined.", expired: "This checkout session has expired.", complete: "This payment is complete.",
  },
  de: {
    test: "TESTZAHLUNG", testNote: "Sandbox: Es fließt kein echtes Geld. Verwenden Sie eine Stripe-Testkarte.", total: "Gesamt", qty: "Menge",
    card: "Karte", cardNumber: "Kartennummer", expiry: "Ablaufdatum (MM/JJ)", cvc: "Prüfnummer", name: "Name auf der Karte", email: "E-Mail",
    pay: "Bezahlen", bank: "Banküberweisung (Test)", bankOutcome: "Testergebnis", succeeds: "Geld kommt an", fails: "Geld kommt nie an",
    cancel: "Abbrechen und zurück", declined: "Ihre Karte wurde abgelehnt.", expired: "Diese Bezahlsitzung ist abgelaufen.", complete: "Diese Zahlung ist abgeschlossen.",
  },
  fr: {
    test: "PAIEMENT DE TEST", testNote: "Bac à sable : aucun argent réel ne circule. Utilisez une carte de test Stripe.", total: "Total", qty: "Qté",
    card: "Carte", cardNumber: "Numéro de carte", expiry: "Expiration (MM/AA)", cvc: "CVC", name: "Nom sur la carte", email: "E-mail",
    pay: "Payer", bank: "Virement bancaire (test)", bankOutcome: "Résultat du test", succeeds: "Les fonds arrivent", fails: "Les fonds n’arrivent jamais",
    cancel: "Annuler et revenir", declined: "Votre carte a été refusée.", expired: "Cette session de paiement a expiré.", complete: "Ce paiement est terminé.",
  },
  es: {
    test: "PAGO DE PRUEBA", testNote: "Entorno de pruebas: no se mueve dinero real. Usa una tarjeta de prueba de Stripe.", total: "Total", qty: "Cant.",
    card: "Tarjeta", cardNumber: "Número de tarjeta", expiry: "Caducidad (MM/AA)", cvc: "CVC", name: "Nombre en la tarjeta", email: "Correo electrónico",
    pay: "Pagar", bank: "Transferencia bancaria (prueba)", bankOutcome: "Resultado de la prueba", succeeds: "Los fondos llegan", fails: "Los fondos nunca llegan",
    cancel: "Cancelar y volver", declined: "Tu tarjeta ha sido rechazada.", expired: "Esta sesión de pago ha caducado.", complete: "Este pago se ha completado.",
  },
  ja: {
    test: "テスト決済", testNote: "サンドボックス：実際のお金は動きません。Stripe のテストカードを使ってください。", total: "合計", qty: "数量",
    card: "カード", cardNumber: "カード番号", expiry: "有効期限 (MM/YY)", cvc: "セキュリティコード", name: "カード名義", email: "メールアドレス",
    pay: "支払う", bank: "銀行振込（テスト）", bankOutcome: "テスト結果", succeeds: "入金される", fails: "入金されない",
    cancel: "キャンセルして戻る", declined: "カードが拒否されました。", expired: "この決済セッションは期限切れです。", complete: "この支払いは完了しています。",
  },
  zh: {
    test: "测试付款", testNote: "沙盒：不会产生真实资金流动。请使用 Stripe 测试卡。", total: "合计", qty: "数量",
    card: "银行卡", cardNumber: "卡号", expiry: "有效期 (MM/YY)", cvc: "安全码", name: "持卡人姓名", email: "电子邮件",
    pay: "付款", bank: "银行转账（测试）", bankOutcome: "测试结果", succeeds: "资金到账", fails: "资金未到账",
    cancel: "取消并返回", declined: "您的卡被拒绝了。", expired: "此结账会话已过期。", complete: "此付款已完成。",
  },
  ar: {
    test: "دفعة تجريبية", testNote: "بيئة تجريبية: لا تنتقل أموال حقيقية. استخدم بطاقة اختبار من Stripe.", total: "الإجمالي", qty: "الكمية",
    card: "بطاقة", cardNumber: "رقم البطاقة", expiry: "تاريخ الانتهاء (MM/YY)", cvc: "رمز الأمان", name: "الاسم على البطاقة", email: "البريد الإلكتروني",
    pay: "ادفع", bank: "تحويل بنكي (تجريبي)", bankOutcome: "نتيجة الاختبار", succeeds: "تصل الأموال", fails: "لا تصل الأموال",
    cancel: "إلغاء والعودة", declined: "تم رفض بطاقتك.", expired: "انتهت صلاحية جلسة الدفع هذه.", complete: "اكتمل هذا الدفع.",
  },
  "pt-BR": {
    test: "PAGAMENTO DE TESTE", testNote: "Sandbox: nenhum dinheiro real é movimentado. Use um cartão de teste da Stripe.", total: "Total", qty: "Qtd.",
    card: "Cartão", cardNumber: "Número do cartão", expiry: "Validade (MM/AA)", cvc: "CVC", name: "Nome no cartão", email: "E-mail",
    pay: "Pagar", bank: "Transferência bancária (teste)", bankOutcome: "Resultado do teste", succeeds: "O dinheiro chega", fails: "O dinheiro nunca chega",
    cancel: "Cancelar e voltar", declined: "Seu cartão foi recusado.", expired: "Esta sessão de pagamento expirou.", complete: "Este pagamento foi concluído.",
  },
};

const RTL = new Set(["ar"]);

/** The page language: the session's locale, or with `auto`/none the buyer's Accept-Language, as Checkout does. */
export function pageLocale(sessionLocale: string | null, acceptLanguage: string | undefined): string {
  const candidates: string[] = [];
  if (sessionLocale && sessionLocale !== "auto") candidates.push(sessionLocale);
  else if (acceptLanguage) {
    for (const part of acceptLanguage.split(",")) {
      const tag = part.split(";")[0]?.trim();
      if (tag) candidates.push(tag);
    }
  }
  for (const tag of candidates) {
    if (LABELS[tag]) return tag;
    if (/^pt(-|$)/i.test(tag)) return "pt-BR";
    const base = tag.split("-")[0]?.toLowerCase() ?? "";
    if (LABELS[base]) return base;
  }
  return "en";
}

export function escapeHtml(text: unknown): string {
  return String(text ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.test{background:#ffde92;color:#5c3c00;padding:.5rem .75rem;border-radius:6px;font-weight:700}
table{width:100%;border-collapse:collapse;margin:1rem 0}td{padding:.35rem 0;border-bottom:1px solid #ddd}
td.n{text-align:end;white-space:nowrap}tr.total td{font-weight:700;border-bottom:0}
fieldset{border:1px solid #ccc;border-radius:6px;margin:1rem 0}label{display:block;margin:.5rem 0}
input,select{display:block;width:100%;padding:.4rem;box-sizing:border-box;font:inherit}
input[type=radio]{display:inline;width:auto}button{font:inherit;padding:.6rem 1.2rem;margin:.25rem 0}
.error{background:#fde2e1;color:#8a1c14;padding:.5rem .75rem;border-radius:6px}`;

function page(locale: string, title: string, body: string): string {
  const dir = RTL.has(locale) ? "rtl" : "ltr";
  return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body>
</html>`;
}

export interface PaymentPageInput {
  session: StripeObject;
  lineItems: StripeObject[];
  locale: string;
  error?: string;
  notice?: "expired" | "complete";
  values?: Record<string, string>;
}

export function paymentPage({ session, lineItems, locale, error, notice, values = {} }: PaymentPageInput): string {
  const t = LABELS[locale] ?? (LABELS.en as Labels);
  const currency = session.currency as string;
  const rows = lineItems
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.description)} <small>× ${escapeHtml(item.quantity)}</small></td><td class="n">${escapeHtml(formatAmount(item.amount_total as number, currency, locale))}</td></tr>`,
    )
    .join("");
  const summary = `<p class="test" role="note">${escapeHtml(t.test)}</p><p>${escapeHtml(t.testNote)}</p>
<table aria-label="${escapeHtml(t.total)}">${rows}<tr class="total"><td>${escapeHtml(t.total)}</td><td class="n" data-total>${escapeHtml(formatAmount(session.amount_total as number, currency, locale))}</td></tr></table>`;
  const id = escapeHtml(session.id);
  const cancel = session.cancel_url ? `<p><a href="/pay/${id}/cancel">${escapeHtml(t.cancel)}</a></p>` : "";
  if (notice) {
    return page(locale, t.test, `${summary}<p class="error" role="alert">${escapeHtml(notice === "expired" ? t.expired : t.complete)}</p>`);
  }
  const v = (key: string) => escapeHtml(values[key] ?? "");
  const email = values.email ?? (session.customer_email as string | null) ?? "";
  const form = `<form method="post" action="/pay/${id}">
<fieldset><legend><label><input type="radio" name="payment_method" value="card" checked> ${escapeHtml(t.card)}</label></legend>
<label>${escapeHtml(t.cardNumber)}<input name="card_number" inputmode="numeric" autocomplete="cc-number" value="${v("card_number")}" placeholder="4242 4242 4242 4242"></label>
<label>${escapeHtml(t.expiry)}<input name="card_expiry" autocomplete="cc-exp" value="${v("card_expiry")}" placeholder="12/34"></label>
<label>${escapeHtml(t.cvc)}<input name="card_cvc" inputmode="numeric" autocomplete="cc-csc" value="${v("card_cvc")}" placeholder="123"></label>
<label>${escapeHtml(t.name)}<input name="name" autocomplete="cc-name" value="${v("name")}"></label>
</fieldset>
<fieldset><legend><label><input type="radio" name="payment_method" value="bank_transfer"> ${escapeHtml(t.bank)}</label></legend>
<label>${escapeHtml(t.bankOutcome)}<select name="bank_outcome"><option value="succeeded">${escapeHtml(t.succeeds)}</option><option value="failed">${escapeHtml(t.fails)}</option></select></label>
</fieldset>
<label>${escapeHtml(t.email)}<input name="email" type="email" autocomplete="email" value="${escapeHtml(email)}"></label>
<button type="submit">${escapeHtml(t.pay)} ${escapeHtml(formatAmount(session.amount_total as number, currency, locale))}</button>
</form>`;
  const alert = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : "";
  return page(locale, `${t.test}: ${formatAmount(session.amount_total as number, currency, locale)}`, `${summary}${alert}${form}${cancel}`);
}

/** Localised decline text for the page; the API objects keep Stripe's English messages. */
export function declinedText(locale: string): string {
  return (LABELS[locale] ?? (LABELS.en as Labels)).declined;
}

export function challengePage(sessionId: string, amount: string): string {
  return page(
    "en",
    "3D Secure test authentication",
    `<p class="test" role="note">TEST PAYMENT</p><h1>Authenticate this test payment</h1>
<p>Your bank asks you to confirm a payment of ${escapeHtml(amount)}. This is a test page: choose the outcome.</p>
<form method="post" action="/pay/${escapeHtml(sessionId)}/authenticate"><input type="hidden" name="outcome" value="approve"><button type="submit">Complete authentication</button></form>
<form method="post" action="/pay/${escapeHtml(sessionId)}/authenticate"><input type="hidden" name="outcome" value="fail"><button type="submit">Fail authentication</button></form>`,
  );
}

export function onboardingPage(token: string, account: StripeObject): string {
  return page(
    "en",
    "Test onboarding",
    `<p class="test" role="note">TEST ONBOARDING</p><h1>Set up payouts for ${escapeHtml((account.business_profile as Record<string, unknown> | null)?.name ?? account.id)}</h1>
<p>This sandbox page stands in for Stripe's hosted onboarding. No details are collected.</p>
<form method="post" action="/connect/onboarding/${escapeHtml(token)}"><input type="hidden" name="action" value="submit"><button type="submit">Submit test details</button></form>
<form method="post" action="/connect/onboarding/${escapeHtml(token)}"><input type="hidden" name="action" value="leave"><button type="submit">Leave without finishing</button></form>`,
  );
}

export function messagePage(title: string, text: string): string {
  return page("en", title, `<p class="test" role="note">TEST</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`);
}
