/** Stripe's error envelope: `{ error: { type, code, message, param, ... } }` with the matching HTTP status. */

export type StripeErrorType =
  | "invalid_request_error"
  | "card_error"
  | "idempotency_error"
  | "api_error"
  | "authentication_error";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly fields: { code?: string; param?: string; decline_code?: string; [key: string]: unknown } = {},
    /** Raised while reading parameters: Stripe stores no idempotent result for these. */
    readonly validation = false,
  ) {
    super(message);
  }

  body(): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = { type: this.type, message: this.message, ...this.fields };
    if (typeof this.fields.code === "string") {
      error.doc_url = `https://stripe.com/docs/error-codes/${this.fields.code.replace(/_/g, "-")}`;
    }
    return { error };
  }
}

export function invalid(message: string, param?: string, code?: string): ApiError {
  return new ApiError(400, "invalid_request_error", message, { ...(code ? { code } : {}), ...(param ? { param } : {}) });
}

export function paramError(message: string, param: string, code: string): ApiError {
  return new ApiError(400, "invalid_request_error", message, { code, param }, true);
}

export function missing(objectName: string, id: string, param: string): ApiError {
  return new ApiError(404, "invalid_request_error", `No such ${objectName}: '${id}'`, { code: "resource_missing", param });
}
