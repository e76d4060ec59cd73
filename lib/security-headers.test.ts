import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, paymentPageOrigins } from "./security-headers";

describe("content security policy", () => {
  it("lets the checkout form hand over to the payment page only", () => {
    const policy = contentSecurityPolicy({ development: false, paymentPages: ["https://checkout.stripe.com"] });
    expect(policy).toContain("form-action 'self' https://checkout.stripe.com;");
    expect(contentSecurityPolicy({ development: false })).toContain("form-action 'self';");
  });

  it("names Stripe's hosted page with a Stripe key, the local sandbox without", () => {
    expect(paymentPageOrigins({ STRIPE_SECRET_KEY: "sk_test_x" })).toEqual(["https://checkout.stripe.com"]);
    expect(paymentPageOrigins({})).toEqual(["http://127.0.0.1:12111"]);
    expect(paymentPageOrigins({ STRIPE_SANDBOX_URL: "http://127.0.0.1:4010/" })).toEqual(["http://127.0.0.1:4010"]);
    expect(paymentPageOrigins({ STRIPE_SANDBOX_URL: "not a url" })).toEqual([]);
  });
});
