import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
  }
  interface User {
    id: string;
    role: Role;
    /** The Session row this cookie stands for (lib/db/sessions.ts); absent in tokens made before sessions existed. */
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: string;
    role: Role;
    /** The Session row this cookie stands for (lib/db/sessions.ts); absent in tokens made before sessions existed. */
    sid?: string;
  }
}
