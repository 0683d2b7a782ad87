import { itemAnalysisCsv } from "@/lib/db/class-exports";
import { csvExport } from "../csv-export";

/** GET /classes/[classId]/item-analysis.csv: the class's item analysis as CSV, for its teacher (or an admin). */
export const GET = csvExport("item-analysis", itemAnalysisCsv);
