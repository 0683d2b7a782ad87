"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="link-button"
      onClick={async () => {
        // No server-side redirect: next-auth would build it from NEXTAUTH_URL, which may name another host or port.
        await signOut({ redirect: false });
        router.replace("/login");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
