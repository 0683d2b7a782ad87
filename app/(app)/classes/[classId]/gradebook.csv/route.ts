import { gradebookCsv } from "@/lib/db/class-exports";
import { csvExport } from "../csv-export";

/** GET /classes/[classId]/gradebook.csv: the class's gradebook as CSV, for its teacher (or an admin). */
export const GET = csvExport("gradebook", gradebookCsv);
