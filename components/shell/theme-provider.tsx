"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";
import type { ReactNode } from "react";

/**
 * Follows the system setting until the user picks a theme, then remembers the choice (localStorage "theme").
 * next-themes sets the class from an inline script before first paint, so there is no flash of the wrong theme;
 * the script carries the request's CSP nonce (proxy.ts).
 */
export function ThemeProvider({ children, nonce }: { children: ReactNode; nonce?: string }) {
  return (
    <NextThemesProvider
      nonce={nonce}
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
    >
      {children}
    </NextThemesProvider>
  );
}
