import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/can";
import { getCurrentUser } from "@/lib/auth/session";
import { csvResponse } from "@/lib/csv";
import { loadClassDashboard, type ClassDashboard } from "@/lib/db/class-dashboard";
import { idParams } from "@/lib/validations/params";

/**
 * The GET handler of one of a class's CSV exports, for its teacher (or an admin): `<class name>-<name>.csv`.
 * @example export const GET = csvExport("gradebook", gradebookCsv);
 */
export function csvExport(name: string, toCsv: (dashboard: ClassDashboard) => string) {
  return async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
    const { classId } = await idParams(params);
    const user = await getCurrentUser();
    if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/classes/${classId}`)}`);
    if (!can(user, "teach")) notFound();
    const dashboard = await loadClassDashboard(classId, user);
    if (!dashboard) notFound();
    return csvResponse(`${dashboard.klass.name}-${name}.csv`, toCsv(dashboard));
  };
}
