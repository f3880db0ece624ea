import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/shell/site-header";
import { ThemeProvider } from "@/components/shell/theme-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ClaimDesk", template: "%s · ClaimDesk" },
  description:
    "Review factual claims about China's AI ecosystem: the sources they cite and the entities they name.",
  // All in public/, drawn from icon.svg by `npm run icons`. The ICO is declared 32x32 (it holds 16 and 48 too) so
  // that browsers which draw SVG icons pick the SVG rather than the bitmap.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f172a" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // next-themes sets the theme class on <html> before React hydrates; the mismatch is expected.
    <html lang="en" suppressHydrationWarning>
      <body className="flex min-h-dvh flex-col bg-background font-sans text-foreground antialiased">
        <ThemeProvider nonce={nonce}>
          <a
            href="#main"
            className="fixed top-3 left-3 z-50 -translate-y-[200%] rounded-md bg-brand px-4 py-2 text-sm font-medium text-white shadow-lg focus:translate-y-0 dark:text-background"
          >
            Skip to content
          </a>
          <SiteHeader />
          {/* tabIndex lets the skip link move focus here; the ring would only outline the whole page. */}
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-10 lg:px-8"
          >
            {children}
          </main>
        </ThemeProvider>
      </body>
    </html>
  );
}
