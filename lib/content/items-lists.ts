/**
 * A list is one item, not one per member: "Which of these is NOT listed under "Baghdad area"?" with three true
 * members and one real non-member, for a document's bulleted lists and for lists written inside a sentence
 * ("including Australia, Sweden and Finland"). The non-member is always an entity the document itself names
 * elsewhere, of the members' type; a true member is never offered as the wrong option.
 */
import { hash } from "./keys";
import { GAP } from "./gap";
import { makeItem, type Kit } from "./item-kit";
import { normaliseText } from "./normalise";
import { placeKindOf } from "./place-kind";
import { shuffle } from "../prng";
import { coordinatedLists, spellingKey } from "./precision";
import { joinSources, tidy, upperFirst } from "./text";
import type { GeneratedItem, InstitutionFact, ListFact, SourceRef, Topic } from "./types";

/** Lead of the prompt for a list written inside a sentence: the list is the blank. */
const LIST_LEAD = "Which of these is NOT in the list that fills the blank? ";

/** Three members spread over the list (first, middle, last), chosen without randomness so the key is stable. */
function threeOf(members: readonly string[]): string[] {
  if (members.length <= 3) return [...members];
  return [members[0]!, members[Math.floor((members.length - 1) / 2)]!, members[members.length - 1]!];
}

function notItem(
  kit: Kit,
  members: readonly string[],
  candidates: readonly string[],
  spec: {
    prompt: string;
    source: SourceRef;
    topic: Topic;
    answerType: "organisation" | "place" | "person";
    pronounRef?: string;
  },
): GeneratedItem | undefined {
  const memberKeys = new Set(members.map(spellingKey));
  const outsiders = [...new Set(candidates)].filter(
    (c) =>
      !memberKeys.has(spellingKey(c)) &&
      !members.some((m) => ` ${normaliseText(m)} `.includes(` ${normaliseText(c)} `)) &&
      ![spec.source.text, spec.prompt, spec.pronounRef ?? ""].some((t) =>
        ` ${normaliseText(t)} `.includes(` ${normaliseText(c)} `),
      ),
  );
  if (members.length < 3 || outsiders.length === 0) return undefined;
  const shown = threeOf(members);
  const key = `list:${hash([...members].sort().join("|"))}`;
  const rng = kit.rngFor(key);
  // The first outsider in the document's order: the same whatever the seed, so the item (and its id) is stable.
  // Not the name the document mentions most, its own subject (decision 038): anyone picks that one out.
  const mentions = (name: string) => kit.facts.filter((f) => f.source.text.includes(name)).length;
  const most = outsiders.length > 1 ? outsiders.reduce((a, b) => (mentions(b) > mentions(a) ? b : a)) : undefined;
  const answer = outsiders.find((o) => o !== most)!;
  const item = makeItem(
    { key, source: spec.source, pronounRef: spec.pronounRef },
    {
      kind: "multiple_choice",
      variant: "not-member",
      prompt: spec.prompt,
      answer,
      options: shuffle([...shown, answer], rng),
      answerType: spec.answerType,
      topic: spec.topic,
      difficulty: 0.05,
    },
  );
  item.members = shown;
  return item;
}

/**
 * One "NOT" item per bulleted list: grouped by the list's caption when it has one, else by the collection its
 * lead-in describes. A captioned list's outsiders are the document's other lists' members; a collection's are the
 * document's organisations outside every list.
 */
