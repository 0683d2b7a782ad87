import { z } from "zod";
import { TOPIC_LABELS } from "@/lib/content/labels";
import { normaliseText } from "@/lib/content/normalise";
import { numberInAnswer } from "@/lib/content/numbers";
import { parseDateAnswer } from "@/lib/content/parse-answer";
import type { ItemEdit } from "@/lib/content/edit-item";
import type { GeneratedItem, ItemKind, Topic } from "@/lib/content/types";
import { FLAG_REASONS, type FlagReason } from "./flag-reasons";
import { idSchema, plainText } from "./text";

export { FLAG_REASONS, type FlagReason };

export const TOPICS = Object.keys(TOPIC_LABELS) as [Topic, ...Topic[]];
export const KINDS = [
  "multiple_choice",
  "cloze",
  "true_false",
  "typed",
  "matching",
  "ordering",
  "flashcard",
] as const satisfies readonly ItemKind[];

export const RESOLUTIONS = { fixed: "Fixed", dismissed: "Dismissed" } as const;

const LIST_MAX = 20;
const prompt = plainText("The prompt", 500).pipe(z.string().min(1, "Write a prompt."));
const answer = plainText("The answer", 300).pipe(z.string().min(1, "Write an answer."));

/** A textarea with one entry per line: trimmed, blank lines dropped, each entry printable and bounded. */
const lines = (label: string, max = LIST_MAX) =>
  z
    .string()
    .max(10_000, `${label}: too long.`)
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(plainText(label, 200)).max(max, `${label}: at most ${max} entries.`));

const distinct = (values: string[]) => new Set(values.map(normaliseText)).size === values.length;

// "left → right", also typed as "left -> right" (the arrow is hard to type).
const PAIR = /\s*(?:→|->)\s*/;

/** The fields an owner may change, as a form sends them (textareas hold one entry per line). */
export const ItemEditFormSchema = z.object({
  itemId: idSchema,
  deckId: idSchema,
  /** The item's checksum when the form was opened: an edit made meanwhile (another tab) is not overwritten. */
  checksum: z.string().regex(/^[0-9a-f]{64}$/, "Reload the page and try again."),
  prompt: z.string(),
  topic: z.string(),
  answer: z.string().optional(),
  accepted: z.string().optional(),
  options: z.string().optional(),
  pairs: z.string().optional(),
  sequence: z.string().optional(),
});

/**
 * The zod schema for editing `item`: which fields exist and what keeps them gradable depends on its kind (the
 * answer of a choice must be one of the options, a date answer must read as a date, a matching item needs pairs…).
 * Output: the edited fields, normalised (the chosen option's own spelling, derived answers of matching and ordering).
 * @example itemEditSchema(item).safeParse({ prompt: "When…?", topic: "dates", answer: "July 2018", accepted: "" })
 */
