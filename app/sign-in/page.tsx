import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { callbackUrl } = await searchParams;
  const next = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-6 py-6 sm:py-12">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="text-sm text-muted-foreground">
          Reviewers, analysts and admins sign in to annotate claims, save views and export. Reading the claims
          needs no account.
        </p>
      </div>
      <SignInForm callbackUrl={next} />
      <p className="text-xs text-muted-foreground">No account? An admin of your team creates one for you.</p>
    </div>
  );
}