export function documentListItems(kit: Kit): GeneratedItem[] {
  const all = kit.facts.filter((f): f is InstitutionFact => f.type === "institution");
  const groups = new Map<string, InstitutionFact[]>();
  for (const f of all) {
    const id = f.group ? `group:${f.group}` : f.collection ? `collection:${f.collection}` : `list:${f.listId}`;
    groups.set(id, [...(groups.get(id) ?? []), f]);
  }
  const listed = new Set(all.map((f) => f.name));
  const organisations = kit.facts.flatMap((f) => (f.type === "organisation" && !listed.has(f.name) ? [f.name] : []));
  const items: GeneratedItem[] = [];
  for (const [id, members] of groups) {
    const first = members[0]!;
    const names = members.map((m) => m.name);
    const outsiders = first.group ? all.filter((o) => o.group !== first.group).map((o) => o.name) : organisations;
    if (!first.group && !first.collection) continue; // nothing says what the list is: no question about it
    const where = first.group
      ? `listed in "${first.group}"`
      : first.collection
        ? `listed among the ${first.collection}`
        : "in the same list";
    const item = notItem(kit, names, outsiders, {
      prompt: `Which one is NOT ${where}?`,
      // The lead-in and caption say what the list is; the members' lines say who is in it.
      source: joinSources([...(first.context ?? []), ...members.map((m) => m.source)]),
      topic: "schools",
      answerType: "organisation",
    });
    if (item) items.push(item);
    void id;
  }
  return items;
}

/**
 * One "NOT" item per list of three or more places or organisations written in a sentence: the list becomes the
 * blank and the wrong option is a place or organisation of the same kind that the document names outside it.
 */
export function sentenceListItems(kit: Kit): GeneratedItem[] {
  const bySentence = new Map<number, { source: SourceRef; pronounRef?: string }>();
  for (const f of kit.facts)
    if (f.type === "place" || f.type === "organisation")
      bySentence.set(f.source.start, {
        source: f.source,
        pronounRef: f.pronounRef ?? bySentence.get(f.source.start)?.pronounRef,
      });
  const items: GeneratedItem[] = [];
  for (const { source, pronounRef } of bySentence.values()) {
    const list = coordinatedLists(tidy(source.text))[0];
    if (!list) continue;
    const places = new Set(kit.facts.flatMap((f) => (f.type === "place" ? [f.name] : [])));
    const orgs = new Set(kit.facts.flatMap((f) => (f.type === "organisation" ? [f.name] : [])));
    const type = list.members.every((m) => places.has(m))
      ? "place"
      : list.members.every((m) => orgs.has(m))
        ? "organisation"
        : undefined;
    if (!type) continue;
    // Same kind as the members (place-kind.ts): countries with countries, towns with towns, never a river among them.
    const kinds = new Set(list.members.map((m) => placeKindOf(m, kit.placeCues)));
    const kind = kinds.size === 1 ? [...kinds][0]! : "unknown";
    const pool = [...(type === "place" ? places : orgs)].filter(
      (n) => type !== "place" || (kind !== "unknown" && placeKindOf(n, kit.placeCues) === kind),
    );
    const text = tidy(source.text);
    const gapped = `${text.slice(0, list.start)}${GAP}${text.slice(list.end)}`;
    const item = notItem(kit, list.members, pool, {
      prompt: `${LIST_LEAD}${gapped}`,
      source,
      topic: type === "place" ? "places" : "organisations",
      answerType: type,
      pronounRef,
    });
    if (item) items.push(item);
  }
  return items;
}

/** A member as the prompt would show it: normalised, without a leading article. */
const memberKey = (member: string) => normaliseText(member).replace(/^the /, "");

const COUNT_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const countWord = (n: number) => COUNT_WORDS[n - 2] ?? String(n);

/**
 * The items of a list read as one fact (extract-lists.ts): a matching item when every member is "Term: description",
 * an ordering item for numbered steps, else a flashcard that asks for the whole list ("Name all three: The canal has
 * three sets of locks: _____"). One list, one item: never one per member.
 */
export function listItems(kit: Kit, fact: ListFact): GeneratedItem[] {
  return [...wholeListItems(fact), ...describedItems(kit, fact)];
}

/**
 * What each member of a described list is or does, asked of the member: "Which technology lets a browser fetch
 * resources from a server?" as a multiple choice among the list's members (each member an option once, the answer's
 * place drawn per item) and as a typed answer. Each is its own fact: the list item does not stand for it.
 */