export function itemEditSchema(item: Pick<GeneratedItem, "kind" | "answerType">): z.ZodType<ItemEdit, unknown> {
  const base = { prompt, topic: z.enum(TOPICS, "Choose a topic.") };
  switch (item.kind) {
    case "multiple_choice":
      return z
        .object({ ...base, answer, options: lines("Options", 8) })
        .superRefine((v, ctx) => {
          if (v.options.length < 2)
            ctx.addIssue({ code: "custom", path: ["options"], message: "Give 2 to 8 options." });
          else if (!distinct(v.options))
            ctx.addIssue({ code: "custom", path: ["options"], message: "The options must differ from each other." });
          else if (!v.options.some((o) => normaliseText(o) === normaliseText(v.answer)))
            ctx.addIssue({ code: "custom", path: ["answer"], message: "The answer must be one of the options." });
        })
        .transform((v) => ({
          prompt: v.prompt,
          topic: v.topic,
          options: v.options,
          answer: v.options.find((o) => normaliseText(o) === normaliseText(v.answer))!,
          accepted: [],
        }));
    case "true_false":
      return z
        .object({ ...base, answer: z.enum(["True", "False"], "The answer is True or False.") })
        .transform((v) => ({
          ...v,
          options: ["True", "False"],
          accepted: [],
        }));
    case "matching":
      return z
        .object({ ...base, pairs: lines("Pairs", 10) })
        .superRefine((v, ctx) => {
          const split = v.pairs.map((line) => line.split(PAIR));
          if (v.pairs.length < 2 || split.some((p) => p.length !== 2 || !p[0] || !p[1]))
            ctx.addIssue({
              code: "custom",
              path: ["pairs"],
              message: "Write 2 to 10 lines of the form: left → right.",
            });
          else if (!distinct(split.map((p) => p[0]!)) || !distinct(split.map((p) => p[1]!)))
            ctx.addIssue({ code: "custom", path: ["pairs"], message: "Each left and each right entry must differ." });
        })
        .transform((v) => {
          const pairs = v.pairs.map((line) => {
            const [left, right] = line.split(PAIR) as [string, string];
            return { left, right };
          });
          return {
            prompt: v.prompt,
            topic: v.topic,
            pairs,
            answer: pairs.map((p) => `${p.left} → ${p.right}`).join("; "),
            options: null,
            accepted: [],
          };
        });
    case "ordering":
      return z
        .object({ ...base, sequence: lines("Entries", 10) })
        .superRefine((v, ctx) => {
          if (v.sequence.length < 2 || !distinct(v.sequence) || v.sequence.some((s) => s.includes("→")))
            ctx.addIssue({
              code: "custom",
              path: ["sequence"],
              message: "Write 2 to 10 different entries, one per line, in the right order (no → in them).",
            });
        })
        .transform((v) => ({
          prompt: v.prompt,
          topic: v.topic,
          sequence: v.sequence,
          answer: v.sequence.join(" → "),
          options: null,
          accepted: [],
        }));
    default:
      // typed, cloze, flashcard: free answers, graded by answer type (lib/content/grade.ts).
      return z
        .object({ ...base, answer, accepted: lines("Accepted answers") })
        .superRefine((v, ctx) => {
          if (item.kind === "cloze" && !/_{3,}/.test(v.prompt))
            ctx.addIssue({
              code: "custom",
              path: ["prompt"],
              message: "A fill-in-the-blank prompt needs a _____ blank.",
            });
          if (item.answerType === "date" && !parseDateAnswer(v.answer))
            ctx.addIssue({ code: "custom", path: ["answer"], message: "Write the answer as a date, e.g. July 2018." });
          if (item.answerType === "number" && numberInAnswer(v.answer) === null)
            ctx.addIssue({ code: "custom", path: ["answer"], message: "Write the answer as a number, e.g. 500." });
        })
        .transform((v) => ({ ...v, options: null }));
  }
}

/** A learner's flag from the study screen. */
export const FlagSchema = z.object({
  itemId: idSchema,
  reason: z.enum(Object.keys(FLAG_REASONS) as [FlagReason, ...FlagReason[]], "Choose a reason."),
  note: plainText("The note", 500).optional().default(""),
});

/** The owner's answer to a flag in the review queue. */
export const ResolveFlagSchema = z.object({
  flagId: idSchema,
  deckId: idSchema,
  resolution: z.enum(Object.keys(RESOLUTIONS) as ["fixed", "dismissed"], "Choose fixed or dismissed."),
});

/** Suspending an item for everyone, lifting that, or retiring (deleting) it. */
export const ItemOwnerActionSchema = z.object({
  itemId: idSchema,
  deckId: idSchema,
  action: z.enum(["suspend", "unsuspend", "retire"], "Unknown action."),
});

export const BROWSE_STATES = ["new", "learning", "review", "suspended", "flagged"] as const;
export const BROWSE_SORTS = ["position", "prompt", "difficulty", "lapses", "due"] as const;
export const DIFFICULTY_BANDS = { easy: [0, 0.34], medium: [0.34, 0.67], hard: [0.67, 1.01] } as const;
export const BROWSE_PAGE_SIZE = 50;

// Unknown or malformed search parameters fall back to "no filter": a shared URL with a stale parameter still opens.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

/** The browser's URL search parameters (all optional; anything malformed is ignored, never an error page). */
export const BrowseParamsSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((s) => s || undefined),
  kind: optionalEnum(KINDS),
  topic: optionalEnum(TOPICS),
  state: optionalEnum(BROWSE_STATES),
  difficulty: optionalEnum(Object.keys(DIFFICULTY_BANDS) as ["easy", "medium", "hard"]),
  lapses: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
  sort: z.enum(BROWSE_SORTS).catch("position"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type BrowseParams = z.infer<typeof BrowseParamsSchema>;

/**
 * Reads Next's searchParams (a value may arrive as an array when a parameter repeats: the first one counts).
 * @example const params = parseBrowseParams(await searchParams)
 */
export function parseBrowseParams(raw: Record<string, string | string[] | undefined>): BrowseParams {
  const first = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return BrowseParamsSchema.parse({ sort: undefined, dir: undefined, page: undefined, ...first });
}
