import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { findUserForSignIn } from "@/lib/db/users";
import { authSecret } from "@/lib/env";
import { SignInSchema } from "@/lib/validations/auth";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { clientAddress, hitAddress, RATE_LIMITED, signInByAccount, signInByAddress } from "./rate-limit";
import { parseRole } from "./roles";

/** Sessions last a week of inactivity; the JWT is refreshed at most once a day. */
const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = SignInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const now = new Date();
          const account = `sign-in:${parsed.data.email}`;
          // Both counters always count, so probing many accounts from one address is limited too. The error
          // reaches the form as result.error; it says nothing about whether the account exists.
          const byAccount = signInByAccount.hit(account, now);
          const byAddress = hitAddress(signInByAddress, "sign-in", clientAddress(req?.headers), now);
          if (!byAccount.allowed || !byAddress.allowed) throw new Error(RATE_LIMITED);
          const user = await findUserForSignIn(parsed.data.email);
          // Unknown email and wrong password take the same time and give the same answer (null).
          if (!user) return verifyAgainstDummy(parsed.data.password).then(() => null);
          if (!(await verifyPassword(user.passwordHash, parsed.data.password))) return null;
          signInByAccount.reset(account);
          return { id: user.id, email: user.email, name: user.name, role: user.role };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.id = user.id;
          token.role = user.role;
        }
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
  };
}
