/**
 * An engine failure with a translatable code. Thrown inside the engine where a rule or
 * rate is missing, caught once in `quoteLandedCost` and returned as a result.
 */
import type { FieldPath, QuoteError, QuoteErrorCode } from "./types";

export class TradeRuleError extends Error {
  constructor(
    readonly code: QuoteErrorCode,
    readonly path: FieldPath,
    readonly params?: Record<string, string>,
  ) {
    super(`${code} at ${path.join(".") || "(root)"}`);
    this.name = "TradeRuleError";
  }

  toQuoteError(): QuoteError {
    return this.params ? { code: this.code, path: this.path, params: this.params } : { code: this.code, path: this.path };
  }
}

export function quoteError(code: QuoteErrorCode, path: FieldPath, params?: Record<string, string>): QuoteError {
  return params ? { code, path, params } : { code, path };
}
