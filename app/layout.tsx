import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { NavLinks } from "@/components/nav-links";
import { SignOutButton } from "@/components/sign-out-button";
import { can } from "@/lib/auth/can";
import { getCurrentUser } from "@/lib/auth/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Factdeck", template: "%s · Factdeck" },
  description: "Learn the facts of a document and keep them, with spaced repetition.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const links = [
    { href: "/", label: "Home" },
    ...(user
      ? [
          { href: "/decks", label: "Decks" },
          { href: "/browse", label: "Browse" },
          { href: "/study", label: "Study" },
          { href: "/progress", label: "Progress" },
          ...(can(user, "teach")
            ? [
                { href: "/classes", label: "Classes" },
                { href: "/sets", label: "Sets" },
              ]
            : []),
          ...(can(user, "manage-users") ? [{ href: "/admin/users", label: "Users" }] : []),
        ]
      : []),
  ];
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link className="brand" href="/">
              Factdeck
            </Link>
            <nav className="nav" aria-label="Main">
              <NavLinks links={links} />
              <div className="nav__account">
                {user ? (
                  <>
                    <span data-testid="current-user">
                      {user.name} ({user.role})
                    </span>
                    <Link href="/settings">Settings</Link>
                    <SignOutButton />
                  </>
                ) : (
                  <>
                    <Link href="/login">Sign in</Link>
                    <Link href="/signup">Sign up</Link>
                  </>
                )}
              </div>
            </nav>
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
