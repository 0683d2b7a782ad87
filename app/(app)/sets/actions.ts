"use server";

import { redirect } from "next/navigation";
import { requireAbility } from "@/lib/auth/session";
import { createSet, findSetCandidates } from "@/lib/db/sets";
import { CreateSetSchema, SetFilterSchema } from "@/lib/validations/classes";

export type Candidate = { id: string; prompt: string; kind: string; topic: string; difficulty: number; deck: string };

export async function previewSetAction(
  input: unknown,
): Promise<{ ok: true; items: Candidate[] } | { ok: false; message: string }> {
  const user = await requireAbility("teach", "/sets/new");
  const parsed = SetFilterSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  if (parsed.data.minDifficulty > parsed.data.maxDifficulty) {
    return { ok: false, message: "The lowest difficulty must not be above the highest." };
  }
  const items = await findSetCandidates(parsed.data, user.id);
  if (items.length === 0) return { ok: false, message: "No items match these filters." };
  return {
    ok: true,
    items: items.map((i) => ({
      id: i.id,
      prompt: i.prompt,
      kind: i.kind,
      topic: i.topic,
      difficulty: i.difficulty,
      deck: i.document.title,
    })),
  };
}

export async function createSetAction(input: unknown): Promise<{ ok: false; message: string }> {
  const user = await requireAbility("teach", "/sets/new");
  const parsed = CreateSetSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const created = await createSet(user, parsed.data);
  if (!created) return { ok: false, message: "None of those items is available any more." };
  redirect(`/sets/${created.id}`);
}
