import { dateCandidates, pickDistractors } from "./distractors";
import { formatDate } from "./dates";
import { documentDates, displayName, nameVariants } from "./items-dated";
import { coin, gapSentence, makeItem, multipleChoice, trueFalse, type Kit } from "./item-kit";
import { factKey } from "./keys";
import { COUNTRY_POOL, RANK_POOL } from "./pools";
import { escapeRegExp, joinSources, tidy } from "./text";
import type { DocDate, GeneratedItem, PersonFact, SourceRef, Topic } from "./types";

/**
 * Items about a person: who took up / succeeded in a role, when a tenure began and ended,
 * rank, nationality, and a flashcard summary.
 */
export function personItems(kit: Kit, p: PersonFact): GeneratedItem[] {
  const items: GeneratedItem[] = [];
  const people = kit.facts.filter((f): f is PersonFact => f.type === "person");
  const topic: Topic = p.role && /command/i.test(p.role) ? "commanders" : "history";
  const role = p.role ? (p.roleOf ? `${p.role} of ${p.roleOf}` : p.role) : undefined;
  const me = displayName(p);
  const rng = kit.rngFor(p.key);
  // Other people the document names, written like the answer (with a rank when it has one): never invented names.
  const others = people.filter((o) => o !== p && o.name !== p.name);
  const otherNames = [
    ...others.filter((o) => !!o.rank === !!p.rank),
    ...others.filter((o) => !!o.rank !== !!p.rank),
  ].map((o) => (p.rank ? displayName(o) : o.name));
  const personDistractors = () => pickDistractors(me, [otherNames], [p.name], rng);
  const asWho = (variant: string, prompt: string, source: SourceRef | undefined) => {
    const spec = {
      variant,
      prompt,
      answer: me,
      accepted: nameVariants(kit, p),
      answerType: "person" as const,
      topic,
      source,
    };
    const mc = multipleChoice(kit, p, spec, personDistractors());
    if (mc) items.push(mc);
    items.push(makeItem(p, { ...spec, kind: "typed" }));
  };
  const asWhen = (variant: string, prompt: string, date: DocDate, source: SourceRef | undefined) => {
    const answer = formatDate(date);
    const spec = { variant, prompt, answer, answerType: "date" as const, topic, source };
    const d = pickDistractors(answer, dateCandidates(date, undefined, documentDates(kit)), [], rng);
    const mc = multipleChoice(kit, p, { ...spec, difficulty: 0.1 }, d);
    if (mc) items.push(mc);
    items.push(makeItem(p, { ...spec, kind: "typed" }));
  };
  if (role && p.tenureStart) {
    asWho("took-up-role", `Who became ${role} on ${formatDate(p.tenureStart)}?`, p.evidence.tenureStart);
    asWhen("role-start", `When did ${me} become ${role}?`, p.tenureStart, p.evidence.tenureStart);
  }
  if (role && p.tenureEnd)
    asWhen("role-end", `When did ${me}'s term as ${role} end?`, p.tenureEnd, p.evidence.tenureEnd);
  if (role && p.predecessor) {
    const pred = people.find((o) => o.name === p.predecessor);
    // The succession sentence may name the successor only by pronoun ("She succeeds …"): cite where she is named too.
    if (pred)
      asWho(
        "successor",
        `Who succeeded ${displayName(pred)} as ${role}?`,
        joinSources([p.source, p.evidence.predecessor]),
      );
  }
  if (role && p.successor) {
    const succ = people.find((o) => o.name === p.successor);
    if (succ) asWho("predecessor", `Whom did ${displayName(succ)} succeed as ${role}?`, p.evidence.successor);
  }
  // A rank is asked among ranks; a title (King, Count, Professor) is no rank, and its options would mix in a queen.
  if (p.rank && RANK_POOL.includes(p.rank)) {
    const prompt = `What is the rank of ${p.name}?`;
    const d = pickDistractors(
      p.rank,
      [people.flatMap((o) => (o.rank ? [o.rank] : [])), RANK_POOL.includes(p.rank) ? RANK_POOL : []],
      [],
      rng,
    );
    const mc = multipleChoice(
      kit,
      p,
      { variant: "rank", prompt, answer: p.rank, answerType: "text", topic, source: p.evidence.rank },
      d,
    );
    if (mc) items.push(mc);
  }
  if (p.nationality) {
    const prompt = `Which country is ${me} from?`;
    const docCountries = kit.facts.flatMap((f) =>
      f.type === "place" && COUNTRY_POOL.includes(f.name) ? [f.name] : [],
    );
    const d = pickDistractors(p.nationality, [docCountries, COUNTRY_POOL], [], rng);
    const spec = {
      variant: "nationality",
      prompt,
      answer: p.nationality,
      answerType: "place" as const,
      topic,
      source: p.evidence.nationality,
    };
    const mc = multipleChoice(kit, p, spec, d);
    if (mc) items.push(mc);
    if (coin(kit, `${p.key}nat`) || !d)
      items.push(
        trueFalse(
          { key: p.key, source: p.evidence.nationality ?? p.source },
          "nationality",
          `${me} is from ${p.nationality}`,
          true,
          topic,
        ),
      );
    else
      items.push(
        trueFalse(
          { key: p.key, source: p.evidence.nationality ?? p.source },
          "nationality",
          `${me} is from ${d[0]}`,
          false,
          topic,
        ),
      );
  }
  if (p.role && !p.tenureStart && !p.predecessor && !p.successor) {
    const title = p.roleOf ? `${p.roleOf} ${p.role}` : p.role;
    // Other positions the document names; "<organisation> <generic office>" would invent offices that do not exist.
    const docTitles = people.flatMap((o) => (o !== p && o.role ? [o.roleOf ? `${o.roleOf} ${o.role}` : o.role] : []));
    const d = pickDistractors(title, [docTitles], [], rng);
    const spec = {
      variant: "title",
      prompt: `What was ${p.name}'s position?`,
      answer: title,
      answerType: "text" as const,
      topic,
      source: p.evidence.role,
    };
    const mc = multipleChoice(kit, p, spec, d);
    if (mc) items.push(mc);
    // Without three other positions in the document there is no honest multiple choice: ask it typed.
    else items.push(makeItem(p, { ...spec, kind: "typed" }));
  }
  if (p.description) items.push(...descriptionItems(kit, p, people, topic));
  for (const [n, deed] of (p.deeds ?? []).entries()) {
    // "Who was an Indian mathematician who …?": the sentence that says what the person is asks it as a role.
    if (p.description?.source.start === deed.source.start && /^Who (?:is|was) (?:a|an) /.test(deed.question)) continue;
    asWho(`deed-${n}`, deed.question, deed.source);
  }
  const gapped = gapSentence(p.source.text, p.name);
  if (gapped)
    items.push(
      makeItem(p, {
        kind: "cloze",
        variant: "name",
        prompt: `Fill in the blank: ${gapped}`,
        answer: p.name,
        accepted: nameVariants(kit, p),
        answerType: "person",
        topic,
      }),
    );
  return items;
}

