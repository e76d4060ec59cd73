import Link from "next/link";
import "./globals.css";

/** Fallback for paths outside any locale (the proxy normally redirects those first). */
export default function GlobalNotFound() {
  return (
    <html lang="en" dir="ltr">
      <body>
        <main className="container narrow">
          <h1>Page not found</h1>
          <p>
            <Link href="/">Caravan home</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
