"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { DataTablePopover } from "@/components/data-table/data-table-popover";

interface AccountMenuProps {
  name: string;
  email: string;
  role: string;
  links: { href: string; label: string }[];
}

const ITEM =
  "flex w-full items-center rounded-sm px-2.5 py-1.5 text-left text-sm outline-none hover:bg-muted focus-visible:bg-muted";

export function AccountMenu({ name, email, role, links }: AccountMenuProps) {
  const initials = name
    .split(/\s+/)
    .map((word) => word[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <DataTablePopover
      popup="menu"
      align="end"
      // Starts with the name it shows, so that saying what one sees presses it (WCAG 2.5.3, Label in Name).
      label={`${name}, account menu, ${role}`}
      triggerClassName="h-9 border-0 bg-transparent shadow-none hover:bg-muted"
      panelClassName="w-60 p-1"
      trigger={
        <>
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded-full bg-brand-soft text-xs font-semibold text-brand"
          >
            {initials}
          </span>
          <span className="hidden max-w-32 truncate sm:inline">{name}</span>
        </>
      }
    >
      {(close) => (
        <div role="none" className="flex flex-col">
          <div role="none" className="border-b px-2.5 pt-1.5 pb-2">
            <p className="truncate text-sm font-medium">{name}</p>
            <p className="truncate text-xs text-muted-foreground">{email}</p>
            <p className="mt-1 text-xs text-muted-foreground">Role: {role}</p>
          </div>
          <div role="none" className="flex flex-col py-1">
            {links.map((link) => (
              <Link key={link.href} href={link.href} role="menuitem" className={ITEM} onClick={() => close()}>
                {link.label}
              </Link>
            ))}
            <button
              type="button"
              role="menuitem"
              className={ITEM}
              onClick={() => void signOut({ callbackUrl: "/" })}
            >
              Sign out
            </button>
          </div>
        </div>
      )}
    </DataTablePopover>
  );
}
