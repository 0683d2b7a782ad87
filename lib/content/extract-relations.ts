/**
 * Plain relations stated in prose (issue 13, "who did what"): a sentence whose main clause opens with a name and its
 * finite verb ("Tim Berners-Lee proposed the system at CERN", "The Security Council adopted the resolution") is read
 * as subject + predicate, so an item can ask the subject ("Who proposed the system at CERN?"). A subject question
 * keeps the sentence's own verb, tense, voice and agreement: nothing is inverted or conjugated, which is why it is
 * the first relation read here. Read from wink-nlp's part-of-speech tags (pos.ts); a sentence that opens with a
 * subordinator, a pronoun or a coordinated subject, that reports speech, or whose predicate leans on something said
 * before (a pronoun, "also", "then") gives nothing.
 */
import { everydayWord } from "./blank-worth";
import { lowerFirst, ownClause } from "./phrase";
import { escapeRegExp } from "./text";
import { posTokens, type PosToken } from "./pos";
import { isRoleNoun } from "./extract-people";
import { analyse, toInfinitive, tokenize } from "./tokens";

/** A clause's subject and what the clause says of it, both as the sentence writes them. */
export interface Relation {
  /** The subject as written ("Berners-Lee", "the Security Council"). */
  subject: string;
  /** The predicate from its finite verb, without final punctuation, with a fronted phrase moved to its end. */
  predicate: string;
}

// Joining words inside a name: "Court of Justice", "Department of the Interior".
const NAME_LINKS = new Set(["of", "the", "de", "du", "von", "van", "for"]);
// A predicate that reports speech or thought quotes a claim the question cannot carry whole.
const REPORTING =
  /^(?:said|says|say|stated|states|added|adds|remarked|replied|noted|notes|argued|argues|wrote|writes|told|tells|explained|explains|announced|announces|claimed|claims|believed|believes|thought|thinks|suggested|suggests|recalled|recalls)$/i;
// A word that makes a clause lean on the one before it: the question would not read alone.
const LEANING =
  /\b(?:it|its|they|them|their|theirs|this|these|those|he|him|his|she|her|hers|we|us|our|you|your|also|then|too|again|there|here|such|former|latter|above|below|following|same|other|another)\b/i;
const MIN_PREDICATE_WORDS = 3;

/**
 * "the job", "the system", "the facilities": "the" and one everyday noun, with nothing after it to say which, point
 * back to something said before (Heilman & Smith's vague noun phrase); a question holding one does not read alone.
 * "the electron" (not everyday) and "the side of the agreement" say which.
 */
function vagueDefinite(phrase: string): boolean {
  const tokens = posTokens(phrase);
  return tokens.some(
    (t, i) =>
      /^the$/i.test(t.text) &&
      tokens[i + 1]?.pos === "NOUN" &&
      !["NOUN", "PROPN"].includes(tokens[i + 2]?.pos ?? "") &&
      !/^(?:of|-)$/.test(tokens[i + 2]?.text ?? "") &&
      everydayWord(tokens[i + 1]!.text.toLowerCase()),
  );
}
const MAX_PREDICATE_WORDS = 18;

/** Index after the name that starts at `from` ("the Security Council", "Tim Berners-Lee"), or `from` when none. */
// A word of a name: a proper noun, or a capitalised noun the tagger read as common ("the Office of …").
const nameWord = (t: PosToken | undefined) =>
  t?.pos === "PROPN" || (t?.pos === "NOUN" && /^\p{Lu}/u.test(t.text) && t.start > 0);

function nameEnd(tokens: PosToken[], from: number): number {
  let i = from;
  if (tokens[i]?.text.toLowerCase() === "the" && nameWord(tokens[i + 1])) i++;
  if (tokens[i]?.pos !== "PROPN" && !(i > from && nameWord(tokens[i]))) return from;
  let end = i;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (nameWord(t)) {
      i++;
      end = i;
      continue;
    }
    // "Berners - Lee": a hyphen with no space either side joins one name.
    const next = tokens[i + 1];
    if (t.text === "-" && next?.pos === "PROPN" && t.start === tokens[i - 1]!.end && next.start === t.end) {
      i++;
      continue;
    }
    // "Office of the High Representative": a link word, with "the" after it, inside one name.
    const skip = next?.text === "the" ? 2 : 1;
    if (NAME_LINKS.has(t.text) && nameWord(tokens[i - 1]) && nameWord(tokens[i + skip])) {
      i += skip;
      continue;
    }
    break;
  }
  return end;
}

