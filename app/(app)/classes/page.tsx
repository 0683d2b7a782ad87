import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage() {
  await requireRole(["instructor", "admin"], "/classes");
  return (
    <section>
      <h1>Classes</h1>
      <p className="muted">You have no classes yet.</p>
    </section>
  );
}
