"use server";

import { requireUser } from "@/lib/auth/session";
import { flagItem } from "@/lib/db/flags";
import { FlagSchema } from "@/lib/validations/items";

export type FlagState = { ok: boolean; message: string };

/**
 * A learner flags the item they just answered (wrong answer, unclear, typo); the deck's owner sees it in the deck's
 * flag queue. Called from components/study/flag-item.tsx with a plain object.
 */
export async function flagItemAction(input: unknown): Promise<FlagState> {
  const user = await requireUser("/study");
  const parsed = FlagSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const done = await flagItem({ userId: user.id, ...parsed.data }, new Date());
  if (!done) return { ok: false, message: "That item is no longer in the deck." };
  return { ok: true, message: "Thanks: the deck's owner will look at it." };
}
