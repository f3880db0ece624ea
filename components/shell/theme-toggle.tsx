"use client";

import { useTheme } from "next-themes";
import { MoonIcon, SunIcon } from "@/components/ui/icons";

export function ThemeToggle() {
  const { setTheme } = useTheme();

  // The label and icon are chosen by CSS from the class already on <html>, so the server HTML is right
  // before hydration and the button never announces the wrong action.
  return (
    <button
      type="button"
      onClick={() => setTheme(document.documentElement.classList.contains("dark") ? "light" : "dark")}
      className="grid size-9 place-items-center rounded-md text-muted-foreground transition-colors hover:bg-muted hover:text-foreground"
    >
      <span className="dark:hidden">
        <MoonIcon className="size-5" />
        <span className="sr-only">Switch to dark theme</span>
      </span>
      <span className="hidden dark:inline">
        <SunIcon className="size-5" />
        <span className="sr-only">Switch to light theme</span>
      </span>
    </button>
  );
}
