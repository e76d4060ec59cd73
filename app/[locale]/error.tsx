"use client";

import { Unavailable } from "@/components/errors/unavailable";

/** Errors in the shop layout itself (header or footer could not load). */
export default function LocaleError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="container">
      <Unavailable {...props} />
    </main>
  );
}
