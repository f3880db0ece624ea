import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { AccountMenu } from "./account-menu";

/** Sign-in link, or the signed-in person's menu. Reads the session itself, so every page shows the same. */
export async function AccountSlot() {
  const user = await getCurrentUser();
  return (
    <div role="group" aria-label="Account" className="flex items-center">
      {user ? (
        <AccountMenu
          name={user.name}
          email={user.email}
          role={ROLE_LABELS[user.role]}
          links={[
            ...(can(user, "claims.review") ? [{ href: "/queue", label: "My queue" }] : []),
            ...(can(user, "users.manage") ? [{ href: "/admin/users", label: "Users" }] : []),
            ...(can(user, "audit.read") ? [{ href: "/admin/audit", label: "Audit log" }] : []),
          ]}
        />
      ) : (
        <Link href="/sign-in" className={buttonClasses("ghost")}>
          Sign in
        </Link>
      )}
    </div>
  );
}