function describedItems(kit: Kit, fact: ListFact): GeneratedItem[] {
  const described = fact.described ?? [];
  // Every member's name, described or not ("NIRCam (Near-Infrared Camera), the main camera" → "NIRCam").
  const names = fact.members.map((m) =>
    m
      .replace(/,\s.*$/, "")
      .replace(/\s*\([^()]*\)$/, "")
      .replace(/\*\*|__/g, ""),
  );
  return described.flatMap((d) => {
    const key = `list-member:${hash(`${d.name}|${d.predicate}`)}`;
    const prompt = `Which ${d.noun} ${d.predicate}?`;
    // Options: the member and the (up to) three members nearest it in the list, each once.
    const at = names.indexOf(d.name);
    const near = names
      .map((n, i) => ({ n, i }))
      .filter(({ n }) => n !== d.name)
      .sort((a, b) => Math.abs(a.i - at) - Math.abs(b.i - at) || a.i - b.i)
      .slice(0, 3)
      .map(({ n }) => n);
    if (at < 0) return [];
    const base = { key, source: d.source };
    const spec = { answer: d.name, accepted: d.accepted, answerType: "text" as const, topic: "definitions" as const };
    const typed = makeItem(base, { ...spec, kind: "typed", variant: "described-member", prompt });
    // A multiple choice has four options, all of them the list's own members: a list of three gets none.
    if (near.length < 3) return [typed];
    const options = shuffle([d.name, ...near], kit.rngFor(key));
    return [makeItem(base, { ...spec, kind: "multiple_choice", variant: "described-member", prompt, options }), typed];
  });
}

function wholeListItems(fact: ListFact): GeneratedItem[] {
  const lead = fact.gapped.replace(/:\s*_____$/, "");
  if (
    fact.pairs &&
    fact.pairs.length >= 3 &&
    new Set(fact.pairs.map((p) => normaliseText(p.left))).size === fact.pairs.length
  ) {
    const pairs = fact.pairs.slice(0, 6);
    return [
      makeItem(fact, {
        kind: "matching",
        variant: "list-pairs",
        // The lead-in names the list unless a pronoun in it needs the sentence before ("Each kind has its own job").
        prompt: /\b(?:it|its|they|them|their|he|him|his|she|her)\b/i.test(lead)
          ? "Match each term with the description the list gives."
          : `Match each term with the description the list gives (${lead}).`,
        answer: pairs.map((p) => `${p.left} → ${p.right}`).join("; "),
        pairs,
        answerType: "match",
        topic: "definitions",
      }),
    ];
  }
  if (fact.sequence && fact.members.length >= 3 && fact.members.length <= 7)
    return [
      makeItem(fact, {
        kind: "ordering",
        variant: "list-steps",
        prompt: `Put these in the order the document gives: ${lead}.`,
        answer: fact.members.map(upperFirst).join(" → "),
        sequence: fact.members.map(upperFirst),
        answerType: "order",
        topic: "objectives",
      }),
    ];
  const item = makeItem(fact, {
    kind: "flashcard",
    variant: "list-recall",
    prompt: `${fact.members.length === 2 ? "Name both" : `Name all ${fact.count ?? countWord(fact.members.length)}`}: ${fact.gapped}`,
    answer: fact.answer,
    answerType: "text",
    topic: "objectives",
  });
  // A pronoun the item could not name ("Science and technology: it helps …") leaves the list about nobody; a "them"
  // whose plural the quoted sentence before names ("The Council has 15 members. Five of them …") is read with it.
  const pronoun = fact.context ? /\b(?:it|he|him|she)\b/i : /\b(?:it|they|them|he|him|she)\b/i;
  if (pronoun.test(item.prompt.replace(/^Name (?:all \w+|both): /, ""))) return [];
  // A list item never shows its own answers: a lead-in or context sentence that already names a member ("More than
  // 40 rivers reach the coast, such as the Ljungan. The most important include _____") gives part of the list away.
  const shown = ` ${normaliseText(fact.gapped.replace(GAP, " "))} `;
  if (fact.members.some((m) => shown.includes(` ${memberKey(m)} `))) return [];
  // The whole list is the answer: the ration lets no item ask one member of it again.
  item.members = fact.members;
  return [item];
}
