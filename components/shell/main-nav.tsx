"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { CloseIcon, MenuIcon } from "@/components/ui/icons";
import { NAV_ITEMS, navItemCurrent } from "@/components/shell/nav-items";

/** Tabs across the header on wide screens. */
export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="hidden md:block">
      <ul className="-mb-px flex gap-1">
        {NAV_ITEMS.map((item) => {
          const current = navItemCurrent(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current}
                className={clsx(
                  "inline-flex h-11 items-center border-b-2 px-3 text-sm font-medium transition-colors",
                  current
                    ? "border-brand text-foreground"
                    : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** A menu button on narrow screens that opens the same links as a list under the header. */
export function MobileNav() {
  const pathname = usePathname();
  // Remember the page the menu was opened on: navigating anywhere else closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const container = useRef<HTMLDivElement>(null);

  // The open menu covers the top of the page; a tap anywhere outside it dismisses it, as with any menu.
  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !container.current?.contains(event.target)) setOpenOn(null);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      setOpenOn(null);
      document.getElementById("mobile-nav-button")?.focus();
    }
  }

  return (
    <div ref={container} className="md:hidden" onKeyDown={onKeyDown}>
      <button
        id="mobile-nav-button"
        type="button"
        aria-expanded={open}
        aria-controls="mobile-nav"
        onClick={() => setOpenOn(open ? null : pathname)}
        className="grid size-9 place-items-center rounded-md text-muted-foreground transition-colors hover:bg-muted hover:text-foreground"
      >
        {open ? <CloseIcon className="size-5" /> : <MenuIcon className="size-5" />}
        <span className="sr-only">Menu</span>
      </button>
      <nav
        id="mobile-nav"
        aria-label="Main"
        hidden={!open}
        className="absolute inset-x-0 top-full border-b bg-surface shadow-lg"
      >
        <ul className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-3">
          {NAV_ITEMS.map((item) => {
            const current = navItemCurrent(item.href, pathname);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={current}
                  onClick={() => setOpenOn(null)}
                  className={clsx(
                    "flex h-11 items-center rounded-md px-3 text-base font-medium",
                    current
                      ? "bg-brand-soft text-brand"
                      : "text-muted-foreground hover:bg-muted hover:text-foreground",
                  )}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
