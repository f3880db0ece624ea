import Link from "next/link";
import { AccountSlot } from "@/components/shell/account-slot";
import { MainNav, MobileNav } from "@/components/shell/main-nav";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { LogoMark } from "@/components/ui/icons";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b bg-surface/90 backdrop-blur supports-[backdrop-filter]:bg-surface/75">
      <div className="mx-auto max-w-6xl px-4 sm:px-6 lg:px-8">
        <div className="flex h-16 items-center gap-4">
          <div className="flex min-w-0 items-center gap-3">
            <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md">
              <span className="grid size-8 place-items-center rounded-lg bg-brand text-white dark:text-background">
                <LogoMark className="size-5" />
              </span>
              <span className="text-lg font-semibold tracking-tight">ClaimDesk</span>
            </Link>
            <p className="hidden truncate border-l pl-3 text-sm text-muted-foreground sm:block">
              Claims about China&rsquo;s AI ecosystem, checked against their sources
            </p>
          </div>
          <div className="ml-auto flex items-center gap-1">
            <AccountSlot />
            <ThemeToggle />
            <MobileNav />
          </div>
        </div>
        <MainNav />
      </div>
    </header>
  );
}
