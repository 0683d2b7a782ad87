import { dateCandidates, pickDistractors } from "./distractors";
import { formatDate } from "./dates";
import { documentDates, displayName, nameVariants } from "./items-dated";
import { coin, gapSentence, makeItem, multipleChoice, trueFalse, type Kit } from "./item-kit";
import { COUNTRY_POOL, RANK_POOL } from "./pools";
import { joinSources } from "./text";
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
  if (p.rank) {
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
  for (const [n, deed] of (p.deeds ?? []).entries()) asWho(`deed-${n}`, deed.question, deed.source);
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
