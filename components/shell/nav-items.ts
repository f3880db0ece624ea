export type NavItem = { href: string; label: string };

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/claims", label: "Claims" },
  { href: "/entities", label: "Entities" },
  { href: "/sectors", label: "Sectors" },
  { href: "/sources", label: "Sources" },
  { href: "/documents", label: "Documents" },
];

/**
 * "page" on the item's own page, "true" on pages below it (a claim's detail page keeps Claims marked),
 * undefined elsewhere.
 */
export function navItemCurrent(href: string, pathname: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  if (href !== "/" && pathname.startsWith(`${href}/`)) return "true";
  return undefined;
}
