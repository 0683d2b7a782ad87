import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/can";
import { getCurrentUser } from "@/lib/auth/session";
import { csvResponse } from "@/lib/csv";
import { loadClassDashboard } from "@/lib/db/class-dashboard";
import { gradebookCsv } from "@/lib/db/class-exports";
import { idParams } from "@/lib/validations/params";

/** GET /classes/[classId]/gradebook.csv: the class's gradebook as CSV, for its teacher (or an admin). */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await idParams(params);
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/classes/${classId}`)}`);
  if (!can(user, "teach")) notFound();
  const dashboard = await loadClassDashboard(classId, user);
  if (!dashboard) notFound();
  return csvResponse(`${dashboard.klass.name}-gradebook.csv`, gradebookCsv(dashboard));
}
