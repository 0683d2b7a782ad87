import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { createSession, extendSession, revokeSession } from "@/lib/db/sessions";
import { findUserForSignIn } from "@/lib/db/users";
import { authSecret } from "@/lib/env";
import { SignInSchema } from "@/lib/validations/auth";
import { clientAddress } from "./client-address";
import { RATE_LIMITED } from "./errors";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { beginSignIn, signInSucceeded } from "./rate-limit";
import { parseRole } from "./roles";

/** Sessions last a week of inactivity; the JWT is refreshed at most once a day. */
export const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

const SESSION_ENDED = "Session ended";

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/login" },
    logger: {
      // An ended session refused by the jwt callback below is expected, not a server error worth a stack trace.
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === SESSION_ENDED) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = SignInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          // The address is the socket's (or a trusted proxy's report), never a header the client picked
          // (lib/auth/client-address.ts). The error reaches the form as result.error; it says nothing about whether
          // the account exists, and unknown accounts are limited the same way.
          const address = clientAddress(req?.headers);
          if (!(await beginSignIn(email, address))) throw new Error(RATE_LIMITED);
          const user = await findUserForSignIn(email);
          // Unknown email and wrong password take the same time and give the same answer (null).
          if (!user) return verifyAgainstDummy(password).then(() => null);
          if (!(await verifyPassword(user.passwordHash, password))) return null;
          await signInSucceeded(email, address);
          return { id: user.id, email: user.email, name: user.name, role: user.role };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        const now = new Date();
        if (user) {
          // A sign-in: a new Session row, named by the cookie, so this one device can be signed out later.
          token.id = user.id;
          token.role = user.role;
          token.sid = await createSession(user.id, now, SESSION_MAX_AGE_S);
        } else if (!token.sid || !(await extendSession(token.sid, now, SESSION_MAX_AGE_S))) {
          // A signed-out, revoked or expired session (or a cookie from before sessions were recorded) is not
          // re-issued: throwing makes next-auth clear the cookie and answer /api/auth/session with no session.
          throw new Error(SESSION_ENDED);
        }
        // Otherwise the cookie is being re-issued for another week and its row was kept alive as long.
        return token;
      },
      session({ session, token }) {
        if (session.user) {
          session.user.id = token.id;
          session.user.role = parseRole(token.role);
        }
        return session;
      },
    },
    events: {
      // Sign-out ends this device's session in the database: the cookie stops working even if someone kept a copy.
      async signOut({ token }) {
        if (token?.sid) await revokeSession(token.sid, new Date());
      },
    },
  };
}
