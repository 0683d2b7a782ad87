import { notFound } from "next/navigation";
import { z } from "zod";
import { idSchema } from "./text";

const IdParamsSchema = z.record(z.string(), idSchema);

/**
 * A dynamic route's params, validated like any other input: every id segment in this app's paths is an id it made,
 * so anything else (too long, other characters) names nothing and is a 404 before any query runs.
 * @example const { deckId } = await idParams(params);
 */
export async function idParams<T extends Record<string, string>>(params: Promise<T>): Promise<T> {
  const values = await params;
  if (!IdParamsSchema.safeParse(values).success) notFound();
  return values;
}
