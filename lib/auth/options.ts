import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { findUserForSignIn } from "@/lib/db/users";
import { authSecret } from "@/lib/env";
import { SignInSchema } from "@/lib/validations/auth";
import { verifyAgainstDummy, verifyPassword } from "./password";
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
        async authorize(credentials) {
          const parsed = SignInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const user = await findUserForSignIn(parsed.data.email);
          // Unknown email and wrong password take the same time and give the same answer (null).
          if (!user) return verifyAgainstDummy(parsed.data.password).then(() => null);
          if (!(await verifyPassword(user.passwordHash, parsed.data.password))) return null;
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