/** "a German meteorologist", "an Indian mathematician", "the CMS spokesperson" (an organisation's own office). */
function withArticle(role: string): string {
  if (/^[A-Z]{2,}\b|^[A-Z][\w-]*['’]s\b/.test(role)) return /['’]s\b/.test(role.split(" ")[0]!) ? role : `the ${role}`;
  return /^(?:[aeio]|u(?!ni|s[eu])|hon|heir)/i.test(role) ? `an ${role}` : `a ${role}`;
}

/**
 * What the document calls a person ("the German meteorologist Alfred Wegener"): "Who was Alfred Wegener?" as a
 * flashcard (not where the sentence itself says "X was a …": the definition's card asks that), and as a multiple
 * choice among the other people's descriptions, or else "Which of these people was a German meteorologist?" among
 * the other people the document names. Never an invented person or role.
 */
function descriptionItems(kit: Kit, p: PersonFact, people: PersonFact[], topic: Topic): GeneratedItem[] {
  const d = p.description!;
  // A role is a fact of its own ("Wegener was a German meteorologist"), apart from the person's other attributes.
  const fact = { key: factKey("role", `${p.name} ${d.role}`), source: d.source };
  const items: GeneratedItem[] = [];
  const rng = kit.rngFor(`${p.key}|description`);
  const answer = withArticle(d.role);
  const prompt = `Who ${d.tense} ${p.name}?`;
  const spec = { prompt, answer, answerType: "text" as const, topic, source: d.source };
  const claim = new RegExp(`^${escapeRegExp(p.name)}(?:\\s+\\([^()]*\\))?\\s+(?:is|was)\\s`).test(tidy(d.source.text));
  // One item per role: the card asks for the role; the multiple choice only where the definition's card does.
  if (!claim) return [makeItem(fact, { ...spec, kind: "flashcard", variant: "description" })];
  const roles = people.flatMap((o) =>
    o !== p && o.description && o.description.role !== d.role ? [withArticle(o.description.role)] : [],
  );
  const forward = pickDistractors(answer, [roles], [], rng);
  const mc = forward && multipleChoice(kit, fact, { ...spec, variant: "description" }, forward);
  if (mc) return [...items, mc];
  const names = people.flatMap((o) => (o !== p && o.name !== p.name && o.description?.role !== d.role ? [o.name] : []));
  const reverse = pickDistractors(p.name, [names], [], rng);
  const who =
    reverse &&
    multipleChoice(
      kit,
      fact,
      {
        variant: "described-as",
        prompt: `Which of these people ${d.tense} ${answer}?`,
        answer: p.name,
        accepted: [],
        answerType: "person",
        topic,
        source: d.source,
      },
      reverse,
    );
  if (who) items.push(who);
  return items;
}