/**
 * A plain declarative sentence (no question, colon, quotation or brackets) with its tags and its opening read
 * (`frontedPhrase`): what every relation reader starts from; undefined when the sentence is none.
 */
function readClause(
  sentence: string,
): { text: string; tokens: PosToken[]; front: { at: number; late: string } } | undefined {
  const text = sentence.trim();
  if (!/[.!]$/.test(text) || /[?:"“”()[\]]/.test(text)) return undefined;
  const tokens = posTokens(text);
  const front = frontedPhrase(text, tokens);
  return front && { text, tokens, front };
}

/**
 * What opens the sentence before its main clause's subject: the index of the main clause's first word, and what of
 * the opening goes behind the predicate. A prepositional phrase closed by the first comma moves there lower-cased
 * ("In 2004, X …" → "… in 2004"). A leading subordinate clause ("Although his family objected, X …") is left out when
 * the main clause is true without it: a concession or a cause, or a time clause before a main clause in the past
 * (what happened, happened); a condition ("If …", "Unless …", "Until …", "Before …") or a time clause before a present main
 * clause ("When water is scarce, plants close …") limits when the main clause holds, so it moves behind the predicate
 * as written. `at` 0 and `late` "" when the sentence opens with its subject; undefined when the opening is read as
 * neither.
 */
function frontedPhrase(text: string, tokens: PosToken[]): { at: number; late: string } | undefined {
  const first = tokens[0];
  if (first?.pos !== "ADP" && first?.pos !== "SCONJ") return { at: 0, late: "" };
  const comma = tokens.findIndex((t) => t.text === ",");
  const lower = (end: number) => {
    const phrase = text.slice(first.start, tokens[end - 1]!.end);
    return phrase[0]!.toLowerCase() + phrase.slice(1);
  };
  const verbAt = (from: number, to: number) =>
    tokens.slice(from, to).findIndex((t) => t.pos === "VERB" || t.pos === "AUX");
  const word = first.text.toLowerCase();
  const phrase = !CLAUSE_ONLY.test(word) && verbAt(1, comma) === -1;
  if (phrase && comma >= 2 && comma <= 6 && !tokens.slice(1, comma).some((t) => t.pos === "SCONJ"))
    return { at: comma + 1, late: lower(comma) };
  if (!SUBORDINATORS.test(word)) return undefined;
  // The comma that closes the clause: the first with a verb before it ("Although his family, as orthodox Hindus,
  // objected to his crossing the sea, Ramanujan sailed …").
  const close = tokens.findIndex((t, i) => t.text === "," && i > 1 && verbAt(1, i) !== -1);
  if (close === -1 || close > 24 || verbAt(close + 1, tokens.length) === -1) return undefined;
  const mainVerb = tokens[close + 1 + verbAt(close + 1, tokens.length)]!;
  const rest = text.slice(tokens[close + 1]!.start);
  const past = tokenize(rest)
    .find((t) => t.start === mainVerb.start - tokens[close + 1]!.start)
    ?.tags.has("PastTense");
  const dropped = CONCESSIVE.test(word) || (TEMPORAL.test(word) && !!past);
  return { at: close + 1, late: dropped ? "" : lower(close) };
}

// A subordinate clause that may open a sentence; of them, those whose main clause holds without them.
const SUBORDINATORS = /^(?:although|though|whereas|because|after|before|when|once|while|since|as|if|unless|until)$/;
const CONCESSIVE = /^(?:although|though|whereas|because)$/;
// "before" limits even a past main clause ("Before the railway came, the town traded by sea"): never left out.
const TEMPORAL = /^(?:after|when|once|while|since|as)$/;
// Never a preposition: what follows is a clause even when the tagger finds no verb before the first comma.
const CLAUSE_ONLY = /^(?:although|though|whereas|because|when|once|while|if|unless)$/;

/**
 * The main clause's words in `rest` (what follows the subject or the object), without final punctuation: a second
 * clause after ";", a dash or a comma is left out, so the question asks one thing. Undefined when the comma sits
 * inside a list ("visited Austria, Hungary and Serbia"): the cut would leave the list partial.
 */
function mainClause(rest: string): string | undefined {
  const own = rest.replace(/[.!]$/, "");
  const cut = own.search(/[;–—]|,\s|\s-\s/);
  if (cut !== -1 && own[cut] === ",") {
    const more = posTokens(own.slice(cut + 1));
    const verbAt = more.findIndex((t) => t.pos === "VERB" || t.pos === "AUX");
    const joinAt = more.findIndex((t) => t.pos === "CCONJ");
    if (joinAt !== -1 && (verbAt === -1 || joinAt < verbAt)) return undefined;
  }
  return (cut === -1 ? own : own.slice(0, cut)).trim();
}

/** A phrase that ends on a preposition, a determiner or a joining word was cut mid-phrase. */
function endsMidPhrase(phrase: string): boolean {
  const last = posTokens(phrase).at(-1);
  return !last || ["ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX"].includes(last.pos);
}

/**
 * The sentence's main clause as a name subject and its predicate, or undefined when the sentence is not of that shape.
 * A fronted phrase closed by a comma ("In 2004, …") moves behind the predicate.
 *
 * @example
 * subjectRelation('In 1989, Tim Berners-Lee proposed the system at CERN.')
 * // { subject: 'Tim Berners-Lee', predicate: 'proposed the system at CERN in 1989' }
 */
export function subjectRelation(sentence: string): Relation | undefined {
  const clause = readClause(sentence);
  if (!clause) return undefined;
  const { text, tokens, front } = clause;
  let at = front.at;
  // "The engineer Margaret Hollis designed …": a title before the name is left out of the subject.
  if (
    /^the$/i.test(tokens[at]?.text ?? "") &&
    tokens[at + 1]?.pos === "NOUN" &&
    /^\p{Ll}/u.test(tokens[at + 1]!.text)
  ) {
    let k = at + 1;
    while (tokens[k]?.pos === "NOUN" && /^\p{Ll}/u.test(tokens[k]!.text)) k++;
    if (tokens[k]?.pos === "PROPN") at = k;
  }
  const end = nameEnd(tokens, at);
  if (end === at) return undefined;
  const subject = text.slice(tokens[at]!.start, tokens[end - 1]!.end);
  let v = end;
  // "X later joined …": one adverb between the subject and its verb.
  if (tokens[v]?.pos === "ADV" && (tokens[v + 1]?.pos === "VERB" || tokens[v + 1]?.pos === "AUX")) v++;
  const verb = tokens[v];
  if (!verb || (verb.pos !== "VERB" && verb.pos !== "AUX") || /ing$/.test(verb.text)) return undefined;
  if (REPORTING.test(verb.text)) return undefined;
  const main = mainClause(text.slice(tokens[end]!.start));
  if (main === undefined) return undefined;
  // A comma inside the fronted phrase or the cut left "and"/"but" dangling.
  const predicate = main.replace(/\s+(?:and|but|or)$/i, "");
  const full = front.late ? `${predicate} ${front.late}` : predicate;
  const words = full.split(/\s+/);
  if (words.length < MIN_PREDICATE_WORDS || words.length > MAX_PREDICATE_WORDS) return undefined;
  if (LEANING.test(full) || vagueDefinite(full)) return undefined;
  // The clause went on past the cut with a subject of its own only when the comma closed an aside.
  if (endsMidPhrase(predicate)) return undefined;
  return { subject, predicate: full };
}

/** An object question on a clause: its wh-question without the object, and the object as written. */
export interface ObjectRelation {
  question: string;
  object: string;
}

// Verbs whose object is seldom the only thing true of the subject ("has", "includes", "uses"): a "What does X
// include?" has many right answers.
const OPEN_VERBS =
  /^(?:has|have|had|include|includes|included|contain|contains|contained|use|uses|used|get|gets|got|make|makes|made|take|takes|took|give|gives|gave|do|does|did|see|sees|saw|need|needs|needed|want|wants|wanted|show|shows|showed|like|likes|become|becomes|became|remain|remains|remained|seem|seems|seemed|mean|means|meant|cover|covers|covered|involve|involves|involved|call|calls|called|name|names|named|elect|elects|elected|appoint|appoints|appointed|consider|considers|considered|find|finds|found|keep|keeps|kept|leave|leaves|left|put|puts|set|sets|let|lets)$/i;
// A quantifier or a lone definite noun makes the object vague: "many plants", "the ship" (which ship is said before).
const VAGUE_OBJECT = /^(?:many|some|several|most|few|all|other|various|each|every|much|more|less|no|both|any)\b/i;
const OBJECT_WORD = new Set(["ADJ", "NOUN", "PROPN", "NUM"]);

/** End (exclusive) of a plain noun phrase from `from`: adjectives, nouns, names, numbers, hyphen and "and" joins. */
function phraseEnd(tokens: PosToken[], from: number): number {
  let i = from;
  let end = from;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // "runs the port today": a time word ends the phrase.
    if (OBJECT_WORD.has(t.pos) && !/^(?:today|tonight|yesterday|tomorrow|now|nowadays)$/i.test(t.text)) {
      i++;
      end = i;
      continue;
    }
    if (t.text === "-" && i > from && next && t.start === tokens[i - 1]!.end && next.start === t.end) {
      i++;
      continue;
    }
    // "blue and red light": "and" between two words of one phrase, never before a verb or a determiner.
    if (t.pos === "CCONJ" && t.text === "and" && i > from && next && OBJECT_WORD.has(next.pos)) {
      i++;
      continue;
    }
    break;
  }
  return end;
}

/**
 * "What does chlorophyll mostly absorb?" from "Chlorophyll absorbs mostly blue and red light.": an active clause
 * whose subject is a plain noun phrase or a name and whose finite verb is followed by its object. The question uses
 * do-support in the verb's own tense ("did" for a past verb, "do"/"does" by the subject's number) and keeps what
 * follows the object ("as a by-product"). Undefined for a passive, a copula, an open verb ("has", "includes"), an
 * indefinite or pronoun object, or any clause that leans on the one before.
 *
 * @example
 * objectRelation('Photolysis releases oxygen as a by-product.')
 * // { question: 'What does photolysis release as a by-product?', object: 'oxygen' }
 */
export function objectRelation(sentence: string): ObjectRelation | undefined {
  const clause = readClause(sentence);
  if (!clause) return undefined;
  const { text, tokens, front } = clause;
  const { at } = front;
  // The subject: a name, or "the" + a plain noun phrase, or a bare plain noun phrase ("Chlorophyll").
  let s = at;
  if (/^the$/i.test(tokens[s]?.text ?? "")) s++;
  const subjectEnd = phraseEnd(tokens, s);
  if (subjectEnd === s || !["NOUN", "PROPN"].includes(tokens[subjectEnd - 1]!.pos)) return undefined;
  const subject = text.slice(tokens[at]!.start, tokens[subjectEnd - 1]!.end);
  if (/\band\b/i.test(subject) || LEANING.test(subject)) return undefined;
  // "the mission", "the ship": one common noun after "the" points back to something said before.
  if (s > at && subjectEnd - s === 1 && tokens[s]!.pos === "NOUN") return undefined;
  let v = subjectEnd;
  // "mostly", "mainly", "only": a manner adverb next to the verb moves with it; "about one percent" stays in the object.
  const manner = (t: PosToken | undefined) => t?.pos === "ADV" && /(?:ly|only)$/i.test(t.text);
  const before = manner(tokens[v]) ? tokens[v++]!.text : "";
  const verb = tokens[v];
  if (!verb || verb.pos !== "VERB" || /ing$/.test(verb.text) || OPEN_VERBS.test(verb.text)) return undefined;
  if (REPORTING.test(verb.text)) return undefined;
  let o = v + 1;
  const after = manner(tokens[o]) ? tokens[o++]!.text : "";
  if (before && after) return undefined;
  const adverb = before || after;
  const objectStart = o;
  if (/^the$/i.test(tokens[o]?.text ?? "")) o++;
  else if (/^(?:about|around|nearly|almost|roughly|approximately|over)$/i.test(tokens[o]?.text ?? "")) o++;
  const objectEnd = phraseEnd(tokens, o);
  // "the Nobel Prize in Chemistry": a name may go on past a preposition; the object could be cut.
  if (
    tokens[objectEnd - 1]?.pos === "PROPN" &&
    tokens[objectEnd]?.pos === "ADP" &&
    tokens[objectEnd + 1]?.pos === "PROPN"
  )
    return undefined;
  if (objectEnd === o || !nounHead(text, tokens, objectEnd - 1)) return undefined;
  if (VAGUE_OBJECT.test(tokens[o]!.text)) return undefined;
  // "the appointment of the Secretary-General": one "of" phrase belongs to the object.
  let end = objectEnd;
  if (tokens[end]?.text === "of") {
    let p = end + 1;
    if (/^the$/i.test(tokens[p]?.text ?? "")) p++;
    const ofEnd = phraseEnd(tokens, p);
    if (ofEnd > p) end = ofEnd;
  }
  // "the Homestead Act" with "Act" read as a verb: a capitalised word right after the object cuts a name.
  if (/^\p{Lu}/u.test(tokens[end]?.text ?? "")) return undefined;
  // "the ship", "the resolution": one common noun after "the" points back to something said before.
  if (o > objectStart && end === objectEnd && objectEnd - o === 1 && tokens[o]!.pos === "NOUN") return undefined;
  const object = text.slice(tokens[objectStart]!.start, tokens[end - 1]!.end);
  if (object.split(/\s+/).length > 6) return undefined;
  // What follows the object up to the end of the main clause.
  // A second predicate ("… and reflects green light") ends the clause.
  const second = tokens.findIndex((t, i) => i >= end && t.text === "and" && tokens[i + 1]?.pos === "VERB");
  const clauseEnd = second === -1 ? text.length : tokens[second]!.start;
  // The clause goes on with a second verb ("… and arrived"), or a list continues past the comma: not one object.
  // "absorbs blue and red light and reflects green light": a second predicate after "and" is left out; any other
  // "and" after the object would extend it.
  const next = tokens[end];
  if (next && next.pos === "CCONJ" && !(next.text === "and" && tokens[end + 1]?.pos === "VERB")) return undefined;
  const tail = mainClause(text.slice(tokens[end - 1]!.end, clauseEnd));
  // "persuaded the President that a canal …": a clause after the object is a second object.
  if (tail === undefined || /^(?:that|whether|if|which|who|whom)\b/i.test(tail)) return undefined;
  const frontedLate = front.late;
  if (LEANING.test(`${subject} ${tail} ${frontedLate}`) || LEANING.test(object)) return undefined;
  if (vagueDefinite(`${tail} ${frontedLate}`)) return undefined;
  if (tail && endsMidPhrase(tail)) return undefined;
  const wh = whQuestion(subject, adverb, verb.text, [tail, frontedLate]);
  return wh ? { question: wh, object } : undefined;
}

/** A phrase's last word is a noun: by wink's tag, or by compromise's when wink read it as an adjective ("red light"). */
function nounHead(text: string, tokens: PosToken[], i: number): boolean {
  const t = tokens[i]!;
  if (t.pos === "NOUN" || t.pos === "PROPN") return true;
  if (t.pos !== "ADJ" || i === 0 || tokens[i - 1]!.pos !== "ADJ") return false;
  const word = tokenize(text).find((x) => x.start === t.start);
  return !!word && word.tags.has("Noun") && !word.tags.has("Adjective");
}

/**
 * A sentence-initial common noun in lower case ("Construction began" → "did construction begin"), a name as is; a
 * single capitalised word that could be either ("Chlorophyll", "Stoltenberg") is undefined, and no question is asked.
 */
function commonFirst(subject: string): string | undefined {
  const lowered = lowerFirst(subject);
  if (lowered !== subject || /\s/.test(subject)) return lowered;
  return posTokens(subject)[0]?.pos === "NOUN" ? subject[0]!.toLowerCase() + subject.slice(1) : undefined;
}

/**
 * A clause's first words as they read inside a question: `commonFirst`, and a single capitalised word the document
 * also writes capitalised inside a sentence is a name ("Hamlet"), one it writes in lower case a common noun
 * ("Penicillin" → "penicillin"); undefined when the document does not say.
 */
function asObject(subject: string, documentText: string): string | undefined {
  const written = commonFirst(subject);
  if (written !== undefined && (written !== subject || /\s/.test(subject))) return written;
  const word = escapeRegExp(subject);
  if (new RegExp(`[\\p{Ll},;] ${word}\\b`, "u").test(documentText)) return subject;
  const lower = escapeRegExp(subject.toLowerCase());
  if (new RegExp(`\\b${lower}\\b`).test(documentText)) return subject.toLowerCase();
  return undefined;
}

/** "What does/do/did <subject> <adverb> <base verb> <rest>?" in the verb's tense and the subject's number. */
function whQuestion(subject: string, adverb: string, verb: string, rest: string[]): string | undefined {
  const t = tokenize(`${subject} ${verb}`).find((x) => x.text === verb);
  if (!t) return undefined;
  const past = t.tags.has("PastTense");
  if (!past && !t.tags.has("PresentTense")) return undefined;
  const head = subject.split(/\s+/).at(-1)!;
  const plural = /[^s]s$/.test(head) && !/^\p{Lu}+s?$/u.test(head);
  // Present tense agrees with the subject: "absorbs" after a singular, "produce" after a plural.
  if (!past && plural === /s$/.test(verb)) return undefined;
  const aux = past ? "did" : plural ? "do" : "does";
  const written = commonFirst(subject);
  if (!written) return undefined;
  const words = ["What", aux, written, adverb, toInfinitive(verb), ...rest].filter(Boolean);
  return `${words.join(" ")}?`;
}

/**
 * The clauses of a sentence that can be read alone, each ending in a full stop: the sentence itself, and a later
 * clause joined by ", and", ", but" or ";" with a subject of its own ("The Tisza is the longest tributary, but the
 * Sava carries the most water" → "the Sava carries the most water."), split where phrase.ts `ownClause` splits.
 * Bracketed asides are left out ("CAM plants (crassulacean acid metabolism) open …" → "CAM plants open …").
 *
 * @example clausesOf('The Tisza is long, but the Sava carries the most water.')[1] // 'the Sava carries the most water.'
 */
export function clausesOf(sentence: string): string[] {
  const text = sentence.replace(/\s*\([^()]*\)/g, "").trim();
  const out: string[] = [];
  for (const t of posTokens(text)) {
    const clause = ownClause(text, t.start).text.replace(/[,;]$/, "");
    const full = /[.!]$/.test(clause) ? clause : `${clause}.`;
    if (!out.includes(full)) out.push(full);
  }
  return out;
}

/**
 * A passive clause with its agent: "The Eiffel Tower was designed by Gustave Eiffel in 1889." The agent is asked,
 * the patient stays in the question as its object. `active` is the question's predicate in the active voice when
 * compromise's conjugation of the participle checks out ("designed the Eiffel Tower in 1889"; "wrote the novel" from
 * "was written"), else undefined; `passive` keeps the source's own verb form for a "By whom …?" question ("was the
 * Eiffel Tower designed in 1889"). `agents` are the spans after "by" a name may start at, longest first ("the
 * engineer Gustave Eiffel" → "Gustave Eiffel"): the caller keeps the first one the document types.
 */
export interface PassiveRelation {
  agents: string[];
  active?: string;
  passive: string;
}

const PASSIVE_AUX = /^(?:is|are|was|were)$/i;

/**
 * The agent of a passive clause and the question's two predicates (see `PassiveRelation`); `documentText` says
 * whether a one-word patient is a name or a common noun ("Hamlet", "penicillin").
 *
 * @example
 * passiveRelation('The Eiffel Tower was designed by the engineer Gustave Eiffel in 1889.')
 * // { agents: ['Gustave Eiffel'], active: 'designed the Eiffel Tower in 1889', passive: 'was the Eiffel Tower designed in 1889' }
 */
export function passiveRelation(sentence: string, documentText = ""): PassiveRelation | undefined {
  const clause = readClause(sentence);
  if (!clause) return undefined;
  const { text, tokens, front } = clause;
  const patientEnd = subjectEnd(tokens, front.at);
  if (patientEnd === undefined) return undefined;
  const patient = asObject(text.slice(tokens[front.at]!.start, tokens[patientEnd - 1]!.end), documentText);
  const aux = tokens[patientEnd];
  const participle = tokens[patientEnd + 1];
  if (!patient || !aux || !PASSIVE_AUX.test(aux.text) || participle?.pos !== "VERB") return undefined;
  if (/ing$/.test(participle.text) || tokens[patientEnd + 2]?.text !== "by") return undefined;
  // Agreement: "The bridges were built", "The tower was built"; a mismatch means the subject was misread.
  const plural = /^(?:are|were)$/i.test(aux.text);
  if (nameEnd(tokens, front.at) === front.at && plural !== pluralHead(patient)) return undefined;
  const agents: string[] = [];
  let agentEnd = -1;
  // "by the British computer scientist Tim Berners-Lee": names inside the agent's noun phrase, in order.
  let k = patientEnd + 3;
  while (k < tokens.length && k <= patientEnd + 9) {
    const t = tokens[k]!;
    const end = nameEnd(tokens, k);
    if (end > k) {
      agents.push(text.slice(t.start, tokens[end - 1]!.end));
      agentEnd = end;
      k = end;
      continue;
    }
    if (!["DET", "ADJ", "NOUN"].includes(t.pos)) break;
    k++;
  }
  // "by the Roman army": a name that only modifies the agent's noun is not the agent.
  if (agentEnd === -1 || ["NOUN", "PROPN", "ADJ", "NUM"].includes(tokens[agentEnd]?.pos ?? "")) return undefined;
  agents.reverse();
  if (agents.length === 0) return undefined;
  // A second agent ("by Marie and Pierre Curie") would make a one-name answer partial.
  if (/^(?:and|or|,)$/.test(tokens[agentEnd]?.text ?? "")) return undefined;
  // "… while he was working at CERN": a trailing subordinate clause adds a circumstance; the agent does not need it.
  const rest = tokens[agentEnd]?.pos === "SCONJ" ? "" : text.slice(tokens[agentEnd - 1]!.end);
  const tail = mainClause(rest);
  if (tail === undefined || (tail && endsMidPhrase(tail))) return undefined;
  const after = [tail, front.late].filter(Boolean).join(" ");
  if (LEANING.test(`${patient} ${after}`) || vagueDefinite(`${patient} ${after}`)) return undefined;
  const words = `${patient} ${participle.text} ${after}`.split(/\s+/).length;
  if (words < MIN_PREDICATE_WORDS || words > MAX_PREDICATE_WORDS) return undefined;
  const verb = activeVerb(participle.text, /^(?:was|were)$/i.test(aux.text));
  return {
    agents,
    active: verb ? [verb, patient, after].filter(Boolean).join(" ") : undefined,
    passive: [aux.text.toLowerCase(), patient, participle.text, after].filter(Boolean).join(" "),
  };
}

/**
 * The end of a clause's subject from `at`: a name ("the Eiffel Tower"), or "the" and two or more words of a plain
 * noun phrase ("the light-dependent reactions"), or a bare plural or mass noun phrase; undefined for "the ship" (said
 * before), a pronoun, a coordinated subject.
 */
function subjectEnd(tokens: PosToken[], at: number): number | undefined {
  const named = nameEnd(tokens, at);
  if (named > at) return named;
  let s = at;
  if (/^the$/i.test(tokens[s]?.text ?? "")) s++;
  const end = phraseEnd(tokens, s);
  if (end === s || !["NOUN", "PROPN"].includes(tokens[end - 1]!.pos)) return undefined;
  if (tokens.slice(at, end).some((t) => t.text === "and") || (s > at && end - s === 1)) return undefined;
  return end;
}

const pluralHead = (phrase: string) => {
  const head = phrase.split(/\s+/).at(-1)!;
  return /[^s]s$/.test(head) && !/^\p{Lu}+s?$/u.test(head);
};

/**
 * The active verb for "Who <verb> …?" from a passive's participle, in the passive's tense: "designed" stays as it is
 * in the past; "written" → "wrote"; "managed" → "manages" in the present. Undefined when compromise's conjugation
 * does not lead back to the same participle ("founded" read as "found"): the caller then keeps the passive.
 */
function activeVerb(participle: string, past: boolean): string | undefined {
  const infinitive = toInfinitive(participle);
  const forms = conjugate(infinitive);
  if (!forms) return undefined;
  const participleOk = forms.Participle ? forms.Participle === participle : forms.PastTense === participle;
  if (!participleOk) return undefined;
  return past ? forms.PastTense : forms.PresentTense;
}

function conjugate(infinitive: string): Record<string, string> | undefined {
  const verbs = analyse(infinitive).verbs() as unknown as { conjugate(): Record<string, string>[] };
  return verbs.conjugate()[0];
}

// Heads a named thing has one of ("the capital of Australia"); a role noun ("director") is read by `isRoleNoun`.
const ONE_OF = /^(?:capital|founder|inventor|author|birthplace|headquarters|source|mouth|summit)$/i;

/**
 * A copula naming one thing: "Yellowstone Lake is the largest high-elevation lake in North America." A superlative or
 * an ordinal with a scope ("in North America", "of the river", "ever launched") says which one; a person's role of
 * a named thing ("was the first director of CERN") too. `complement` is as written, without its final punctuation.
 * Anything else ("X is the home of many birds", "X is a city", "the largest building" with no scope) has many right
 * answers and gives nothing.
 *
 * @example
 * copulaRelation('Yellowstone Lake is the largest high-elevation lake in North America.')
 * // { subject: 'Yellowstone Lake', verb: 'is', complement: 'the largest high-elevation lake in North America', role: false }
 * // role: 'person' for "was the director of CERN" (asked only of a person), 'thing' for "is the capital of Australia"
 */
export function copulaRelation(
  sentence: string,
): { subject: string; verb: string; complement: string; role: "person" | "thing" | false } | undefined {
  const clause = readClause(sentence);
  if (!clause) return undefined;
  const { text, tokens, front } = clause;
  const end = nameEnd(tokens, front.at);
  if (end === front.at) return undefined;
  const subject = text.slice(tokens[front.at]!.start, tokens[end - 1]!.end);
  const verb = tokens[end];
  if (!verb || !/^(?:is|was)$/.test(verb.text) || tokens[end + 1]?.text.toLowerCase() !== "the") return undefined;
  const main = mainClause(text.slice(tokens[end + 1]!.start));
  if (!main || endsMidPhrase(main)) return undefined;
  const complement = [main, front.late].filter(Boolean).join(" ");
  const words = complement.split(/\s+/);
  if (words.length < 3 || words.length > 14 || LEANING.test(complement) || vagueDefinite(complement)) return undefined;
  const inner = posTokens(main);
  // "the largest …", "the second-longest …", "the first …", "the most powerful …".
  const ranked = inner
    .slice(1, 4)
    .some(
      (t) =>
        (t.pos === "ADJ" && /\p{L}{2,}est$/u.test(t.text) && !/^(?:west|honest|modest)$/i.test(t.text)) ||
        /^(?:most|least|first|second|third|last|only)$/i.test(t.text),
    );
  // "the largest and most powerful space science telescope": "most"/"least" and a joining "and" inside the phrase.
  let headAt = 1;
  while (headAt < inner.length) {
    const t = inner[headAt]!;
    if (/^(?:most|least)$/i.test(t.text) || (t.text === "and" && headAt > 1)) headAt++;
    else if (phraseEnd(inner, headAt) > headAt) headAt = phraseEnd(inner, headAt);
    else break;
  }
  const head = inner[headAt - 1];
  if (!head || !nounHead(main, inner, headAt - 1)) return undefined;
  const scope = inner[headAt];
  // Only a noun phrase and one scope: a relative clause or a second verb would need more than the question holds.
  if (inner.slice(headAt).some((t) => ["SCONJ", "AUX", "PRON"].includes(t.pos) || /^(?:that|which|who)$/i.test(t.text)))
    return undefined;
  const scoped =
    !!scope &&
    ((/^(?:in|of|on|among)$/i.test(scope.text) && !!inner[headAt + 1]) ||
      (/^(?:ever|to)$/i.test(scope.text) && inner[headAt + 1]?.pos === "VERB"));
  // "the capital of Australia", "the director of CERN": one of a named thing.
  const ofName = scope?.text === "of" && nameEnd(inner, headAt + 1) > headAt + 1;
  const role = ranked || !ofName ? false : isRoleNoun(head.text) ? "person" : ONE_OF.test(head.text) ? "thing" : false;
  if (!(ranked && scoped) && !role) return undefined;
  return { subject, verb: verb.text, complement, role };
}
